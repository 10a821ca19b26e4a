// The input forms of the floating IP actions that need one, rendered inside the action dialog.
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionFormProps, ProjectTarget } from '../../../lib/actions/types';
import { Field, inputClass } from '../../../lib/ui/form-controls';
import { QueryGate } from '../../../lib/ui/query-gate';
import { SelectField } from '../../../lib/ui/select-field';
import { TextField } from '../../../lib/ui/text-field';
import { useExternalNetworks, useUsableNetworks } from '../../../resources/networks/networks';
import { usePorts } from '../../../resources/ports/ports';
import type { Port } from '../../../resources/ports/types';
import type { AllocationInput, AssociationInput } from '../inputs';
import { useFloatingIps } from '../../../resources/floating-ips/floating-ips';
import { useServerNames } from '../../../resources/servers/server-names';
import type { FloatingIp } from '../../../resources/floating-ips/types';

export function AllocateForm({ value, onChange }: ActionFormProps<ProjectTarget, AllocationInput>) {
  const { t } = useTranslation();
  const networks = useExternalNetworks();
  // Most clouds have one floating IP pool: chosen from the start.
  const onlyNetwork = networks.data?.length === 1 ? networks.data[0]!.id : undefined;
  useEffect(() => {
    if (onlyNetwork && value.networkId === '') onChange({ ...value, networkId: onlyNetwork });
  }, [onlyNetwork, value, onChange]);
  return (
    <div className="space-y-3" data-testid="floating-ip-allocate-form">
      <QueryGate query={networks} loading={t('floating-ips.forms.loading')}>
        {(list) => (
          <SelectField
            label={t('floating-ips.forms.pool')}
            hint={t('floating-ips.forms.poolHint')}
            value={value.networkId}
            onChange={(networkId) => onChange({ ...value, networkId })}
            placeholder={list.length === 0 ? t('floating-ips.forms.noPool') : t('floating-ips.forms.choosePool')}
            options={list.map((network) => ({ value: network.id, label: network.name || network.id }))}
            testId="floating-ip-pool"
          />
        )}
      </QueryGate>
      <TextField
        label={t('floating-ips.forms.address')}
        hint={t('floating-ips.forms.addressHint')}
        value={value.address}
        onChange={(address) => onChange({ ...value, address })}
        placeholder="203.0.113.50"
        testId="floating-ip-address"
      />
      <TextField
        label={t('floating-ips.forms.description')}
        value={value.description}
        onChange={(description) => onChange({ ...value, description })}
        testId="floating-ip-description"
        multiline
      />
    </div>
  );
}

const ipv4Addresses = (port: Port) => port.fixed_ips.map((ip) => ip.ip_address).filter((address) => !address.includes(':'));

/** Ports a floating IP can go to: an instance's, or a port of no device; not a router's, DHCP's or other service's. */
function isAssociable(port: Port): boolean {
  return (port.device_owner.startsWith('compute:') || port.device_owner === '') && ipv4Addresses(port).length > 0;
}

export function AssociateForm({ resource, value, onChange }: ActionFormProps<FloatingIp, AssociationInput>) {
  const { t } = useTranslation();
  const ports = usePorts();
  const networks = useUsableNetworks();
  const serverNames = useServerNames();
  const floatingIps = useFloatingIps();
  const portSelectId = useId();
  const networkName = (id: string) => networks.data?.find((network) => network.id === id)?.name || id;
  // One floating IP per fixed IP: a port whose addresses all have one already cannot take another.
  const heldBy = new Map(
    (floatingIps.data ?? [])
      .filter((ip) => ip.id !== resource.id && ip.port_id)
      .map((ip) => [`${ip.port_id} ${ip.fixed_ip_address}`, ip.floating_ip_address]),
  );
  return (
    <QueryGate query={ports} loading={t('floating-ips.forms.loading')}>
      {(list) => {
        const candidates = list.filter(isAssociable);
        const instancePorts = candidates.filter((port) => port.device_owner.startsWith('compute:'));
        const otherPorts = candidates.filter((port) => !port.device_owner.startsWith('compute:'));
        const chosen = candidates.find((port) => port.id === value.portId);
        const chosenAddresses = chosen ? ipv4Addresses(chosen) : [];
        const option = (port: Port) => {
          const addresses = ipv4Addresses(port);
          const taken = addresses.every((address) => heldBy.has(`${port.id} ${address}`));
          const owner = port.device_owner.startsWith('compute:')
            ? (serverNames.data?.get(port.device_id) ?? port.device_id)
            : port.name || port.id.slice(0, 8);
          const label = t('floating-ips.forms.portOption', { owner, addresses: addresses.join(', '), network: networkName(port.network_id) });
          return (
            <option key={port.id} value={port.id} disabled={taken}>
              {taken ? `${label} — ${t('floating-ips.forms.portTaken')}` : label}
            </option>
          );
        };
        return (
          <div className="space-y-3" data-testid="floating-ip-associate-form">
            <Field id={portSelectId} label={t('floating-ips.forms.port')} hint={t('floating-ips.forms.portHint')}>
              <select
                id={portSelectId}
                className={inputClass}
                value={value.portId}
                onChange={(event) => onChange({ portId: event.target.value, fixedIpAddress: '' })}
                aria-describedby={`${portSelectId}-hint`}
                data-testid="floating-ip-port"
              >
                <option value="">{candidates.length === 0 ? t('floating-ips.forms.noPort') : t('floating-ips.forms.choosePort')}</option>
                {instancePorts.length > 0 && <optgroup label={t('floating-ips.forms.instancePorts')}>{instancePorts.map(option)}</optgroup>}
                {otherPorts.length > 0 && <optgroup label={t('floating-ips.forms.otherPorts')}>{otherPorts.map(option)}</optgroup>}
              </select>
            </Field>
            {chosenAddresses.length > 1 && (
              <SelectField
                label={t('floating-ips.forms.fixedIp')}
                hint={t('floating-ips.forms.fixedIpHint')}
                value={value.fixedIpAddress}
                onChange={(fixedIpAddress) => onChange({ ...value, fixedIpAddress })}
                placeholder={t('floating-ips.forms.anyFixedIp')}
                options={chosenAddresses.map((address) => ({
                  value: address,
                  label: address,
                  disabled: heldBy.has(`${value.portId} ${address}`),
                }))}
                testId="floating-ip-fixed-ip"
              />
            )}
          </div>
        );
      }}
    </QueryGate>
  );
}
