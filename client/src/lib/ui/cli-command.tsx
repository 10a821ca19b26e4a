// An `openstack ...` command line, correctly quoted, that the user can copy: how to do with the CLI what Zenith
// is about to do (or did).
import clsx from 'clsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckIcon, CopyIcon } from './icons';
import { shellCommand } from './shell-quote';

export function CliCommand({
  commands,
  className,
  testId = 'cli-command',
}: {
  /** One argv per command, without the leading `openstack`. */
  commands: readonly (readonly string[])[];
  className?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const text = commands.map((argv) => shellCommand(['openstack', ...argv])).join('\n');
  const copy = () => {
    void navigator.clipboard?.writeText(text).then(() => {
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    });
  };
  return (
    <div className={clsx('relative rounded-md border border-line bg-sunken', className)}>
      <pre
        data-testid={testId}
        tabIndex={0}
        className="py-2.5 pr-20 pl-3 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-fg"
      >
        {text}
      </pre>
      <button
        type="button"
        onClick={copy}
        className="absolute top-1.5 right-1.5 inline-flex items-center gap-1 rounded border border-line bg-surface px-2 py-1 text-xs font-medium text-fg hover:bg-sunken"
      >
        {copied ? <CheckIcon className="size-3.5" /> : <CopyIcon className="size-3.5" />}
        <span aria-live="polite">{copied ? t('common.copied') : t('common.copy')}</span>
      </button>
    </div>
  );
}
