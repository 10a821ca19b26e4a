// A subnet's fields: IP version, CIDR (typed, or a prefix from a subnet pool when the cloud has any), gateway,
// DHCP, allocation pools, DNS name servers, host routes and the IPv6 modes. Each field says what is wrong with it
// as soon as it holds something; the CIDR is checked against the network's other subnets.
import { useEffect, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionFormProps } from '../../../lib/actions/types';
import { CheckboxField } from '../../../lib/ui/checkbox-field';
import { describedBy, Field, inputClass, textareaClass } from '../../../lib/ui/form-controls';
import { SelectField } from '../../../lib/ui/select-field';
import type { SubnetInput } from '../inputs';
import { useSubnetPools, useSubnets } from '../../../resources/networks/networks';
import { ipv6Modes, subnetIssues, subnetProblemKey, type GatewayMode, type SubnetDraft, type SubnetField, type SubnetIssue } from '../subnet-draft';
import type { Network, Subnet } from '../../../resources/networks/types';

function Radios<Value extends string | number>({ legend, name, value, options, onChange }: { legend: string; name: string; value: Value; options: { value: Value; label: string }[]; onChange: (value: Value) => void }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-fg">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-4">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-1.5 text-sm text-fg">
            <input type="radio" name={name} className="accent-brand" checked={value === option.value} onChange={() => onChange(option.value)} data-testid={`${name}-${option.value}`} />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The fields of a subnet draft; `editing` hides what Neutron does not let change (version, CIDR, IPv6 modes). */
export function SubnetFields({ value, onChange, siblings = [], editing = false }: { value: SubnetDraft; onChange: (value: SubnetDraft) => void; siblings?: readonly Subnet[]; editing?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const pools = useSubnetPools();
  const set = <K extends keyof SubnetDraft>(key: K, field: SubnetDraft[K]) => onChange({ ...value, [key]: field });
  const issues = subnetIssues(value, siblings);
  // "Missing" problems wait for the submit button's hint: an empty form is not an error.
  const errorOf = (field: SubnetField): string | undefined => {
    const issue: SubnetIssue | undefined = issues.find((candidate) => candidate.field === field && !candidate.problem.endsWith('Missing'));
    return issue && t(subnetProblemKey(issue.problem), { detail: issue.detail ?? '' });
  };
  const poolsOfVersion = (pools.data ?? []).filter((pool) => pool.ip_version === value.ipVersion);
  const text = (field: SubnetField & keyof SubnetDraft, label: string, hint?: string, testId?: string, multiline = false): ReactNode => {
    const fieldId = `${id}-${field}`;
    const error = errorOf(field);
    const props = {
      id: fieldId,
      value: value[field],
      'aria-invalid': error !== undefined,
      'aria-describedby': describedBy(fieldId, { hint: hint !== undefined, error: error !== undefined }),
      'data-testid': testId,
    };
    return (
      <Field id={fieldId} label={label} hint={hint} error={error}>
        {multiline ? (
          <textarea {...props} rows={2} className={`${textareaClass} font-mono`} onChange={(event) => set(field, event.target.value)} />
        ) : (
          <input {...props} className={`${inputClass} font-mono`} onChange={(event) => set(field, event.target.value)} />
        )}
      </Field>
    );
  };

  return (
    <div className="space-y-3" data-testid="subnet-fields">
      <Field id={`${id}-name`} label={t('networks.subnet.name')}>
        <input id={`${id}-name`} className={inputClass} value={value.name} onChange={(event) => set('name', event.target.value)} data-testid="subnet-name" />
      </Field>
      {!editing && (
        <>
          <Radios
            legend={t('networks.subnet.ipVersion')}
            name="subnet-ip-version"
            value={value.ipVersion}
            options={[{ value: 4, label: 'IPv4' }, { value: 6, label: 'IPv6' }]}
            onChange={(ipVersion) => onChange({ ...value, ipVersion, subnetPoolId: '', ipv6AddressMode: '', ipv6RaMode: '' })}
          />
          {poolsOfVersion.length > 0 && (
            <Radios
              legend={t('networks.subnet.source')}
              name="subnet-source"
              value={value.source}
              options={[{ value: 'cidr', label: t('networks.subnet.sourceCidr') }, { value: 'pool', label: t('networks.subnet.sourcePool') }]}
              onChange={(source) => set('source', source)}
            />
          )}
          {value.source === 'pool' && poolsOfVersion.length > 0 ? (
            <div className="grid gap-3 sm:grid-cols-2">
              <SelectField
                label={t('networks.subnet.pool')}
                value={value.subnetPoolId}
                onChange={(subnetPoolId) => set('subnetPoolId', subnetPoolId)}
                placeholder={t('networks.subnet.poolChoose')}
                error={errorOf('subnetPoolId')}
                options={poolsOfVersion.map((pool) => ({ value: pool.id, label: `${pool.name || pool.id} (${pool.prefixes.join(', ')}, /${pool.default_prefixlen})` }))}
                testId="subnet-pool"
              />
              {text('prefixLength', t('networks.subnet.prefixLength'), t('networks.subnet.prefixLengthHint'), 'subnet-prefix-length')}
            </div>
          ) : (
            text('cidr', t('networks.subnet.cidr'), t(value.ipVersion === 4 ? 'networks.subnet.cidrHint4' : 'networks.subnet.cidrHint6'), 'subnet-cidr')
          )}
        </>
      )}
      <div className="space-y-2">
        <Radios<GatewayMode>
          legend={t('networks.subnet.gateway')}
          name="subnet-gateway"
          value={value.gatewayMode}
          options={[
            ...(editing ? [] : [{ value: 'auto' as const, label: t('networks.subnet.gatewayAuto') }]),
            { value: 'custom', label: t('networks.subnet.gatewayCustom') },
            { value: 'none', label: t('networks.subnet.gatewayNone') },
          ]}
          onChange={(gatewayMode) => set('gatewayMode', gatewayMode)}
        />
        {value.gatewayMode === 'custom' && text('gatewayIp', t('networks.subnet.gatewayIp'), undefined, 'subnet-gateway-ip')}
      </div>
      <CheckboxField label={t('networks.subnet.dhcp')} hint={t('networks.subnet.dhcpHint')} checked={value.enableDhcp} onChange={(checked) => set('enableDhcp', checked)} testId="subnet-dhcp" />
      {text('allocationPools', t('networks.subnet.allocationPools'), t('networks.subnet.allocationPoolsHint'), 'subnet-allocation-pools', true)}
      {text('dnsNameservers', t('networks.subnet.dnsNameservers'), t('networks.subnet.dnsNameserversHint'), 'subnet-dns', true)}
      {text('hostRoutes', t('networks.subnet.hostRoutes'), t('networks.subnet.hostRoutesHint'), 'subnet-host-routes', true)}
      {value.ipVersion === 6 && !editing && (
        <div className="grid gap-3 sm:grid-cols-2">
          {(['ipv6AddressMode', 'ipv6RaMode'] as const).map((key) => (
            <SelectField
              key={key}
              label={t(`networks.subnet.${key}`)}
              value={value[key]}
              onChange={(mode) => set(key, mode as SubnetDraft[typeof key])}
              options={[{ value: '', label: t('networks.subnet.modeUnset') }, ...ipv6Modes.map((mode) => ({ value: mode, label: mode }))]}
              error={key === 'ipv6RaMode' ? errorOf('ipv6Modes') : undefined}
              testId={`subnet-${key}`}
            />
          ))}
        </div>
      )}
    </div>
  );
}

/** Adding a subnet: the network's current subnets are read, since the new CIDR must not overlap theirs. */
export function AddSubnetForm({ resource, value, onChange }: ActionFormProps<Network, SubnetInput>) {
  const subnets = useSubnets([resource.id]);
  const loaded = subnets.data;
  useEffect(() => {
    if (loaded && loaded !== value.siblings) onChange({ ...value, siblings: loaded });
  }, [loaded, value, onChange]);
  return <SubnetFields value={value.draft} siblings={value.siblings} onChange={(draft) => onChange({ ...value, draft })} />;
}

export function EditSubnetForm({ resource, value, onChange }: ActionFormProps<Subnet, SubnetInput>) {
  const { t } = useTranslation();
  return (
    <div className="space-y-3">
      <p className="text-sm text-fg-muted">
        {t('networks.subnet.editFixed', { cidr: resource.cidr, version: resource.ip_version })}
      </p>
      <SubnetFields value={value.draft} onChange={(draft) => onChange({ ...value, draft })} editing />
    </div>
  );
}
