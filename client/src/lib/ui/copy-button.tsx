// Copying a text the user takes elsewhere (a command line, a curl command, a key shown once): the button says
// "Copied" for a moment once the clipboard took it.
import clsx from 'clsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckIcon, CopyIcon } from './icons';

/** Copies a text; `copied` is true for 2 s after the clipboard took it. */
export function useClipboardCopy(): { copied: boolean; copy: (text: string) => void } {
  const [copied, setCopied] = useState(false);
  const copy = (text: string) => {
    void navigator.clipboard?.writeText(text).then(() => {
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    });
  };
  return { copied, copy };
}

/** The icon and words of a copy button, in its live region. */
export function CopyButtonContent({ copied, label }: { copied: boolean; label?: string }) {
  const { t } = useTranslation();
  return (
    <>
      {copied ? <CheckIcon className="size-3.5" /> : <CopyIcon className="size-3.5" />}
      <span aria-live="polite">{copied ? t('common.copied') : (label ?? t('common.copy'))}</span>
    </>
  );
}

export function CopyButton({
  text,
  label,
  ariaLabel,
  className,
  testId,
}: {
  text: string;
  /** The button's words before copying; "Copy" when not given. */
  label?: string;
  /** What the button copies, for a screen reader, where its words alone do not say it. */
  ariaLabel?: string;
  className?: string;
  testId?: string;
}) {
  const { copied, copy } = useClipboardCopy();
  return (
    <button
      type="button"
      onClick={() => copy(text)}
      aria-label={ariaLabel}
      data-testid={testId}
      className={clsx(
        'inline-flex items-center gap-1 rounded border border-line bg-surface px-2 py-1 text-xs font-medium text-fg hover:bg-sunken',
        className,
      )}
    >
      <CopyButtonContent copied={copied} label={label} />
    </button>
  );
}

/** A value shown whole and selectable under its label, with its copy button (an id, a key, a URL). */
export function CopyableValue({
  label,
  value,
  testId,
  copyLabel,
  className,
}: {
  label: string;
  value: string;
  testId: string;
  /** The copy button's accessible name; "Copy <label>" when not given. */
  copyLabel?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className={className}>
      <p className="mb-1 text-sm font-medium text-fg">{label}</p>
      <div className="flex items-center gap-2 rounded-md border border-line bg-sunken py-1.5 pr-1.5 pl-3">
        <code className="min-w-0 flex-1 font-mono text-sm break-all select-all" data-testid={testId}>
          {value}
        </code>
        <CopyButton text={value} ariaLabel={copyLabel ?? t('common.copyWhat', { what: label })} className="shrink-0" testId={`${testId}-copy`} />
      </div>
    </div>
  );
}
