import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../../lib/ui/error-notice';
import { useAvailableZones } from '../../../../resources/availability-zones/availability-zones';
import { maxLaunchCount } from '../../model/fit';
import type { LaunchFormValues } from '../../model/launch-form';
import { describedBy, Field, inputClass, textareaClass } from '../../../../lib/ui/form-controls';
import type { StepProps } from './step-props';
import { useQuantityFormat } from '../use-quantity-format';

export function DetailsStep({ data }: StepProps) {
  const { t } = useTranslation();
  const { register, control, formState } = useFormContext<LaunchFormValues>();
  const zones = useAvailableZones('compute');
  const format = useQuantityFormat();
  const [flavorId] = useWatch({ control, name: ['flavorId'] });
  const remaining = data.context.remaining;
  const flavor = data.context.flavors.find((candidate) => candidate.id === flavorId);
  const limit = remaining ? maxLaunchCount(remaining, flavor) : undefined;
  const { errors } = formState;

  return (
    <div className="grid max-w-2xl gap-4">
      <Field id="launch-name" label={t('launch-instance.details.name')} error={errors.name?.message}>
        <input
          id="launch-name"
          className={inputClass}
          autoComplete="off"
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describedBy('launch-name', { error: !!errors.name })}
          {...register('name')}
        />
      </Field>
      <Field
        id="launch-count"
        label={t('launch-instance.details.count')}
        error={errors.count?.message}
        hint={
          <span data-testid="count-quota">
            {remaining === undefined
              ? t('launch-instance.details.quotaLoading')
              : t('launch-instance.details.quotaRemaining', {
                  instances: format.limit(remaining.instances),
                  vcpus: format.limit(remaining.vcpus),
                  ram: format.limit(remaining.ramMiB, format.mebibytes),
                })}
            {limit && Number.isFinite(limit.count) && (
              <> {t(`launch-instance.details.countLimit.${limit.limitedBy}`, { count: limit.count, flavor: flavor?.name ?? '' })}</>
            )}
          </span>
        }
      >
        <input
          id="launch-count"
          type="number"
          min={1}
          step={1}
          max={limit && Number.isFinite(limit.count) ? Math.max(limit.count, 1) : undefined}
          className={`${inputClass} max-w-32`}
          aria-invalid={errors.count ? true : undefined}
          aria-describedby={describedBy('launch-count', { hint: true, error: !!errors.count })}
          {...register('count', { valueAsNumber: true })}
        />
      </Field>
      {data.quota.error && <ErrorNotice error={data.quota.error} onRetry={() => void data.quota.refetch()} />}
      <Field
        id="launch-zone"
        label={t('launch-instance.details.zone')}
        hint={zones.isPending ? t('launch-instance.loading') : t('launch-instance.details.zoneHint')}
      >
        <select id="launch-zone" className={`${inputClass} max-w-sm`} aria-describedby="launch-zone-hint" {...register('availabilityZone')}>
          <option value="">{t('launch-instance.details.anyZone')}</option>
          {(zones.data ?? []).map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </Field>
      {zones.error && <ErrorNotice error={zones.error} onRetry={() => void zones.refetch()} />}
      <Field id="launch-description" label={t('launch-instance.details.description')} error={errors.description?.message}>
        <textarea
          id="launch-description"
          rows={2}
          className={textareaClass}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={describedBy('launch-description', { error: !!errors.description })}
          {...register('description')}
        />
      </Field>
    </div>
  );
}
