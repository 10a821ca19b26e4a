// The input forms of the simple volume actions, rendered inside the action dialog.
import { useTranslation } from 'react-i18next';
import type { ActionFormProps } from '../../../lib/actions/types';
import { TextField } from '../../../lib/ui/text-field';
import type { Volume } from '../../../resources/volumes/types';
import type { ExtendInput, MetadataInput, VolumeSettings } from '../inputs';

export function EditVolumeForm({ value, onChange }: ActionFormProps<Volume, VolumeSettings>) {
  const { t } = useTranslation();
  return (
    <>
      <TextField label={t('volumes.fields.name')} value={value.name} onChange={(name) => onChange({ ...value, name })} testId="volume-name-input" />
      <TextField
        label={t('volumes.fields.description')}
        value={value.description}
        onChange={(description) => onChange({ ...value, description })}
        testId="volume-description-input"
        multiline
      />
    </>
  );
}

export function MetadataForm({ value, onChange }: ActionFormProps<Volume, MetadataInput>) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('volumes.forms.metadata')}
      hint={t('volumes.forms.metadataHint')}
      value={value.text}
      onChange={(text) => onChange({ text })}
      testId="volume-metadata-input"
      multiline
      maxLength={65_536}
    />
  );
}

export function ExtendForm({ resource, value, onChange }: ActionFormProps<Volume, ExtendInput>) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('volumes.forms.newSize')}
      hint={t(resource.status === 'in-use' ? 'volumes.forms.extendAttached' : 'volumes.forms.extendHint', { size: resource.size })}
      value={value.size}
      onChange={(size) => onChange({ size })}
      inputMode="numeric"
      testId="volume-size-input"
    />
  );
}
