// The fields of each part of a load balancer, shared by the guided create and the dialogs adding or editing one part
// later; each shows its problem (model/validation) under it.
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../lib/ui/select-field';
import { TextField } from '../../../lib/ui/text-field';
import {
  healthMonitorHttpMethods,
  healthMonitorTypes,
  l7PolicyActions,
  l7RuleCompareTypes,
  l7RuleTypes,
  lbAlgorithms,
  listenerProtocols,
  poolProtocols,
  sessionPersistenceTypes,
  type HealthMonitorHttpMethod,
  type HealthMonitorType,
  type L7PolicyAction,
  type L7RuleCompareType,
  type L7RuleType,
  type LbAlgorithm,
  type ListenerProtocol,
  type PoolProtocol,
  type SessionPersistenceType,
} from '../../../resources/load-balancers/types';
import type { HealthMonitorDraft, L7PolicyDraft, L7RuleDraft, ListenerDraft, PoolDraft } from '../model/drafts';
import type { Problem } from '../model/validation';
import { CheckboxField } from '../../../lib/ui/checkbox-field';

/** The translated problem of a field, if it has one. */
export function useProblemText(problems: readonly Problem[]) {
  const { t } = useTranslation();
  return (field: string) => {
    const problem = problems.find((candidate) => candidate.field === field);
    return problem ? t(`load-balancers.problems.${problem.code}` as ParseKeys) : undefined;
  };
}

interface FieldsProps<Draft> {
  value: Draft;
  onChange: (value: Draft) => void;
  problems?: readonly Problem[];
}

const choices = <Value extends string>(values: readonly Value[], label: (value: Value) => string) => values.map((value) => ({ value, label: label(value) }));

export function ListenerFields({ value, onChange, problems = [], existing = false, keyManager }: FieldsProps<ListenerDraft> & { existing?: boolean; keyManager: boolean }) {
  const { t } = useTranslation();
  const error = useProblemText(problems);
  const set = (change: Partial<ListenerDraft>) => onChange({ ...value, ...change });
  const timeout = (field: 'timeoutClientData' | 'timeoutMemberConnect' | 'timeoutMemberData' | 'timeoutTcpInspect') => (
    <TextField
      label={t(`load-balancers.listener.${field}`)}
      value={value[field]}
      onChange={(text) => set({ [field]: text })}
      inputMode="numeric"
      placeholder={t('load-balancers.listener.timeoutDefault')}
      error={error(field)}
      testId={`listener-${field}`}
    />
  );
  return (
    <div className="grid gap-3 sm:grid-cols-2" data-testid="listener-fields">
      <TextField label={t('load-balancers.fields.name')} value={value.name} onChange={(name) => set({ name })} testId="listener-name" />
      {existing ? (
        <p className="self-end text-sm text-fg-muted">{`${value.protocol}:${value.port}`}</p>
      ) : (
        <>
          <SelectField
            label={t('load-balancers.listener.protocol')}
            value={value.protocol}
            onChange={(protocol) => set({ protocol: protocol as ListenerProtocol })}
            options={choices(listenerProtocols, (protocol) =>
              protocol === 'TERMINATED_HTTPS' && !keyManager ? t('load-balancers.listener.tlsUnavailable', { protocol }) : protocol,
            )}
            hint={t('load-balancers.listener.protocolHint')}
            error={error('protocol')}
            testId="listener-protocol"
          />
          <TextField label={t('load-balancers.listener.port')} value={value.port} onChange={(port) => set({ port })} inputMode="numeric" error={error('port')} testId="listener-port" />
        </>
      )}
      {value.protocol === 'TERMINATED_HTTPS' && keyManager && !existing && (
        <TextField
          label={t('load-balancers.listener.tlsContainerRef')}
          value={value.tlsContainerRef}
          onChange={(tlsContainerRef) => set({ tlsContainerRef })}
          error={error('tlsContainerRef')}
          testId="listener-tls-container"
        />
      )}
      <TextField
        label={t('load-balancers.listener.connectionLimit')}
        value={value.connectionLimit}
        onChange={(connectionLimit) => set({ connectionLimit })}
        inputMode="numeric"
        placeholder={t('load-balancers.listener.unlimited')}
        error={error('connectionLimit')}
        testId="listener-connection-limit"
      />
      {timeout('timeoutClientData')}
      {timeout('timeoutMemberConnect')}
      {timeout('timeoutMemberData')}
      {timeout('timeoutTcpInspect')}
      <TextField
        label={t('load-balancers.listener.allowedCidrs')}
        value={value.allowedCidrs}
        onChange={(allowedCidrs) => set({ allowedCidrs })}
        multiline
        hint={t('load-balancers.listener.allowedCidrsHint')}
        error={error('allowedCidrs')}
        testId="listener-allowed-cidrs"
        className="sm:col-span-2"
      />
    </div>
  );
}

