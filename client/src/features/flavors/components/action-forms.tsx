// The input forms of the flavor admin actions (rendered by lib/actions' ActionDialog).
import { useTranslation } from 'react-i18next';
import type { ActionFormProps } from '../../../lib/actions/types';
import { Button } from '../../../lib/ui/button';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { Field, inputClass } from '../../../lib/ui/form-controls';
import { LoadingState } from '../../../lib/ui/loading-state';
import type { ExtraSpecsInput } from '../inputs';
import type { ExtraSpecEntry } from '../extra-specs';
import { useAllProjects } from '../../../resources/identity/identity';
import type { Flavor } from '../../../resources/flavors/types';

/** Rows of key and value, used by the set-extra-specs action and by the create form. */
export function ExtraSpecsEditor({ entries, onChange }: { entries: ExtraSpecEntry[]; onChange: (entries: ExtraSpecEntry[]) => void }) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<ExtraSpecEntry>) =>
    onChange(entries.map((entry, position) => (position === index ? { ...entry, ...patch } : entry)));
  return (
    <div className="space-y-2" data-testid="extra-specs-editor">
      {entries.map((entry, index) => (
        <div key={index} className="flex items-end gap-2">
          <Field id={`extra-spec-key-${index}`} label={t('flavors.forms.key', { position: index + 1 })} className="flex-1">
            <input id={`extra-spec-key-${index}`} className={inputClass} value={entry.key} placeholder="hw:cpu_policy" onChange={(event) => update(index, { key: event.target.value })} />
          </Field>
          <Field id={`extra-spec-value-${index}`} label={t('flavors.forms.value', { position: index + 1 })} className="flex-1">
            <input id={`extra-spec-value-${index}`} className={inputClass} value={entry.value} onChange={(event) => update(index, { value: event.target.value })} />
          </Field>
          <Button aria-label={t('flavors.forms.remove', { position: index + 1 })} onClick={() => onChange(entries.filter((_, position) => position !== index))}>
            ×
          </Button>
        </div>
      ))}
      <Button onClick={() => onChange([...entries, { key: '', value: '' }])} data-testid="extra-spec-add">
        {t('flavors.forms.add')}
      </Button>
    </div>
  );
}

export function ExtraSpecsForm({ value, onChange }: ActionFormProps<Flavor, ExtraSpecsInput>) {
  return <ExtraSpecsEditor entries={value.entries} onChange={(entries) => onChange({ entries })} />;
}

export function UnsetExtraSpecForm({ resource, value, onChange }: ActionFormProps<Flavor, { key: string }>) {
  const { t } = useTranslation();
  return (
    <Field id="unset-extra-spec" label={t('flavors.forms.extraSpec')}>
      <select id="unset-extra-spec" className={inputClass} value={value.key} onChange={(event) => onChange({ key: event.target.value })}>
        {Object.entries(resource.extra_specs ?? {}).map(([key, specValue]) => (
          <option key={key} value={key}>
            {key} = {specValue}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function AccessForm({ value, onChange }: ActionFormProps<Flavor, { projectId: string }>) {
  const { t } = useTranslation();
  const projects = useAllProjects();
  if (projects.error) return <ErrorNotice error={projects.error} onRetry={() => void projects.refetch()} />;
  if (!projects.data) return <LoadingState label={t('flavors.forms.loadingProjects')} />;
  return (
    <Field id="flavor-access-project" label={t('flavors.forms.project')}>
      <select id="flavor-access-project" className={inputClass} value={value.projectId} onChange={(event) => onChange({ projectId: event.target.value })} data-testid="access-project">
        <option value="">{t('flavors.forms.chooseProject')}</option>
        {projects.data.map((project) => (
          <option key={project.id} value={project.id}>
            {project.name}
          </option>
        ))}
      </select>
    </Field>
  );
}
