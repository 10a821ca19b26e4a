// A "Copy" button for a text the user takes elsewhere (a command line, a curl command): says "Copied" for a moment.
import clsx from 'clsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckIcon, CopyIcon } from './icons';

export function CopyButton({
  text,
  label,
  className,
  testId,
}: {
  text: string;
  /** The button's words before copying; "Copy" when not given. */
  label?: string;
  className?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(text).then(() => {
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    });
  };
  return (
    <button
      type="button"
      onClick={copy}
      data-testid={testId}
      className={clsx(
        'inline-flex items-center gap-1 rounded border border-line bg-surface px-2 py-1 text-xs font-medium text-fg hover:bg-sunken',
        className,
      )}
    >
      {copied ? <CheckIcon className="size-3.5" /> : <CopyIcon className="size-3.5" />}
      <span aria-live="polite">{copied ? t('common.copied') : (label ?? t('common.copy'))}</span>
    </button>
  );
}
