// The application credential form, rendered inside the action dialog: name, description, expiry, which of the
// user's roles on the project it carries, the API calls it may make (access rules), and "unrestricted", which only
// shows behind its warning.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionFormProps } from '../../../lib/actions/types';
import { Button } from '../../../lib/ui/button';
import { CheckboxField } from '../../../lib/ui/checkbox-field';
import { describedBy, Field, inputClass } from '../../../lib/ui/form-controls';
import { AlertIcon } from '../../../lib/ui/icons';
import { TextField } from '../../../lib/ui/text-field';
import { useScope } from '../../../lib/scope';
import { accessRuleMethods, draftProblem, ruleProblem, type AccessRuleDraft, type ApplicationCredentialDraft } from '../application-credential-draft';
import type { CredentialOwner } from '../credential-owner';

function AccessRuleRow({
  rule,
  index,
  services,
  onChange,
  onRemove,
}: {
  rule: AccessRuleDraft;
  index: number;
  services: readonly string[];
  onChange: (rule: AccessRuleDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const problem = rule.path === '' ? null : ruleProblem(rule);
  return (
    <li className="grid grid-cols-[7rem_1fr_10rem_auto] items-start gap-2" data-testid="access-rule">
      <select
        aria-label={t('api-access.appCredentials.form.ruleMethod', { index: index + 1 })}
        value={rule.method}
        onChange={(event) => onChange({ ...rule, method: event.target.value as AccessRuleDraft['method'] })}
        className={inputClass}
        data-testid="access-rule-method"
      >
        {accessRuleMethods.map((method) => (
          <option key={method} value={method}>
            {method}
          </option>
        ))}
      </select>
      <div>
        <input
          aria-label={t('api-access.appCredentials.form.rulePath', { index: index + 1 })}
          value={rule.path}
          placeholder="/v2.1/servers/**"
          maxLength={225}
          onChange={(event) => onChange({ ...rule, path: event.target.value })}
          className={inputClass}
          aria-invalid={problem === 'api-access.appCredentials.form.rulePathInvalid'}
          data-testid="access-rule-path"
        />
        {problem === 'api-access.appCredentials.form.rulePathInvalid' && (
          <p role="alert" className="mt-1 text-xs font-medium text-danger">
            {t(problem)}
          </p>
        )}
      </div>
      <select
        aria-label={t('api-access.appCredentials.form.ruleService', { index: index + 1 })}
        value={rule.service}
        onChange={(event) => onChange({ ...rule, service: event.target.value })}
        className={inputClass}
        data-testid="access-rule-service"
      >
        <option value="">{t('api-access.appCredentials.form.chooseService')}</option>
        {services.map((service) => (
          <option key={service} value={service}>
            {service}
          </option>
        ))}
      </select>
      <Button variant="ghost" onClick={onRemove} aria-label={t('api-access.appCredentials.form.removeRule', { index: index + 1 })} data-testid="access-rule-remove">
        ×
      </Button>
    </li>
  );
}

export function ApplicationCredentialForm({ resource: owner, value, onChange }: ActionFormProps<CredentialOwner, ApplicationCredentialDraft>) {
  const { t } = useTranslation();
  const scope = useScope();
  const expiryId = useId();
  const problem = draftProblem(value);
  const services = [...new Set(scope.services.map((service) => service.type))].sort((a, b) => a.localeCompare(b));
  const expiryError =
    problem === 'api-access.appCredentials.form.expiryPast' || problem === 'api-access.appCredentials.form.expiryInvalid' ? t(problem) : undefined;
  const setRule = (index: number, rule: AccessRuleDraft) =>
    onChange({ ...value, accessRules: value.accessRules.map((current, at) => (at === index ? rule : current)) });

  return (
    <div className="space-y-4" data-testid="application-credential-form">
      <TextField
        label={t('api-access.appCredentials.form.name')}
        value={value.name}
        onChange={(name) => onChange({ ...value, name })}
        error={value.name !== '' && problem === 'api-access.appCredentials.form.nameTooLong' ? t(problem) : undefined}
        testId="application-credential-name"
      />
      <TextField
        label={t('api-access.appCredentials.form.description')}
        value={value.description}
        onChange={(description) => onChange({ ...value, description })}
        multiline
        maxLength={65535}
        testId="application-credential-description"
      />
      <Field id={expiryId} label={t('api-access.appCredentials.form.expiry')} hint={t('api-access.appCredentials.form.expiryHint')} error={expiryError}>
        <input
          id={expiryId}
          type="datetime-local"
          value={value.expiresAt}
          onChange={(event) => onChange({ ...value, expiresAt: event.target.value })}
          className={`${inputClass} max-w-xs`}
          aria-describedby={describedBy(expiryId, { hint: true, error: expiryError !== undefined })}
          aria-invalid={expiryError !== undefined}
          data-testid="application-credential-expiry"
        />
      </Field>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-fg">{t('api-access.appCredentials.form.roles')}</legend>
        <p className="mb-2 text-xs text-fg-muted">{t('api-access.appCredentials.form.rolesHint', { project: owner.name })}</p>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {owner.roles.map((role) => (
            <CheckboxField
              key={role}
              label={role}
              checked={value.roles.includes(role)}
              onChange={(checked) =>
                onChange({ ...value, roles: checked ? owner.roles.filter((name) => name === role || value.roles.includes(name)) : value.roles.filter((name) => name !== role) })
              }
              testId={`application-credential-role-${role}`}
            />
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-fg">{t('api-access.appCredentials.form.accessRules')}</legend>
        <p className="mb-2 text-xs text-fg-muted">{t('api-access.appCredentials.form.accessRulesHint')}</p>
        {value.accessRules.length > 0 && (
          <ul className="mb-2 space-y-2">
            {value.accessRules.map((rule, index) => (
              <AccessRuleRow
                key={index}
                rule={rule}
                index={index}
                services={services}
                onChange={(next) => setRule(index, next)}
                onRemove={() => onChange({ ...value, accessRules: value.accessRules.filter((_, at) => at !== index) })}
              />
            ))}
          </ul>
        )}
        <Button
          onClick={() => onChange({ ...value, accessRules: [...value.accessRules, { method: 'GET', path: '', service: services.includes('compute') ? 'compute' : '' }] })}
          data-testid="access-rule-add"
        >
          {t('api-access.appCredentials.form.addRule')}
        </Button>
      </fieldset>
      <details className="rounded-md border border-line p-3" open={value.unrestricted || undefined}>
        <summary className="cursor-pointer text-sm font-medium text-fg">{t('api-access.appCredentials.form.advanced')}</summary>
        <div className="mt-3 space-y-2">
          <div className="flex gap-2 rounded-md border border-danger-line bg-danger-soft px-3 py-2 text-sm text-fg" data-testid="unrestricted-warning">
            <AlertIcon className="mt-0.5 size-4 shrink-0 text-danger" />
            <p>{t('api-access.appCredentials.form.unrestrictedWarning')}</p>
          </div>
          <CheckboxField
            label={t('api-access.appCredentials.form.unrestricted')}
            checked={value.unrestricted}
            onChange={(unrestricted) => onChange({ ...value, unrestricted })}
            testId="application-credential-unrestricted"
          />
        </div>
      </details>
    </div>
  );
}
