// A file's text as it will be downloaded, shown whole with its copy button.
import clsx from 'clsx';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../../lib/ui/copy-button';

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
        <CopyButton text={text} ariaLabel={t('common.copyWhat', { what: label })} />
      </div>
    </div>
  );
}
