// The failures of actions run from a page, newest first, each with the resource it happened to.
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ui/error-notice';
import type { ActionFailure } from './use-action-runner';

export function ActionFailures({ failures, onDismiss }: { failures: readonly ActionFailure[]; onDismiss: (key: string) => void }) {
  const { t } = useTranslation();
  if (failures.length === 0) return null;
  return (
    <div className="space-y-2" data-testid="action-failures">
      {failures.map((failure) => (
        <div key={failure.key} data-testid="action-failure" data-resource-id={failure.resourceId}>
          <div className="mb-1 flex items-center justify-between gap-2 text-sm">
            <span className="font-medium text-fg">
              {t('actions.failedOn', { action: t(failure.action), name: failure.resourceName })}
            </span>
            <button type="button" onClick={() => onDismiss(failure.key)} className="text-xs text-fg-muted underline hover:text-fg">
              {t('common.dismiss')}
            </button>
          </div>
          <ErrorNotice error={failure.error} />
        </div>
      ))}
    </div>
  );
}
