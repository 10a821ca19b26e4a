// The upload's progress: a real progress bar (bytes sent of the file's size), the speed over the last seconds,
// the time left, and the way to stop it.
import { useTranslation } from 'react-i18next';
import { Button } from '../../../lib/ui/button';
import { Spinner } from '../../../lib/ui/spinner';
import type { UploadPhase } from '../api/upload-image';
import type { UploadProgress as Progress } from '../model/progress';
import { useTransferFormat } from './format-bytes';

export function UploadProgress({
  phase,
  progress,
  fileName,
  onCancel,
}: {
  phase: UploadPhase;
  progress: Progress;
  fileName: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const format = useTransferFormat();
  const percent = progress.total > 0 ? Math.floor((progress.loaded * 100) / progress.total) : 0;
  const sent = progress.total > 0 && progress.loaded >= progress.total;
  const label =
    phase === 'uploading' ? t('image-upload.progress.uploading', { file: fileName }) : t(`image-upload.progress.${phase}`);

  return (
    <section aria-label={t('image-upload.progress.label')} data-testid="upload-progress" className="space-y-2 rounded-lg border border-line bg-sunken p-4">
      <div className="flex items-center justify-between gap-3">
        <p className="flex min-w-0 items-center gap-2 text-sm font-medium text-fg">
          {phase !== 'uploading' && <Spinner />}
          <span className="truncate">{label}</span>
        </p>
        {(phase === 'creating' || phase === 'uploading') && (
          <Button onClick={onCancel} data-testid="cancel-upload">
            {t('image-upload.cancelUpload')}
          </Button>
        )}
      </div>
      <div
        role="progressbar"
        aria-label={t('image-upload.progress.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%`}
        data-testid="upload-progressbar"
        data-loaded={progress.loaded}
        data-total={progress.total}
        className="h-2.5 w-full overflow-hidden rounded-full bg-line"
      >
        <div className="h-full rounded-full bg-brand transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-fg-muted tabular-nums" aria-live="off">
        <span data-testid="upload-bytes">
          {percent}% · {t('image-upload.progress.bytes', { loaded: format.bytes(progress.loaded), total: format.bytes(progress.total) })}
        </span>
        {sent ? (
          <span>{t('image-upload.progress.done')}</span>
        ) : progress.bytesPerSecond === undefined ? (
          <span>{t('image-upload.progress.measuring')}</span>
        ) : (
          <>
            <span data-testid="upload-speed">{t('image-upload.progress.speed', { speed: format.bytes(progress.bytesPerSecond) })}</span>
            {progress.secondsLeft !== undefined && (
              <span data-testid="upload-eta">{t('image-upload.progress.eta', { time: format.duration(progress.secondsLeft) })}</span>
            )}
          </>
        )}
      </p>
    </section>
  );
}