export function PoolFields({ value, onChange, problems = [], existing = false }: FieldsProps<PoolDraft> & { existing?: boolean }) {
  const { t } = useTranslation();
  const error = useProblemText(problems);
  const set = (change: Partial<PoolDraft>) => onChange({ ...value, ...change });
  return (
    <div className="grid gap-3 sm:grid-cols-2" data-testid="pool-fields">
      <TextField label={t('load-balancers.fields.name')} value={value.name} onChange={(name) => set({ name })} testId="pool-name" />
      {!existing && (
        <SelectField
          label={t('load-balancers.pool.protocol')}
          value={value.protocol}
          onChange={(protocol) => set({ protocol: protocol as PoolProtocol })}
          options={choices(poolProtocols, (protocol) => protocol)}
          error={error('protocol')}
          testId="pool-protocol"
        />
      )}
      <SelectField
        label={t('load-balancers.pool.algorithm')}
        value={value.algorithm}
        onChange={(algorithm) => set({ algorithm: algorithm as LbAlgorithm })}
        options={choices(lbAlgorithms, (algorithm) => t(`load-balancers.algorithms.${algorithm}`))}
        testId="pool-algorithm"
      />
      <SelectField
        label={t('load-balancers.pool.persistence')}
        value={value.persistence}
        onChange={(persistence) => set({ persistence: persistence as SessionPersistenceType | '' })}
        placeholder={t('load-balancers.pool.noPersistence')}
        options={choices(sessionPersistenceTypes, (type) => t(`load-balancers.persistence.${type}`))}
        testId="pool-persistence"
      />
      {value.persistence === 'APP_COOKIE' && (
        <TextField label={t('load-balancers.pool.cookieName')} value={value.cookieName} onChange={(cookieName) => set({ cookieName })} error={error('cookieName')} testId="pool-cookie-name" />
      )}
    </div>
  );
}

export function HealthMonitorFields({ value, onChange, problems = [], existing = false }: FieldsProps<HealthMonitorDraft> & { existing?: boolean }) {
  const { t } = useTranslation();
  const error = useProblemText(problems);
  const set = (change: Partial<HealthMonitorDraft>) => onChange({ ...value, ...change });
  const http = value.type === 'HTTP' || value.type === 'HTTPS';
  const number = (field: 'delay' | 'timeout' | 'maxRetries' | 'maxRetriesDown') => (
    <TextField label={t(`load-balancers.monitor.${field}`)} value={value[field]} onChange={(text) => set({ [field]: text })} inputMode="numeric" error={error(field)} testId={`monitor-${field}`} />
  );
  return (
    <div className="grid gap-3 sm:grid-cols-2" data-testid="monitor-fields">
      {!existing && (
        <SelectField
          label={t('load-balancers.monitor.type')}
          value={value.type}
          onChange={(type) => set({ type: type as HealthMonitorType })}
          options={choices(healthMonitorTypes, (type) => type)}
          error={error('type')}
          testId="monitor-type"
        />
      )}
      {number('delay')}
      {number('timeout')}
      {number('maxRetries')}
      {number('maxRetriesDown')}
      {http && (
        <>
          <SelectField
            label={t('load-balancers.monitor.httpMethod')}
            value={value.httpMethod}
            onChange={(httpMethod) => set({ httpMethod: httpMethod as HealthMonitorHttpMethod })}
            options={choices(healthMonitorHttpMethods, (method) => method)}
            testId="monitor-http-method"
          />
          <TextField label={t('load-balancers.monitor.urlPath')} value={value.urlPath} onChange={(urlPath) => set({ urlPath })} error={error('urlPath')} testId="monitor-url-path" />
          <TextField
            label={t('load-balancers.monitor.expectedCodes')}
            value={value.expectedCodes}
            onChange={(expectedCodes) => set({ expectedCodes })}
            hint={t('load-balancers.monitor.expectedCodesHint')}
            error={error('expectedCodes')}
            testId="monitor-expected-codes"
          />
        </>
      )}
    </div>
  );
}

