// The input forms of the volume actions that involve another resource (a server, a volume type, an image, another
// project), rendered in the action dialog, and the inputs they edit (declared here so advanced-actions.ts imports
// them with the forms, and nothing imports back).
import { useTranslation } from 'react-i18next';
import type { ActionFormProps, ProjectTarget } from '../../../lib/actions/types';
import { CheckboxField } from '../../../lib/ui/checkbox-field';
import { Notice } from '../../../lib/ui/notice';
import { QueryGate } from '../../../lib/ui/query-gate';
import { SelectField } from '../../../lib/ui/select-field';
import { TextField } from '../../../lib/ui/text-field';
import { useImageDiskFormats } from '../../../resources/images/disk-formats';
import { useServerNames } from '../../../resources/servers/server-names';
import { useVolumeTypes } from '../../../resources/volume-types/volume-types';
import type { TransferOffer } from '../../../resources/volumes/transfers';
import type { Volume } from '../../../resources/volumes/types';

export interface ServerChoice {
  serverId: string;
}

export type MigrationPolicy = 'never' | 'on-demand';

export interface RetypeInput {
  /** The new type's name (Cinder accepts a name or an id; the volume names its type by name). */
  volumeType: string;
  migrationPolicy: MigrationPolicy;
}

export interface UploadImageInput {
  imageName: string;
  diskFormat: string;
  /** Upload an in-use volume: Cinder honours it only where the operator set `enable_force_upload`. */
  force: boolean;
}

export interface TransferInput {
  name: string;
  noSnapshots: boolean;
}

/** What the transfer of this volume offers, as resources/volumes/transfers sends it. */
export const transferOffer = (volume: Volume, input: TransferInput): TransferOffer => ({ volumeId: volume.id, ...input });

export interface AcceptTransferInput {
  transferId: string;
  authKey: string;
}

/** The disk formats Cinder's os-volume_upload_image accepts (cinder/api/schemas/volume_actions.py). */
export const cinderUploadFormats: readonly string[] = ['raw', 'vmdk', 'vdi', 'qcow2', 'vhd', 'vhdx', 'ploop'];

export function AttachToServerForm({ resource, value, onChange }: ActionFormProps<Volume, ServerChoice>) {
  const { t } = useTranslation();
  const servers = useServerNames();
  const attachedTo = new Set(resource.attachments.map((attachment) => attachment.server_id));
  return (
    <QueryGate query={servers} loading={t('volumes.forms.loading')}>
      {(names) =>
        names.size === 0 ? (
          <p className="text-sm text-fg-muted" data-testid="attach-no-server">{t('volumes.forms.noServer')}</p>
        ) : (
          <SelectField
            label={t('volumes.forms.server')}
            testId="attach-server-id"
            value={value.serverId}
            onChange={(serverId) => onChange({ serverId })}
            placeholder={t('volumes.forms.chooseServer')}
            options={[...names].map(([id, name]) => ({
              value: id,
              label: attachedTo.has(id) ? t('volumes.forms.alreadyAttached', { name: name || id }) : name || id,
              disabled: attachedTo.has(id),
            }))}
          />
        )
      }
    </QueryGate>
  );
}

export function DetachFromServerForm({ resource, value, onChange }: ActionFormProps<Volume, ServerChoice>) {
  const { t } = useTranslation();
  const servers = useServerNames();
  return (
    <SelectField
      label={t('volumes.forms.attachment')}
      testId="detach-server-id"
      value={value.serverId}
      onChange={(serverId) => onChange({ serverId })}
      placeholder={t('volumes.forms.chooseAttachment')}
      options={resource.attachments.map((attachment) => ({
        value: attachment.server_id,
        label: t('volumes.forms.attachmentOption', {
          server: servers.data?.get(attachment.server_id) || attachment.server_id,
          device: attachment.device,
        }),
      }))}
    />
  );
}

