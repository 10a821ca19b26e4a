// The create dialog's form: where the data comes from (nothing, an image, a snapshot, another volume), size, type,
// zone, bootable. The chosen source's smallest size and the chosen type's own quota are read here and put in the
// input, so the declaration refuses a request Cinder would refuse before it is sent, with the numbers.
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionFormProps, ProjectTarget } from '../../../lib/actions/types';
import { CheckboxField } from '../../../lib/ui/checkbox-field';
import { SelectField } from '../../../lib/ui/select-field';
import { TextField } from '../../../lib/ui/text-field';
import { useAvailableZones } from '../../../resources/availability-zones/availability-zones';
import { useScope } from '../../../lib/scope';
import { imagesQueryOptions } from '../../../resources/images/images';
import { volumeSnapshotsQueryOptions } from '../../../resources/volume-snapshots/volume-snapshots';
import { useVolumeTypes } from '../../../resources/volume-types/volume-types';
import { useDefaultVolumeType } from '../../../resources/volumes/default-type';
import { useTypeQuotas } from '../../../resources/volumes/type-quotas';
import { volumesQueryOptions } from '../../../resources/volumes/volumes';
import type { NewVolume, TypeQuotaFigure, VolumeSource } from '../inputs';
import { imageMinimumGiB, parseSize, typeQuotaExcesses } from '../volume-draft';

const sources: readonly VolumeSource[] = ['blank', 'image', 'snapshot', 'volume'];

interface SourceChoice {
  id: string;
  label: string;
  minimumGiB: number;
}

/** The choices of the selected source (read once that source is chosen), each with the smallest volume it fits in. */
function useSourceChoices(source: VolumeSource): { choices: SourceChoice[]; loading: boolean } {
  const scope = useScope();
  const images = useQuery({ ...imagesQueryOptions(scope, { status: 'active' }), enabled: source === 'image' });
  const snapshots = useQuery({ ...volumeSnapshotsQueryOptions(scope, { status: 'available' }), enabled: source === 'snapshot' });
  const volumes = useQuery({ ...volumesQueryOptions(scope), enabled: source === 'volume' });
  if (source === 'image') {
    return {
      loading: images.isPending,
      choices: (images.data ?? []).map((image) => ({ id: image.id, label: image.name || image.id, minimumGiB: imageMinimumGiB(image) })),
    };
  }
  if (source === 'snapshot') {
    return {
      loading: snapshots.isPending,
      choices: (snapshots.data ?? []).map((snapshot) => ({ id: snapshot.id, label: `${snapshot.name || snapshot.id} (${snapshot.size} GiB)`, minimumGiB: snapshot.size })),
    };
  }
  if (source === 'volume') {
    return {
      loading: volumes.isPending,
      choices: (volumes.data ?? [])
        .filter((volume) => volume.status === 'available' || volume.status === 'in-use')
        .map((volume) => ({ id: volume.id, label: `${volume.name || volume.id} (${volume.size} GiB)`, minimumGiB: volume.size })),
    };
  }
  return { loading: false, choices: [] };
}

function sameFigures(a: readonly TypeQuotaFigure[], b: readonly TypeQuotaFigure[]) {
  return a.length === b.length && a.every((figure, index) => figure.id === b[index]?.id && figure.used === b[index]?.used && figure.limit === b[index]?.limit);
}

