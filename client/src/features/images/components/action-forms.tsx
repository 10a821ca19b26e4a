// The input forms of the image actions that need one, rendered inside the action dialog.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionFormProps } from '../../../lib/actions/types';
import { Button } from '../../../lib/ui/button';
import { describedBy, Field, inputClass } from '../../../lib/ui/form-controls';
import { TextField } from '../../../lib/ui/text-field';
import { useProjects } from '../../../resources/session/projects';
import { visibilities } from '../../../resources/images/list-state';
import { namedProperties, type PropertyInput } from '../properties';
import type { ImageRecord, ImageVisibility } from '../../../resources/images/types';

export function PropertiesForm({ value, onChange }: ActionFormProps<ImageRecord, PropertyInput>) {
  const { t } = useTranslation();
  const setCustom = (index: number, entry: { key: string; value: string }) =>
    onChange({ ...value, custom: value.custom.map((current, at) => (at === index ? entry : current)) });
  return (
    <div className="space-y-3" data-testid="properties-form">
      <div className="grid grid-cols-2 gap-3">
        {namedProperties.map((key) => (
          <TextField
            key={key}
            label={t(`images.properties.${key}`)}
            value={value.named[key]}
            onChange={(property) => onChange({ ...value, named: { ...value.named, [key]: property } })}
            testId={`property-${key}`}
          />
        ))}
        <TextField
          label={t('images.properties.min_disk')}
          hint={t('images.edit.minDiskHint')}
          inputMode="numeric"
          value={value.min_disk}
          onChange={(minDisk) => onChange({ ...value, min_disk: minDisk })}
          testId="property-min_disk"
        />
        <TextField
          label={t('images.properties.min_ram')}
          hint={t('images.edit.minRamHint')}
          inputMode="numeric"
          value={value.min_ram}
          onChange={(minRam) => onChange({ ...value, min_ram: minRam })}
          testId="property-min_ram"
        />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-fg">{t('images.edit.custom')}</legend>
        <ul className="mt-1 space-y-2">
          {value.custom.map((entry, index) => (
            <li key={index} className="flex items-center gap-2" data-testid="custom-property">
              <input
                aria-label={t('images.edit.key', { index: index + 1 })}
                placeholder={t('images.edit.keyPlaceholder')}
                className={`${inputClass} font-mono`}
                value={entry.key}
                onChange={(event) => setCustom(index, { ...entry, key: event.target.value })}
                data-testid="custom-key"
              />
              <input
                aria-label={t('images.edit.value', { index: index + 1 })}
                placeholder={t('images.edit.valuePlaceholder')}
                className={`${inputClass} font-mono`}
                value={entry.value}
                onChange={(event) => setCustom(index, { ...entry, value: event.target.value })}
                data-testid="custom-value"
              />
              <Button
                variant="ghost"
                aria-label={t('images.edit.remove', { key: entry.key || index + 1 })}
                onClick={() => onChange({ ...value, custom: value.custom.filter((_, at) => at !== index) })}
                data-testid="custom-remove"
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
        <Button className="mt-2" onClick={() => onChange({ ...value, custom: [...value.custom, { key: '', value: '' }] })} data-testid="custom-add">
          {t('images.edit.add')}
        </Button>
      </fieldset>
    </div>
  );
}

export function VisibilityForm({ value, onChange }: ActionFormProps<ImageRecord, ImageVisibility>) {
  const { t } = useTranslation();
  return (
    <fieldset className="space-y-2" data-testid="visibility-form">
      <legend className="text-sm font-medium text-fg">{t('images.columns.visibility')}</legend>
      {visibilities.map((visibility) => (
        <label key={visibility} className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name="visibility"
            value={visibility}
            checked={value === visibility}
            onChange={() => onChange(visibility)}
            className="mt-0.5 accent-brand"
            data-testid={`visibility-${visibility}`}
          />
          <span>
            <span className="font-medium">{t(`images.visibility.${visibility}`)}</span>
            <span className="block text-xs text-fg-muted">{t(`images.visibilityHelp.${visibility}`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** A project id; the user's own projects are suggested (members may not list the others). */
export function MemberForm({ value, onChange }: ActionFormProps<ImageRecord, string>) {
  const { t } = useTranslation();
  const projects = useProjects();
  const id = useId();
  const listId = useId();
  return (
    <Field id={id} label={t('images.members.project')} hint={t('images.members.projectHint')}>
      <input
        id={id}
        list={listId}
        className={`${inputClass} font-mono`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, { hint: true })}
        data-testid="member-project"
      />
      <datalist id={listId}>
        {(projects.data ?? []).map((project) => (
          <option key={project.id} value={project.id}>
            {project.name}
          </option>
        ))}
      </datalist>
    </Field>
  );
}