export function RetypeForm({ resource, value, onChange }: ActionFormProps<Volume, RetypeInput>) {
  const { t } = useTranslation();
  const types = useVolumeTypes();
  return (
    <>
      <QueryGate query={types} loading={t('volumes.forms.loading')}>
        {(list) => (
          <SelectField
            label={t('volumes.forms.volumeType')}
            testId="retype-type"
            value={value.volumeType}
            onChange={(volumeType) => onChange({ ...value, volumeType })}
            placeholder={t('volumes.forms.chooseType')}
            options={list.map((type) => ({
              value: type.name,
              label: type.name === resource.volume_type ? t('volumes.forms.currentType', { name: type.name }) : type.name,
              disabled: type.name === resource.volume_type,
            }))}
          />
        )}
      </QueryGate>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-fg">{t('volumes.forms.migrationPolicy')}</legend>
        {(['never', 'on-demand'] as const).map((policy) => (
          <label key={policy} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="migration-policy"
              value={policy}
              checked={value.migrationPolicy === policy}
              onChange={() => onChange({ ...value, migrationPolicy: policy })}
              className="mt-0.5 accent-brand"
              data-testid={`retype-policy-${policy}`}
            />
            <span>
              {t(`volumes.forms.policy.${policy}.label`)}
              <span className="block text-xs text-fg-muted">{t(`volumes.forms.policy.${policy}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </>
  );
}

export function UploadImageForm({ resource, value, onChange }: ActionFormProps<Volume, UploadImageInput>) {
  const { t } = useTranslation();
  const formats = useImageDiskFormats();
  return (
    <>
      <TextField
        label={t('volumes.forms.imageName')}
        testId="upload-image-name"
        value={value.imageName}
        onChange={(imageName) => onChange({ ...value, imageName })}
      />
      <QueryGate query={formats} loading={t('volumes.forms.loading')}>
        {(glanceFormats) => (
          <SelectField
            label={t('volumes.forms.diskFormat')}
            testId="upload-disk-format"
            value={value.diskFormat}
            onChange={(diskFormat) => onChange({ ...value, diskFormat })}
            placeholder={t('volumes.forms.chooseDiskFormat')}
            hint={t('volumes.forms.diskFormatHint')}
            options={glanceFormats.filter((format) => cinderUploadFormats.includes(format)).map((format) => ({ value: format, label: format }))}
          />
        )}
      </QueryGate>
      <p className="text-sm text-fg-muted">{t('volumes.forms.containerFormat')}</p>
      {resource.status === 'in-use' && (
        <CheckboxField
          label={t('volumes.forms.force')}
          hint={t('volumes.forms.forceHint')}
          checked={value.force}
          onChange={(force) => onChange({ ...value, force })}
          testId="upload-force"
        />
      )}
    </>
  );
}

export function TransferForm({ value, onChange }: ActionFormProps<Volume, TransferInput>) {
  const { t } = useTranslation();
  return (
    <>
      <Notice>{t('volumes.transfer.explain')}</Notice>
      <TextField label={t('volumes.forms.transferName')} testId="transfer-name" value={value.name} onChange={(name) => onChange({ ...value, name })} />
      <CheckboxField
        label={t('volumes.forms.noSnapshots')}
        hint={t('volumes.forms.noSnapshotsHint')}
        checked={value.noSnapshots}
        onChange={(noSnapshots) => onChange({ ...value, noSnapshots })}
        testId="transfer-no-snapshots"
      />
    </>
  );
}

export function AcceptTransferForm({ resource, value, onChange }: ActionFormProps<ProjectTarget, AcceptTransferInput>) {
  const { t } = useTranslation();
  return (
    <>
      <p className="text-sm text-fg">{t('volumes.transfer.acceptExplain', { project: resource.name })}</p>
      <TextField
        label={t('volumes.transfer.id')}
        testId="accept-transfer-id"
        value={value.transferId}
        onChange={(transferId) => onChange({ ...value, transferId })}
      />
      <TextField
        label={t('volumes.transfer.authKey')}
        testId="accept-transfer-key"
        value={value.authKey}
        onChange={(authKey) => onChange({ ...value, authKey })}
      />
    </>
  );
}
