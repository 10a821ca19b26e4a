// The input forms of the volume type actions, rendered inside the action dialog.
import { useTranslation } from 'react-i18next';
import type { ActionFormProps, ProjectTarget } from '../../../lib/actions/types';
import { Button } from '../../../lib/ui/button';
import { inputClass } from '../../../lib/ui/form-controls';
import { QueryGate } from '../../../lib/ui/query-gate';
import { SelectField } from '../../../lib/ui/select-field';
import { TextField } from '../../../lib/ui/text-field';
import { useAllProjects } from '../../../resources/identity/identity';
import type { VolumeType } from '../../../resources/volume-types/types';
import { useQosSpecs, useVolumeTypeAccess } from '../../../resources/volume-types/volume-types';
import type { ExtraSpecsInput, SpecEntry, TypeCreateInput } from '../inputs';

/** Key = value rows; Cinder validates the keys (letters, digits and `-_:. ` only) and says so when it refuses. */
function SpecRows({ specs, onChange }: { specs: SpecEntry[]; onChange: (specs: SpecEntry[]) => void }) {
  const { t } = useTranslation();
  const setRow = (index: number, entry: SpecEntry) => onChange(specs.map((current, at) => (at === index ? entry : current)));
  return (
    <fieldset>
      <legend className="text-sm font-medium text-fg">{t('volume-types.specs.legend')}</legend>
      {specs.length === 0 && <p className="mt-1 text-sm text-fg-muted">{t('volume-types.specs.none')}</p>}
      <ul className="mt-1 space-y-2">
        {specs.map((entry, index) => (
          <li key={index} className="flex items-center gap-2" data-testid="spec-row">
            <input
              aria-label={t('volume-types.specs.key', { index: index + 1 })}
              placeholder={t('volume-types.specs.keyPlaceholder')}
              className={`${inputClass} font-mono`}
              value={entry.key}
              onChange={(event) => setRow(index, { ...entry, key: event.target.value })}
              data-testid="spec-key"
            />
            <input
              aria-label={t('volume-types.specs.value', { index: index + 1 })}
              placeholder={t('volume-types.specs.valuePlaceholder')}
              className={`${inputClass} font-mono`}
              value={entry.value}
              onChange={(event) => setRow(index, { ...entry, value: event.target.value })}
              data-testid="spec-value"
            />
            <Button
              variant="ghost"
              aria-label={t('volume-types.specs.remove', { key: entry.key || index + 1 })}
              onClick={() => onChange(specs.filter((_, at) => at !== index))}
              data-testid="spec-remove"
            >
              ×
            </Button>
          </li>
        ))}
      </ul>
      <Button className="mt-2" onClick={() => onChange([...specs, { key: '', value: '' }])} data-testid="spec-add">
        {t('volume-types.specs.add')}
      </Button>
    </fieldset>
  );
}

export function TypeCreateForm({ value, onChange }: ActionFormProps<ProjectTarget, TypeCreateInput>) {
  const { t } = useTranslation();
  return (
    <div className="space-y-3" data-testid="type-create-form">
      <TextField label={t('volume-types.forms.name')} value={value.name} onChange={(name) => onChange({ ...value, name })} testId="type-name" />
      <TextField
        label={t('volume-types.forms.description')}
        value={value.description}
        onChange={(description) => onChange({ ...value, description })}
        testId="type-description"
        multiline
      />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-fg">{t('volume-types.columns.visibility')}</legend>
        {([true, false] as const).map((isPublic) => (
          <label key={String(isPublic)} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="type-visibility"
              checked={value.isPublic === isPublic}
              onChange={() => onChange({ ...value, isPublic })}
              className="mt-0.5 accent-brand"
              data-testid={isPublic ? 'type-public' : 'type-private'}
            />
            <span>
              <span className="font-medium">{t(isPublic ? 'volume-types.public' : 'volume-types.private')}</span>
              <span className="block text-xs text-fg-muted">{t(isPublic ? 'volume-types.forms.publicHelp' : 'volume-types.forms.privateHelp')}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <SpecRows specs={value.specs} onChange={(specs) => onChange({ ...value, specs })} />
    </div>
  );
}

export function ExtraSpecsForm({ value, onChange }: ActionFormProps<VolumeType, ExtraSpecsInput>) {
  return (
    <div data-testid="extra-specs-form">
      <SpecRows specs={value.specs} onChange={(specs) => onChange({ specs })} />
    </div>
  );
}

/** A project chosen by name among Keystone's (admins list them all); those already given access are left out. */
export function AccessForm({ resource, value, onChange }: ActionFormProps<VolumeType, string>) {
  const { t } = useTranslation();
  const projects = useAllProjects();
  const access = useVolumeTypeAccess(resource);
  const granted = new Set((access.data ?? []).map((entry) => entry.project_id));
  return (
    <QueryGate query={projects} loading={t('volume-types.access.loadingProjects')}>
      {(list) => (
        <SelectField
          label={t('volume-types.access.project')}
          value={value}
          onChange={onChange}
          placeholder={t('volume-types.access.chooseProject')}
          options={[...list]
            .filter((project) => !granted.has(project.id))
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((project) => ({ value: project.id, label: project.name }))}
          testId="access-project"
        />
      )}
    </QueryGate>
  );
}

/** One of the cloud's QoS specifications, by name, with where its limits apply. */
export function QosForm({ value, onChange }: ActionFormProps<VolumeType, string>) {
  const { t } = useTranslation();
  const specs = useQosSpecs({ fresh: true });
  return (
    <QueryGate query={specs} loading={t('volume-types.qos.loading')}>
      {(list) => (
        <SelectField
          label={t('volume-types.qos.title')}
          value={value}
          onChange={onChange}
          placeholder={list.length === 0 ? t('volume-types.qos.noSpecs') : t('volume-types.qos.choose')}
          options={list.map((spec) => ({ value: spec.id, label: t('volume-types.qos.option', { name: spec.name, consumer: spec.consumer }) }))}
          testId="qos-spec"
        />
      )}
    </QueryGate>
  );
}
