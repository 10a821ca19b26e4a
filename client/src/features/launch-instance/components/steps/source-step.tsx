import { useMemo, useState } from 'react';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../../lib/ui/empty-state';
import { ErrorNotice } from '../../../../lib/ui/error-notice';
import { LoadingState } from '../../../../lib/ui/loading-state';
import type { Image } from '../../../../resources/images/types';
import type { VolumeSnapshot } from '../../../../resources/volume-snapshots/types';
import type { Volume } from '../../../../resources/volumes/types';
import { minimumSnapshotVolumeSizeGiB, minimumVolumeSizeGiB, type LaunchFormValues, type SourceKind } from '../../model/launch-form';
import { describedBy, Field, FieldError, inputClass } from '../../../../lib/ui/form-controls';
import type { StepProps } from './step-props';
import { SelectableTable, type SelectableColumn } from '../selectable-table';
import { useQuantityFormat } from '../use-quantity-format';

const sourceKinds: SourceKind[] = ['image', 'snapshot', 'volume', 'image-to-volume', 'volume-snapshot'];
const volumeKinds: ReadonlySet<SourceKind> = new Set(['volume', 'image-to-volume', 'volume-snapshot']);

function matches(query: string, ...texts: (string | null | undefined)[]): boolean {
  const needle = query.trim().toLowerCase();
  return needle === '' || texts.some((text) => text?.toLowerCase().includes(needle));
}