export function CreateVolumeForm({ value, onChange }: ActionFormProps<ProjectTarget, NewVolume>) {
  const { t } = useTranslation();
  const types = useVolumeTypes();
  const defaultType = useDefaultVolumeType();
  const zones = useAvailableZones('block-storage');
  const typeQuotas = useTypeQuotas();
  const { choices, loading } = useSourceChoices(value.source);
  const chosen = choices.find((choice) => choice.id === value.sourceId);
  const minimumGiB = chosen?.minimumGiB ?? 1;

  // The type the volume will get (chosen, or Cinder's default) and its own quotas, when it has any.
  const typeName = value.volumeType || defaultType.data?.name;
  const typeQuota = typeName ? typeQuotas.data?.get(typeName) : undefined;
  const figures: TypeQuotaFigure[] = (['volumes', 'gigabytes'] as const).flatMap((id) => {
    const figure = typeQuota?.[id];
    return figure && figure.limit >= 0 ? [{ id, ...figure }] : [];
  });

  // The source's minimum and the type's quota come from reads: kept in the input for the declaration's checks.
  useEffect(() => {
    if (value.minimumGiB !== minimumGiB || !sameFigures(value.typeQuota, figures)) onChange({ ...value, minimumGiB, typeQuota: figures });
  });

  const chooseSource = (source: VolumeSource) => onChange({ ...value, source, sourceId: '', bootable: source === 'image' });
  const chooseSourceId = (sourceId: string) => {
    const minimum = choices.find((choice) => choice.id === sourceId)?.minimumGiB ?? 1;
    // A size too small for the new source grows to fit it; a larger one typed by the user stays.
    const size = (parseSize(value.size) ?? 0) < minimum ? String(minimum) : value.size;
    onChange({ ...value, sourceId, size, minimumGiB: minimum });
  };
  const size = parseSize(value.size);
  const sizeError =
    value.size.trim() === '' ? undefined : size === null ? t('volumes.problems.sizeInvalid') : value.source !== 'blank' && value.sourceId && size < minimumGiB ? t('volumes.forms.sizeBelow', { minimum: minimumGiB }) : undefined;
  const excesses = new Set(typeQuotaExcesses({ ...value, typeQuota: figures }).map((excess) => excess.id));

  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t('volumes.fields.name')} value={value.name} onChange={(name) => onChange({ ...value, name })} testId="volume-name-input" />
        <SelectField
          label={t('volumes.forms.source')}
          value={value.source}
          onChange={(source) => chooseSource(source as VolumeSource)}
          options={sources.map((source) => ({ value: source, label: t(`volumes.sources.${source}`) }))}
          testId="volume-source"
        />
      </div>
      {value.source !== 'blank' && (
        <SelectField
          label={t(`volumes.sources.${value.source}`)}
          value={value.sourceId}
          onChange={chooseSourceId}
          placeholder={loading ? t('volumes.forms.loading') : t('volumes.forms.choose')}
          options={choices.map((choice) => ({ value: choice.id, label: choice.label }))}
          hint={chosen ? t('volumes.forms.sourceMinimum', { minimum: chosen.minimumGiB }) : undefined}
          testId="volume-source-id"
        />
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label={t('volumes.forms.size')}
          value={value.size}
          onChange={(text) => onChange({ ...value, size: text })}
          inputMode="numeric"
          error={sizeError}
          testId="volume-size-input"
        />
        <SelectField
          label={t('volumes.fields.type')}
          value={value.volumeType}
          onChange={(volumeType) => onChange({ ...value, volumeType })}
          placeholder={defaultType.data ? t('volumes.forms.defaultType', { name: defaultType.data.name }) : t('volumes.forms.defaultTypeUnknown')}
          options={(types.data ?? []).map((type) => ({ value: type.name, label: type.name }))}
          testId="volume-type"
        />
        <SelectField
          label={t('volumes.fields.availability_zone')}
          value={value.availabilityZone}
          onChange={(availabilityZone) => onChange({ ...value, availabilityZone })}
          placeholder={t('volumes.forms.defaultZone')}
          options={(zones.data ?? []).map((zone) => ({ value: zone, label: zone }))}
          testId="volume-zone"
        />
      </div>
      <TextField
        label={t('volumes.fields.description')}
        value={value.description}
        onChange={(description) => onChange({ ...value, description })}
        testId="volume-description-input"
        multiline
      />
      {value.source === 'image' ? (
        <p className="text-sm text-fg-muted">{t('volumes.forms.bootableFromImage')}</p>
      ) : (
        <CheckboxField
          label={t('volumes.forms.bootable')}
          hint={value.source === 'blank' ? undefined : t('volumes.forms.bootableInherited')}
          checked={value.bootable}
          onChange={(bootable) => onChange({ ...value, bootable })}
          testId="volume-bootable"
        />
      )}
      {figures.length > 0 && (
        <ul className="space-y-0.5 text-xs" data-testid="type-quota-impact">
          {figures.map((figure) => {
            const values = { type: typeName, used: figure.used, limit: figure.limit, adding: figure.id === 'volumes' ? 1 : (size ?? 0) };
            return (
              <li key={figure.id} data-quota={figure.id} data-over={excesses.has(figure.id)} className={excesses.has(figure.id) ? 'font-medium text-danger' : 'text-fg-muted'}>
                {t(excesses.has(figure.id) ? `volumes.typeQuota.over.${figure.id}` : `volumes.typeQuota.within.${figure.id}`, values)}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
