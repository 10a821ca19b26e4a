// An import's progress as Glance reports it: the steps done so far, then the image's status and its import
// task (status and last message, "Copied 12 MiB"), read again until the image is active or the import failed.
import clsx from 'clsx';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../lib/ui/button';
import { CheckIcon } from '../../../lib/ui/icons';
import { Spinner } from '../../../lib/ui/spinner';
import { ImageStatusBadge } from '../../../resources/images/components/image-status';
import type { ImportPhase } from '../api/import-image';
import { importStage, type ImportObservation } from '../model/import-progress';

const steps = ['creating', 'starting', 'importing'] as const;

export function ImportProgress({
  phase,
  observation,
  onCancel,
}: {
  phase: ImportPhase;
  observation?: ImportObservation;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const current = steps.indexOf(phase as (typeof steps)[number]);
  const task = observation?.task;
  const stores = observation?.image.os_glance_importing_to_stores?.trim();

  return (
    <section
      aria-label={t('image-upload.import.progress.label')}
      data-testid="import-progress"
      data-phase={phase}
      data-stage={observation ? importStage(observation) : undefined}
      className="space-y-3 rounded-lg border border-line bg-sunken p-4"
    >
      <div className="flex items-center justify-between gap-3">
        <p className="flex min-w-0 items-center gap-2 text-sm font-medium text-fg" aria-live="polite">
          <Spinner />
          <span>{t(`image-upload.import.progress.${phase}`)}</span>
        </p>
        {current >= 0 && (
          <Button onClick={onCancel} data-testid="cancel-import">
            {t('image-upload.import.cancel')}
          </Button>
        )}
      </div>
      <ol className="flex flex-wrap gap-x-5 gap-y-1 text-xs">
        {steps.map((step, index) => {
          const done = current === -1 ? phase !== 'cleaning' : index < current;
          return (
            <li
              key={step}
              data-testid={`import-step-${step}`}
              data-done={done}
              className={clsx('flex items-center gap-1', done ? 'text-fg' : index === current ? 'font-medium text-fg' : 'text-fg-muted')}
            >
              {done ? <CheckIcon className="size-3.5 text-ok" /> : <span aria-hidden="true">{index + 1}.</span>}
              {t(`image-upload.import.steps.${step}`)}
            </li>
          );
        })}
      </ol>
      {observation && (
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
          <dt className="text-fg-muted">{t('image-upload.import.progress.image')}</dt>
          <dd data-testid="import-image-status" data-status={observation.image.status}>
            <ImageStatusBadge status={observation.image.status} />
            {stores && <span className="ml-2 text-xs text-fg-muted">{t('image-upload.import.progress.stores', { stores })}</span>}
          </dd>
          {task && (
            <>
              <dt className="text-fg-muted">{t('image-upload.import.progress.task')}</dt>
              <dd data-testid="import-task-status" data-status={task.status}>
                {t(`image-upload.import.taskStatus.${task.status}`)}
                {task.message.trim() !== '' && (
                  <span data-testid="import-task-progress" className="ml-2 text-xs text-fg-muted">
                    {task.message}
                  </span>
                )}
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