export function L7PolicyFields({ value, onChange, problems = [], pools }: FieldsProps<L7PolicyDraft> & { pools: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const error = useProblemText(problems);
  const set = (change: Partial<L7PolicyDraft>) => onChange({ ...value, ...change });
  return (
    <div className="grid gap-3 sm:grid-cols-2" data-testid="l7policy-fields">
      <TextField label={t('load-balancers.fields.name')} value={value.name} onChange={(name) => set({ name })} testId="l7policy-name" />
      <SelectField
        label={t('load-balancers.l7.action')}
        value={value.action}
        onChange={(action) => set({ action: action as L7PolicyAction })}
        options={choices(l7PolicyActions, (action) => t(`load-balancers.l7.actions.${action}`))}
        testId="l7policy-action"
      />
      {value.action === 'REDIRECT_TO_URL' && (
        <TextField label={t('load-balancers.l7.redirectUrl')} value={value.redirectUrl} onChange={(redirectUrl) => set({ redirectUrl })} error={error('redirectUrl')} testId="l7policy-redirect-url" />
      )}
      {value.action === 'REDIRECT_PREFIX' && (
        <TextField label={t('load-balancers.l7.redirectPrefix')} value={value.redirectPrefix} onChange={(redirectPrefix) => set({ redirectPrefix })} error={error('redirectPrefix')} testId="l7policy-redirect-prefix" />
      )}
      {value.action === 'REDIRECT_TO_POOL' && (
        <SelectField
          label={t('load-balancers.l7.redirectPool')}
          value={value.redirectPoolId}
          onChange={(redirectPoolId) => set({ redirectPoolId })}
          placeholder={t('load-balancers.l7.choosePool')}
          options={pools.map((pool) => ({ value: pool.id, label: pool.name || pool.id }))}
          error={error('redirectPoolId')}
          testId="l7policy-redirect-pool"
        />
      )}
      <TextField
        label={t('load-balancers.l7.position')}
        value={value.position}
        onChange={(position) => set({ position })}
        inputMode="numeric"
        placeholder={t('load-balancers.l7.positionLast')}
        error={error('position')}
        testId="l7policy-position"
      />
    </div>
  );
}

export function L7RuleFields({ value, onChange, problems = [] }: FieldsProps<L7RuleDraft>) {
  const { t } = useTranslation();
  const error = useProblemText(problems);
  const set = (change: Partial<L7RuleDraft>) => onChange({ ...value, ...change });
  return (
    <div className="grid gap-3 sm:grid-cols-2" data-testid="l7rule-fields">
      <SelectField label={t('load-balancers.l7.ruleType')} value={value.type} onChange={(type) => set({ type: type as L7RuleType })} options={choices(l7RuleTypes, (type) => type)} testId="l7rule-type" />
      <SelectField
        label={t('load-balancers.l7.compareType')}
        value={value.compareType}
        onChange={(compareType) => set({ compareType: compareType as L7RuleCompareType })}
        options={choices(l7RuleCompareTypes, (type) => type)}
        testId="l7rule-compare-type"
      />
      {(value.type === 'HEADER' || value.type === 'COOKIE') && (
        <TextField label={t('load-balancers.l7.key')} value={value.key} onChange={(key) => set({ key })} error={error('key')} testId="l7rule-key" />
      )}
      <TextField label={t('load-balancers.l7.value')} value={value.value} onChange={(text) => set({ value: text })} error={error('value')} testId="l7rule-value" />
      <CheckboxField label={t('load-balancers.l7.invert')} checked={value.invert} onChange={(invert) => set({ invert })} testId="l7rule-invert" />
    </div>
  );
}
