// The input forms of the snapshot actions that need one, rendered inside the action dialog.
import { useTranslation } from 'react-i18next';
import type { ActionFormProps, ProjectTarget } from '../../../lib/actions/types';
import { AlertIcon } from '../../../lib/ui/icons';
import { QueryGate } from '../../../lib/ui/query-gate';
import { SelectField } from '../../../lib/ui/select-field';
import { TextField } from '../../../lib/ui/text-field';
import type { VolumeSnapshot } from '../../../resources/volume-snapshots/types';
import { useVolumes } from '../../../resources/volumes/volumes';
import { needsForce, snapshotableStatuses, type SnapshotCreateInput, type SnapshotEditInput, type VolumeFromSnapshotInput } from '../inputs';

function NameAndDescription<Input extends { name: string; description: string }>({ value, onChange }: { value: Input; onChange: (value: Input) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField label={t('volume-snapshots.forms.name')} value={value.name} onChange={(name) => onChange({ ...value, name })} testId="snapshot-name" />
      <TextField
        label={t('volume-snapshots.forms.description')}
        value={value.description}
        onChange={(description) => onChange({ ...value, description })}
        testId="snapshot-description"
        multiline
      />
    </>
  );
}

export function CreateSnapshotForm({ value, onChange }: ActionFormProps<ProjectTarget, SnapshotCreateInput>) {
  const { t } = useTranslation();
  const volumes = useVolumes();
  return (
    <div className="space-y-3" data-testid="snapshot-create-form">
      <QueryGate query={volumes} loading={t('volume-snapshots.forms.loadingVolumes')}>
        {(list) => (
          <SelectField
            label={t('volume-snapshots.forms.volume')}
            value={value.volume?.id ?? ''}
            onChange={(id) => {
              const volume = list.find((candidate) => candidate.id === id);
              onChange({ ...value, volume: volume ? { id: volume.id, name: volume.name, size: volume.size, status: volume.status } : null });
            }}
            placeholder={list.length === 0 ? t('volume-snapshots.forms.noVolume') : t('volume-snapshots.forms.chooseVolume')}
            options={list.map((volume) => ({
              value: volume.id,
              label: t('volume-snapshots.forms.volumeOption', { name: volume.name || volume.id, size: volume.size, status: volume.status }),
              disabled: !snapshotableStatuses.includes(volume.status),
            }))}
            testId="snapshot-volume"
          />
        )}
      </QueryGate>
      {needsForce(value) && (
        <div role="alert" className="flex gap-2 rounded-md border border-warn-bar px-3 py-2 text-sm text-fg" data-testid="snapshot-force-warning">
          <AlertIcon className="mt-0.5 size-4 shrink-0 text-warn" />
          <p>{t('volume-snapshots.forms.forceWarning')}</p>
        </div>
      )}
      <NameAndDescription value={value} onChange={onChange} />
    </div>
  );
}

export function EditSnapshotForm({ value, onChange }: ActionFormProps<VolumeSnapshot, SnapshotEditInput>) {
  return (
    <div className="space-y-3" data-testid="snapshot-edit-form">
      <NameAndDescription value={value} onChange={onChange} />
    </div>
  );
}

export function VolumeFromSnapshotForm({ resource, value, onChange }: ActionFormProps<VolumeSnapshot, VolumeFromSnapshotInput>) {
  const { t } = useTranslation();
  return (
    <div className="space-y-3" data-testid="volume-from-snapshot-form">
      <TextField label={t('volume-snapshots.forms.volumeName')} value={value.name} onChange={(name) => onChange({ ...value, name })} testId="volume-name" />
      <TextField
        label={t('volume-snapshots.forms.size')}
        hint={t('volume-snapshots.forms.sizeHint', { count: resource.size })}
        inputMode="numeric"
        value={value.size}
        onChange={(size) => onChange({ ...value, size })}
        testId="volume-size"
      />
      <TextField
        label={t('volume-snapshots.forms.description')}
        value={value.description}
        onChange={(description) => onChange({ ...value, description })}
        testId="volume-description"
        multiline
      />
    </div>
  );
}
