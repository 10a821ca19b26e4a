// A value the user copies somewhere else (an access key, a secret, a URL): shown whole, selectable, with a copy
// button that says when it copied.
import clsx from 'clsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckIcon, CopyIcon } from '../../../lib/ui/icons';

export function CopyButton({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(value).then(() => {
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    });
  };
  return (
    <button
      type="button"
      onClick={copy}
      aria-label={label}
      className="inline-flex shrink-0 items-center gap-1 rounded border border-line bg-surface px-2 py-1 text-xs font-medium text-fg hover:bg-sunken"
      data-testid={testId}
    >
      {copied ? <CheckIcon className="size-3.5" /> : <CopyIcon className="size-3.5" />}
      <span aria-live="polite">{copied ? t('common.copied') : t('common.copy')}</span>
    </button>
  );
}

export function CopyableValue({ label, value, testId, className }: { label: string; value: string; testId: string; className?: string }) {
  const { t } = useTranslation();
  return (
    <div className={className}>
      <p className="mb-1 text-sm font-medium text-fg">{label}</p>
      <div className="flex items-center gap-2 rounded-md border border-line bg-sunken py-1.5 pr-1.5 pl-3">
        <code className="min-w-0 flex-1 font-mono text-sm break-all select-all" data-testid={testId}>
          {value}
        </code>
        <CopyButton value={value} label={t('api-access.copyWhat', { what: label })} testId={`${testId}-copy`} />
      </div>
    </div>
  );
}

/** A file's text as it will be downloaded, with its copy button. */
export function FileText({ text, label, testId, className }: { text: string; label: string; testId: string; className?: string }) {
  const { t } = useTranslation();
  return (
    <div className={clsx('relative rounded-md border border-line bg-sunken', className)}>
      <pre
        tabIndex={0}
        className="max-h-72 overflow-auto py-2.5 pr-20 pl-3 font-mono text-xs leading-relaxed whitespace-pre text-fg"
        data-testid={testId}
      >
        {text}
      </pre>
      <div className="absolute top-1.5 right-1.5">
        <CopyButton value={text} label={t('api-access.copyWhat', { what: label })} />
      </div>
    </div>
  );
}