export function SourceStep({ data }: StepProps) {
  const { t, i18n } = useTranslation();
  const { control, register, formState, setValue, getValues } = useFormContext<LaunchFormValues>();
  const [sourceKind, imageId, volumeSnapshotId] = useWatch({ control, name: ['sourceKind', 'imageId', 'volumeSnapshotId'] });
  const format = useQuantityFormat();
  const [query, setQuery] = useState('');
  const { errors } = formState;

  const images = useMemo(() => (data.images.data ?? []).filter((image) => image.image_type !== 'snapshot'), [data.images.data]);
  const snapshots = useMemo(() => (data.images.data ?? []).filter((image) => image.image_type === 'snapshot'), [data.images.data]);
  const volumes = data.volumes.data ?? [];
  const volumeSnapshots = data.volumeSnapshots.data ?? [];

  const imageColumns: SelectableColumn<Image>[] = [
    { id: 'name', header: t('launch-instance.source.columns.name'), cell: (image) => image.name ?? image.id },
    { id: 'format', header: t('launch-instance.source.columns.format'), cell: (image) => image.disk_format ?? '—' },
    { id: 'size', header: t('launch-instance.source.columns.size'), cell: (image) => (image.size === null ? '—' : format.bytes(image.size)) },
    { id: 'minDisk', header: t('launch-instance.source.columns.minDisk'), cell: (image) => format.gibibytes(image.min_disk) },
    { id: 'minRam', header: t('launch-instance.source.columns.minRam'), cell: (image) => format.mebibytes(image.min_ram) },
    { id: 'visibility', header: t('launch-instance.source.columns.visibility'), cell: (image) => image.visibility },
  ];
  const volumeColumns: SelectableColumn<Volume>[] = [
    { id: 'name', header: t('launch-instance.source.columns.name'), cell: (volume) => volume.name || volume.id },
    { id: 'size', header: t('launch-instance.source.columns.size'), cell: (volume) => format.gibibytes(volume.size) },
    { id: 'image', header: t('launch-instance.source.columns.fromImage'), cell: (volume) => volume.volume_image_metadata?.image_name ?? '—' },
    { id: 'zone', header: t('launch-instance.source.columns.zone'), cell: (volume) => volume.availability_zone },
    { id: 'type', header: t('launch-instance.source.columns.volumeType'), cell: (volume) => volume.volume_type ?? '—' },
  ];

  const volumeSnapshotColumns: SelectableColumn<VolumeSnapshot>[] = [
    { id: 'name', header: t('launch-instance.source.columns.name'), cell: (snapshot) => snapshot.name || snapshot.id },
    { id: 'size', header: t('launch-instance.source.columns.size'), cell: (snapshot) => format.gibibytes(snapshot.size) },
    {
      id: 'volume',
      header: t('launch-instance.source.columns.sourceVolume'),
      // The wizard lists only bootable available volumes: another one is named by its id.
      cell: (snapshot) => data.context.volumes.get(snapshot.volume_id)?.name || snapshot.volume_id,
    },
    {
      id: 'created',
      header: t('launch-instance.source.columns.created'),
      cell: (snapshot) => new Date(snapshot.created_at.endsWith('Z') ? snapshot.created_at : `${snapshot.created_at}Z`).toLocaleString(i18n.resolvedLanguage),
    },
  ];

  /** The new volume must hold the source: raise the size to its minimum, never lower what the user typed. */
  const raiseVolumeSize = (minimum: number) => {
    if (getValues('volumeSizeGiB') < minimum) setValue('volumeSizeGiB', minimum, { shouldValidate: true });
  };

  const chooseImage = (id: string) => {
    setValue('imageId', id, { shouldValidate: true, shouldDirty: true });
    raiseVolumeSize(minimumVolumeSizeGiB(data.context.images.get(id)));
  };
  const chooseVolumeSnapshot = (id: string) => {
    setValue('volumeSnapshotId', id, { shouldValidate: true, shouldDirty: true });
    raiseVolumeSize(minimumSnapshotVolumeSizeGiB(data.context.volumeSnapshots.get(id)));
  };

  const search = (
    <div className="mb-3 max-w-sm">
      <label htmlFor="launch-source-search" className="sr-only">
        {t('launch-instance.source.search')}
      </label>
      <input
        id="launch-source-search"
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder={t('launch-instance.source.searchPlaceholder')}
        className={inputClass}
      />
    </div>
  );

  const imageList = (rows: Image[], field: 'imageId' | 'snapshotId', empty: string) => {
    if (data.images.isPending) return <LoadingState label={t('launch-instance.source.loadingImages')} />;
    if (data.images.error) return <ErrorNotice error={data.images.error} onRetry={() => void data.images.refetch()} />;
    const shown = rows.filter((image) => matches(query, image.name, image.id, image.os_distro));
    return (
      <>
        {search}
        {shown.length === 0 ? (
          <EmptyState title={rows.length === 0 ? empty : t('launch-instance.source.noMatch', { query })} />
        ) : (
          <Controller
            control={control}
            name={field}
            render={({ field: { value } }) => (
              <SelectableTable
                name={field === 'imageId' ? 'image' : 'snapshot'}
                label={t(field === 'imageId' ? 'launch-instance.source.imagesLabel' : 'launch-instance.source.snapshotsLabel')}
                rows={shown}
                columns={imageColumns}
                rowId={(image) => image.id}
                rowLabel={(image) => image.name ?? image.id}
                selectedId={value}
                onSelect={(id) => (field === 'imageId' ? chooseImage(id) : setValue(field, id, { shouldValidate: true, shouldDirty: true }))}
                testId={`${field === 'imageId' ? 'image' : 'snapshot'}-table`}
              />
            )}
          />
        )}
        <FieldError message={errors[field]?.message} />
      </>
    );
  };

  const volumeList = () => {
    if (data.volumes.isPending) return <LoadingState label={t('launch-instance.source.loadingVolumes')} />;
    if (data.volumes.error) return <ErrorNotice error={data.volumes.error} onRetry={() => void data.volumes.refetch()} />;
    const shown = volumes.filter((volume) => matches(query, volume.name, volume.id, volume.volume_image_metadata?.image_name));
    return (
      <>
        {search}
        {shown.length === 0 ? (
          <EmptyState title={volumes.length === 0 ? t('launch-instance.source.noVolumes') : t('launch-instance.source.noMatch', { query })} />
        ) : (
          <Controller
            control={control}
            name="volumeId"
            render={({ field: { value } }) => (
              <SelectableTable
                name="volume"
                label={t('launch-instance.source.volumesLabel')}
                rows={shown}
                columns={volumeColumns}
                rowId={(volume) => volume.id}
                rowLabel={(volume) => volume.name || volume.id}
                selectedId={value}
                onSelect={(id) => setValue('volumeId', id, { shouldValidate: true, shouldDirty: true })}
                testId="volume-table"
              />
            )}
          />
        )}
        <FieldError message={errors.volumeId?.message} />
      </>
    );
  };

  const volumeSnapshotList = () => {
    if (data.volumeSnapshots.isPending) return <LoadingState label={t('launch-instance.source.loadingVolumeSnapshots')} />;
    if (data.volumeSnapshots.error) return <ErrorNotice error={data.volumeSnapshots.error} onRetry={() => void data.volumeSnapshots.refetch()} />;
    const shown = volumeSnapshots.filter((snapshot) => matches(query, snapshot.name, snapshot.id, snapshot.volume_id));
    return (
      <>
        {search}
        {shown.length === 0 ? (
          <EmptyState title={volumeSnapshots.length === 0 ? t('launch-instance.source.noVolumeSnapshots') : t('launch-instance.source.noMatch', { query })} />
        ) : (
          <Controller
            control={control}
            name="volumeSnapshotId"
            render={({ field: { value } }) => (
              <SelectableTable
                name="volume-snapshot"
                label={t('launch-instance.source.volumeSnapshotsLabel')}
                rows={shown}
                columns={volumeSnapshotColumns}
                rowId={(snapshot) => snapshot.id}
                rowLabel={(snapshot) => snapshot.name || snapshot.id}
                selectedId={value}
                onSelect={chooseVolumeSnapshot}
                testId="volume-snapshot-table"
              />
            )}
          />
        )}
        <FieldError message={errors.volumeSnapshotId?.message} />
      </>
    );
  };

  /** The new volume's size and fate, for the kinds that make one. */
  const newVolumeFields = (minimum: number, hint: string) => (
    <div className="flex flex-wrap items-start gap-6">
      <Field id="launch-volume-size" label={t('launch-instance.source.volumeSize')} hint={hint} error={errors.volumeSizeGiB?.message}>
        <input
          id="launch-volume-size"
          type="number"
          min={minimum}
          step={1}
          className={`${inputClass} max-w-32`}
          aria-invalid={errors.volumeSizeGiB ? true : undefined}
          aria-describedby={describedBy('launch-volume-size', { hint: true, error: !!errors.volumeSizeGiB })}
          {...register('volumeSizeGiB', { valueAsNumber: true })}
        />
      </Field>
      <label className="mt-6 flex items-center gap-2 text-sm text-fg">
        <input type="checkbox" className="size-4 accent-brand" {...register('deleteOnTermination')} />
        {t('launch-instance.source.deleteOnTermination')}
      </label>
    </div>
  );

  const imageMinimum = minimumVolumeSizeGiB(data.context.images.get(imageId));
  const snapshotMinimum = minimumSnapshotVolumeSizeGiB(data.context.volumeSnapshots.get(volumeSnapshotId));
  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-fg">{t('launch-instance.source.kind')}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {sourceKinds.map((kind) => {
            const unavailable = volumeKinds.has(kind) && !data.hasBlockStorage;
            return (
              <label
                key={kind}
                className="flex cursor-pointer gap-2 rounded-md border border-line p-3 has-checked:border-brand has-checked:bg-brand-soft has-disabled:cursor-not-allowed has-disabled:opacity-60"
              >
                <input type="radio" value={kind} disabled={unavailable} className="mt-0.5 size-4 accent-brand" {...register('sourceKind')} />
                <span>
                  <span className="block text-sm font-medium text-fg">{t(`launch-instance.source.kinds.${kind}.label`)}</span>
                  <span className="block text-xs text-fg-muted">
                    {unavailable ? t('launch-instance.source.noBlockStorage') : t(`launch-instance.source.kinds.${kind}.help`)}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>

      {sourceKind === 'image' && imageList(images, 'imageId', t('launch-instance.source.noImages'))}
      {sourceKind === 'snapshot' && imageList(snapshots, 'snapshotId', t('launch-instance.source.noSnapshots'))}
      {sourceKind === 'volume' && volumeList()}
      {sourceKind === 'image-to-volume' && (
        <>
          {imageList(images, 'imageId', t('launch-instance.source.noImages'))}
          {newVolumeFields(imageMinimum, t('launch-instance.source.volumeSizeHint', { min: imageMinimum }))}
        </>
      )}
      {sourceKind === 'volume-snapshot' && (
        <>
          {volumeSnapshotList()}
          {newVolumeFields(snapshotMinimum, t('launch-instance.source.snapshotVolumeSizeHint', { min: snapshotMinimum }))}
        </>
      )}
    </div>
  );
}
