import { useMemo } from 'react';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../../lib/ui/empty-state';
import { ErrorNotice } from '../../../../lib/ui/error-notice';
import { LoadingState } from '../../../../lib/ui/loading-state';
import { Notice } from '../../../../lib/ui/notice';
import type { Flavor } from '../../../../resources/flavors/types';
import { flavorUnfitReason, unlimitedQuota } from '../../model/fit';
import { bootRequirement, chosenImage, flavorUnfitMessage, type LaunchFormValues } from '../../model/launch-form';
import { FieldError } from '../../../../lib/ui/form-controls';
import type { StepProps } from './step-props';
import { SelectableTable, type SelectableColumn } from '../selectable-table';
import { useQuantityFormat } from '../use-quantity-format';

export function FlavorStep({ data }: StepProps) {
  const { t } = useTranslation();
  const { control, formState, setValue, getValues } = useFormContext<LaunchFormValues>();
  const watched = useWatch({ control });
  const format = useQuantityFormat();
  const values = { ...getValues(), ...watched } as LaunchFormValues;
  const count = Number.isInteger(values.count) && values.count > 0 ? values.count : 1;
  const remaining = data.context.remaining ?? unlimitedQuota;
  const requirement = bootRequirement(values, data.context);
  const image = chosenImage(values, data.context);
  const flavors = useMemo(
    () => [...(data.flavors.data ?? [])].sort((a, b) => a.vcpus - b.vcpus || a.ram - b.ram || a.disk - b.disk || a.name.localeCompare(b.name)),
    [data.flavors.data],
  );

  if (data.flavors.isPending) return <LoadingState label={t('launch-instance.flavor.loading')} />;
  if (data.flavors.error) return <ErrorNotice error={data.flavors.error} onRetry={() => void data.flavors.refetch()} />;
  if (flavors.length === 0) return <EmptyState title={t('launch-instance.flavor.none')} />;

  const columns: SelectableColumn<Flavor>[] = [
    { id: 'name', header: t('launch-instance.flavor.columns.name'), cell: (flavor) => flavor.name },
    { id: 'vcpus', header: t('launch-instance.flavor.columns.vcpus'), cell: (flavor) => format.number(flavor.vcpus), className: 'text-right whitespace-nowrap' },
    { id: 'ram', header: t('launch-instance.flavor.columns.ram'), cell: (flavor) => format.mebibytes(flavor.ram), className: 'text-right whitespace-nowrap' },
    {
      id: 'disk',
      header: t('launch-instance.flavor.columns.rootDisk'),
      className: 'whitespace-nowrap',
      cell: (flavor) =>
        requirement.volumeBacked
          ? t('launch-instance.flavor.volumeRoot')
          : flavor.disk === 0
            ? t('launch-instance.flavor.imageSized')
            : format.gibibytes(flavor.disk),
    },
    {
      id: 'ephemeral',
      header: t('launch-instance.flavor.columns.ephemeral'),
      cell: (flavor) => format.gibibytes(flavor['OS-FLV-EXT-DATA:ephemeral']),
      className: 'text-right whitespace-nowrap',
    },
    {
      id: 'quota',
      header: t('launch-instance.flavor.columns.quota'),
      cell: (flavor) =>
        data.context.remaining ? (
          <span className="text-xs">
            {t('launch-instance.flavor.usesVcpus', { used: format.number(flavor.vcpus * count), remaining: format.limit(remaining.vcpus) })}
            <br />
            {t('launch-instance.flavor.usesRam', {
              used: format.mebibytes(flavor.ram * count),
              remaining: format.limit(remaining.ramMiB, format.mebibytes),
            })}
          </span>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <div className="space-y-3">
      {image && (
        <Notice testId="flavor-requirement">
          {requirement.minDiskGiB === 0 && requirement.minRamMiB === 0
            ? t('launch-instance.flavor.imageNoMinimum', { image: image.name ?? image.id })
            : t('launch-instance.flavor.imageNeeds', {
                image: image.name ?? image.id,
                disk: format.gibibytes(requirement.minDiskGiB),
                ram: format.mebibytes(requirement.minRamMiB),
              })}
          {count > 1 && <> {t('launch-instance.flavor.forCount', { count })}</>}
        </Notice>
      )}
      <Controller
        control={control}
        name="flavorId"
        render={({ field: { value } }) => (
          <SelectableTable
            name="flavor"
            label={t('launch-instance.flavor.tableLabel')}
            rows={flavors}
            columns={columns}
            rowId={(flavor) => flavor.id}
            rowLabel={(flavor) => flavor.name}
            selectedId={value}
            onSelect={(id) => setValue('flavorId', id, { shouldValidate: true, shouldDirty: true })}
            unavailableReason={(flavor) => {
              const reason = flavorUnfitReason(flavor, requirement, remaining, count);
              return reason ? flavorUnfitMessage(reason, t) : null;
            }}
            testId="flavor-table"
          />
        )}
      />
      <p className="text-xs text-fg-muted">{t('launch-instance.flavor.zeroDiskNote')}</p>
      <FieldError message={formState.errors.flavorId?.message} />
    </div>
  );
}
