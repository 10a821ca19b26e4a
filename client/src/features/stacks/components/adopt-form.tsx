// The adopt form: the abandon data file (what Heat answered to an abandon, as downloaded), the new stack's name
// (the abandoned stack's own, by default), and whether Heat rolls back when the adopt fails.
import { useTranslation } from 'react-i18next';
import type { ActionFormProps, ProjectTarget } from '../../../lib/actions/types';
import { CheckboxField } from '../../../lib/ui/checkbox-field';
import { TextField } from '../../../lib/ui/text-field';
import { isValidStackName, parseAbandonData, type AdoptInput } from '../inputs';

export function AdoptForm({ value, onChange }: ActionFormProps<ProjectTarget, AdoptInput>) {
  const { t } = useTranslation();
  const parsed = value.data ? parseAbandonData(value.data) : null;
  const read = async (file: File | undefined) => {
    if (!file) return;
    const data = await file.text();
    const name = value.name || parseAbandonData(data)?.name || '';
    onChange({ ...value, data, fileName: file.name, name });
  };
  const name = value.name.trim();
  return (
    <div className="space-y-4">
      <p className="text-sm text-fg-muted">{t('stacks.actions.adopt.help')}</p>
      <label className="block text-sm text-fg">
        <span className="mb-1 block font-medium">{t('stacks.actions.adopt.file')}</span>
        <input type="file" accept=".json,application/json" className="text-sm" data-testid="adopt-file" onChange={(event) => void read(event.target.files?.[0])} />
      </label>
      {value.data && (
        <p className={parsed ? 'text-sm text-fg-muted' : 'text-sm text-danger'} data-testid="adopt-file-summary">
          {parsed
            ? t('stacks.actions.adopt.fileSummary', { name: parsed.name, count: Object.keys(parsed.resources).length })
            : t('stacks.actions.adopt.invalidData')}
        </p>
      )}
      <TextField
        label={t('stacks.actions.adopt.name')}
        value={value.name}
        onChange={(next) => onChange({ ...value, name: next })}
        error={name && !isValidStackName(name) ? t('stacks.actions.adopt.invalidName') : undefined}
        testId="adopt-name"
      />
      <CheckboxField label={t('stacks.actions.adopt.rollback')} checked={value.rollback} onChange={(rollback) => onChange({ ...value, rollback })} testId="adopt-rollback" />
    </div>
  );
}
