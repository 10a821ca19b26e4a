// The server group create form, rendered inside the action dialog: a name, one of Nova's four policies (each
// explained), and the anti-affinity rule `max_server_per_host`.
import { useTranslation } from 'react-i18next';
import type { ActionFormProps, ProjectTarget } from '../../../lib/actions/types';
import { TextField } from '../../../lib/ui/text-field';
import { serverGroupPolicies } from '../../../resources/server-groups/types';
import { draftProblem, type ServerGroupDraft } from '../server-group-draft';

export function ServerGroupForm({ value, onChange }: ActionFormProps<ProjectTarget, ServerGroupDraft>) {
  const { t } = useTranslation();
  const problem = draftProblem(value);
  const ruleTyped = value.maxServerPerHost.trim() !== '';
  return (
    <div className="space-y-4" data-testid="server-group-form">
      <TextField
        label={t('server-groups.form.name')}
        value={value.name}
        onChange={(name) => onChange({ ...value, name })}
        error={value.name !== '' && problem?.startsWith('server-groups.problems.name') ? t(problem) : undefined}
        testId="server-group-name"
      />
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-fg">{t('server-groups.form.policy')}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {serverGroupPolicies.map((policy) => (
            <label
              key={policy}
              className="flex cursor-pointer gap-2 rounded-md border border-line p-3 has-checked:border-brand has-checked:bg-brand-soft"
            >
              <input
                type="radio"
                name="server-group-policy"
                value={policy}
                checked={value.policy === policy}
                onChange={() => onChange({ ...value, policy })}
                className="mt-0.5 size-4 accent-brand"
                data-testid={`server-group-policy-${policy}`}
              />
              <span>
                <span className="block text-sm font-medium text-fg">{t(`server-groups.policy.${policy}`)}</span>
                <span className="block text-xs text-fg-muted">{t(`server-groups.policyHelp.${policy}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {value.policy === 'anti-affinity' ? (
        <TextField
          label={t('server-groups.form.maxServerPerHost')}
          hint={t('server-groups.form.maxServerPerHostHint')}
          value={value.maxServerPerHost}
          onChange={(maxServerPerHost) => onChange({ ...value, maxServerPerHost })}
          inputMode="numeric"
          placeholder="1"
          error={ruleTyped && problem === 'server-groups.problems.ruleInvalid' ? t(problem) : undefined}
          testId="server-group-max-per-host"
          className="max-w-xs"
        />
      ) : (
        <p className="text-xs text-fg-muted">{t('server-groups.form.noRules')}</p>
      )}
    </div>
  );
}
