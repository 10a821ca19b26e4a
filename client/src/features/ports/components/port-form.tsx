// A port's fields: network (create only), fixed IPs (a subnet and, optionally, the address), MAC address (create
// only), port security, security groups, admin state. Fixed IPs are checked against their subnet's CIDR.
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionFormProps, ProjectTarget } from '../../../lib/actions/types';
import { Button } from '../../../lib/ui/button';
import { CheckboxField } from '../../../lib/ui/checkbox-field';
import { describedBy, Field, FieldError, inputClass } from '../../../lib/ui/form-controls';
import { SelectField } from '../../../lib/ui/select-field';
import { useSubnets, useUsableNetworks } from '../../../resources/networks/networks';
import { useSecurityGroups } from '../../../resources/security-groups/security-groups';
import { portIssues, portProblemKey, type PortField, type PortSettings } from '../port-draft';
import type { Port } from '../../../resources/ports/types';

function PortFields({ value, onChange, creating }: { value: PortSettings; onChange: (value: PortSettings) => void; creating: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const networks = useUsableNetworks();
  const subnets = useSubnets(value.networkId ? [value.networkId] : [], { enabled: value.networkId !== '' });
  const groups = useSecurityGroups();
  const set = <K extends keyof PortSettings>(key: K, field: PortSettings[K]) => onChange({ ...value, [key]: field });

  // The subnets' CIDRs are needed to check the fixed IPs: kept in the input once read.
  const loaded = subnets.data;
  useEffect(() => {
    if (loaded && loaded !== value.subnets) onChange({ ...value, subnets: loaded });
  }, [loaded, value, onChange]);

  const issues = portIssues(value);
  const errorOf = (field: PortField) => {
    const issue = issues.find((candidate) => candidate.field === field && candidate.problem !== 'networkMissing');
    return issue && t(portProblemKey(issue.problem), { detail: issue.detail ?? '' });
  };
  // Null means Neutron's choice: the project's "default" group, shown ticked until the user changes the choice.
  const chosenGroups = value.securityGroupIds ?? (groups.data ?? []).filter((group) => group.name === 'default').map((group) => group.id);
  const toggleGroup = (groupId: string, on: boolean) =>
    set('securityGroupIds', on ? [...chosenGroups, groupId] : chosenGroups.filter((chosen) => chosen !== groupId));
  const subnetOptions = (subnets.data ?? []).map((subnet) => ({ value: subnet.id, label: `${subnet.name || subnet.id} (${subnet.cidr})` }));

  return (
    <div className="space-y-3" data-testid="port-fields">
      <Field id={`${id}-name`} label={t('ports.form.name')}>
        <input id={`${id}-name`} className={inputClass} value={value.name} onChange={(event) => set('name', event.target.value)} data-testid="port-name" />
      </Field>
      <Field id={`${id}-description`} label={t('ports.form.description')}>
        <input id={`${id}-description`} className={inputClass} value={value.description} onChange={(event) => set('description', event.target.value)} />
      </Field>
      {creating && (
        <SelectField
          label={t('ports.form.network')}
          value={value.networkId}
          onChange={(networkId) => onChange({ ...value, networkId, fixedIps: [], subnets: [] })}
          placeholder={t('ports.form.networkChoose')}
          options={(networks.data ?? []).map((network) => ({ value: network.id, label: network.name || network.id }))}
          testId="port-network"
        />
      )}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-fg">{t('ports.form.fixedIps')}</legend>
        <p className="text-xs text-fg-muted">{t('ports.form.fixedIpsHint')}</p>
        {value.fixedIps.map((fixedIp, index) => (
          <div key={index} className="flex items-end gap-2" data-testid="fixed-ip">
            <div className="flex-1">
              <SelectField
                label={t('ports.form.subnet', { index: index + 1 })}
                value={fixedIp.subnetId}
                onChange={(subnetId) => set('fixedIps', value.fixedIps.map((entry, at) => (at === index ? { ...entry, subnetId } : entry)))}
                placeholder={t('ports.form.subnetChoose')}
                options={subnetOptions}
                testId="fixed-ip-subnet"
              />
            </div>
            <div className="flex-1">
              <Field id={`${id}-ip-${index}`} label={t('ports.form.ipAddress', { index: index + 1 })}>
                <input
                  id={`${id}-ip-${index}`}
                  className={`${inputClass} font-mono`}
                  placeholder={t('ports.form.ipAuto')}
                  value={fixedIp.ipAddress}
                  onChange={(event) => set('fixedIps', value.fixedIps.map((entry, at) => (at === index ? { ...entry, ipAddress: event.target.value } : entry)))}
                  data-testid="fixed-ip-address"
                />
              </Field>
            </div>
            <Button variant="ghost" aria-label={t('ports.form.removeFixedIp', { index: index + 1 })} onClick={() => set('fixedIps', value.fixedIps.filter((_, at) => at !== index))}>
              ×
            </Button>
          </div>
        ))}
        <FieldError message={errorOf('fixedIps')} />
        <Button onClick={() => set('fixedIps', [...value.fixedIps, { subnetId: subnetOptions[0]?.value ?? '', ipAddress: '' }])} disabled={value.networkId === ''} data-testid="add-fixed-ip">
          {t('ports.form.addFixedIp')}
        </Button>
      </fieldset>
      {creating && (
        <Field id={`${id}-mac`} label={t('ports.form.mac')} hint={t('ports.form.macHint')} error={errorOf('macAddress')}>
          <input
            id={`${id}-mac`}
            className={`${inputClass} font-mono`}
            value={value.macAddress}
            onChange={(event) => set('macAddress', event.target.value)}
            aria-invalid={errorOf('macAddress') !== undefined}
            aria-describedby={describedBy(`${id}-mac`, { hint: true, error: errorOf('macAddress') !== undefined })}
            data-testid="port-mac"
          />
        </Field>
      )}
      <CheckboxField label={t('ports.form.portSecurity')} hint={t('ports.form.portSecurityHint')} checked={value.portSecurity} onChange={(checked) => set('portSecurity', checked)} testId="port-security" />
      {value.portSecurity && (
        <fieldset>
          <legend className="text-sm font-medium text-fg">{t('ports.form.securityGroups')}</legend>
          <div className="mt-1 grid gap-1 sm:grid-cols-2" data-testid="port-security-groups">
            {(groups.data ?? []).map((group) => (
              <label key={group.id} className="flex items-center gap-2 text-sm text-fg">
                <input type="checkbox" className="size-4 accent-brand" checked={chosenGroups.includes(group.id)} onChange={(event) => toggleGroup(group.id, event.target.checked)} data-testid={`port-group-${group.name}`} />
                {group.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {!value.portSecurity && <p className="text-xs text-fg-muted" data-testid="port-no-groups">{t('ports.form.noGroupsWithoutSecurity')}</p>}
      <CheckboxField label={t('ports.form.adminStateUp')} checked={value.adminStateUp} onChange={(checked) => set('adminStateUp', checked)} testId="port-admin-state" />
    </div>
  );
}

export function CreatePortForm({ value, onChange }: ActionFormProps<ProjectTarget, PortSettings>) {
  return <PortFields value={value} onChange={onChange} creating />;
}

export function EditPortForm({ value, onChange }: ActionFormProps<Port, PortSettings>) {
  return <PortFields value={value} onChange={onChange} creating={false} />;
}
