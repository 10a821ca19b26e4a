// Why a new image did not make it (the service's words, or the import task's), and what became of its record.
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { Notice } from '../../../lib/ui/notice';
import { AlertIcon } from '../../../lib/ui/icons';
import type { ImageCreationFailure } from '../api/creation';
import { ImportTaskFailure } from '../model/import-progress';

/** A failed import task: not an HTTP error, but Glance's account of it, with the request id of the import call. */
function ImportTaskFailureNotice({ failure }: { failure: ImportTaskFailure }) {
  const { t } = useTranslation();
  return (
    <div role="alert" data-testid="import-task-failure" className="rounded-md border border-danger-line bg-danger-soft px-3 py-2.5 text-sm text-fg">
      <div className="flex gap-2">
        <AlertIcon className="mt-0.5 size-4 shrink-0 text-danger" />
        <div className="min-w-0 flex-1 space-y-1">
          <p className="font-semibold text-danger">{t('image-upload.importFailure.title')}</p>
          <p data-testid="import-task-message" className="break-words">
            {failure.message || t('image-upload.importFailure.noMessage')}
          </p>
          {failure.failedStores && <p className="text-xs text-fg-muted">{t('image-upload.importFailure.stores', { stores: failure.failedStores })}</p>}
          {failure.requestId && (
            <p className="pt-0.5 text-xs text-fg-muted">
              {t('image-upload.importFailure.requestId')}{' '}
              <code data-testid="import-request-id" className="font-mono text-[11px] break-all text-fg select-all">
                {failure.requestId}
              </code>
            </p>
          )}
          {failure.taskId && (
            <p className="text-xs text-fg-muted">
              {t('image-upload.importFailure.task')}{' '}
              <code data-testid="import-task-id" className="font-mono text-[11px] break-all text-fg select-all">
                {failure.taskId}
              </code>
            </p>
          )}
        </div>
      </div>
    </div>
  );
}

export function CreationFailureNotice({ failure, flow }: { failure: ImageCreationFailure; flow: 'upload' | 'import' }) {
  const { t } = useTranslation();
  const outcome = failure.imageId === undefined ? 'notCreated' : failure.cancelled ? 'cancelled' : 'failed';
  return (
    <div className="space-y-2" data-testid="upload-failure" data-outcome={outcome}>
      {!failure.cancelled &&
        (failure.cause instanceof ImportTaskFailure ? <ImportTaskFailureNotice failure={failure.cause} /> : <ErrorNotice error={failure.cause} />)}
      {failure.cleanupError === undefined ? (
        <Notice testId="upload-outcome">{t(`image-upload.result.${flow}.${outcome}`, { id: failure.imageId })}</Notice>
      ) : (
        <>
          <p className="text-sm font-medium text-danger">{t('image-upload.result.cleanupFailed', { id: failure.imageId })}</p>
          <ErrorNotice error={failure.cleanupError} />
        </>
      )}
    </div>
  );
}
