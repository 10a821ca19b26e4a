// A pool member: an instance of the project picked by its port's address on the load balancer's subnet, or any
// address typed by hand (a server elsewhere), with its port and weight.
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../lib/ui/select-field';
import { TextField } from '../../../lib/ui/text-field';
import { usePorts } from '../../../resources/ports/ports';
import { useServerNames } from '../../../resources/servers/server-names';
import type { MemberDraft } from '../model/drafts';
import type { Problem } from '../model/validation';
import { useProblemText } from './part-fields';

export interface InstanceAddress {
  serverId: string;
  name: string;
  address: string;
  subnetId: string;
}

/** The project's instances' addresses on the subnet (their ports' fixed IPs), named after their server. */
export function useInstanceAddresses(networkId: string, subnetId: string): InstanceAddress[] {
  const ports = usePorts({ networkId }, { enabled: networkId !== '' });
  const names = useServerNames();
  return (ports.data ?? []).flatMap((port) =>
    port.device_owner.startsWith('compute:')
      ? port.fixed_ips
          .filter((ip) => subnetId === '' || ip.subnet_id === subnetId)
          .map((ip) => ({ serverId: port.device_id, name: names.data?.get(port.device_id) ?? port.device_id, address: ip.ip_address, subnetId: ip.subnet_id }))
      : [],
  );
}

export function MemberFields({
  value,
  onChange,
  problems = [],
  prefix = '',
  instances,
  existing = false,
}: {
  value: MemberDraft;
  onChange: (value: MemberDraft) => void;
  problems?: readonly Problem[];
  /** Names the fields in a list of members (`members.2.`), as the problems do. */
  prefix?: string;
  instances: readonly InstanceAddress[];
  existing?: boolean;
}) {
  const { t } = useTranslation();
  const error = useProblemText(problems);
  const set = (change: Partial<MemberDraft>) => onChange({ ...value, ...change });
  const key = (instance: InstanceAddress) => `${instance.serverId} ${instance.address}`;
  const picked = instances.find((instance) => instance.serverId === value.serverId && instance.address === value.address);
  return (
    <div className="grid gap-3 sm:grid-cols-4" data-testid="member-fields">
      {!existing && (
        <div className="sm:col-span-2">
          <SelectField
            label={t('load-balancers.member.instance')}
            value={picked ? key(picked) : ''}
            onChange={(chosen) => {
              const instance = instances.find((candidate) => key(candidate) === chosen);
              set(instance ? { serverId: instance.serverId, name: instance.name, address: instance.address, subnetId: instance.subnetId } : { serverId: '' });
            }}
            placeholder={t('load-balancers.member.byAddress')}
            options={instances.map((instance) => ({ value: key(instance), label: `${instance.name} · ${instance.address}` }))}
            testId={`${prefix}member-instance`}
          />
        </div>
      )}
      <TextField
        label={t('load-balancers.member.address')}
        value={value.address}
        onChange={(address) => set({ address, serverId: '' })}
        disabled={existing}
        error={error(`${prefix}address`)}
        testId={`${prefix}member-address`}
      />
      <TextField
        label={t('load-balancers.member.port')}
        value={value.port}
        onChange={(port) => set({ port })}
        inputMode="numeric"
        disabled={existing}
        error={error(`${prefix}port`)}
        testId={`${prefix}member-port`}
      />
      <TextField label={t('load-balancers.fields.name')} value={value.name} onChange={(name) => set({ name })} testId={`${prefix}member-name`} />
      <TextField
        label={t('load-balancers.member.weight')}
        value={value.weight}
        onChange={(weight) => set({ weight })}
        inputMode="numeric"
        hint={t('load-balancers.member.weightHint')}
        error={error(`${prefix}weight`)}
        testId={`${prefix}member-weight`}
      />
    </div>
  );
}
