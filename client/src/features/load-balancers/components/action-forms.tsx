// The input forms of the load balancer actions, rendered inside the action dialog. A form that checks against the
// project (subnets, the listener ports in use, the pool's members, the catalog's key manager) fills the input's
// context in once it has read it.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { hasService } from '@contract/service-types';
import type { ActionFormProps } from '../../../lib/actions/types';
import { useScope } from '../../../lib/scope';
import { SelectField } from '../../../lib/ui/select-field';
import { TextField } from '../../../lib/ui/text-field';
import { useFloatingIps } from '../../../resources/floating-ips/floating-ips';
import { useLoadBalancerTree } from '../../../resources/load-balancers/load-balancers';
import type { LoadBalancer, Pool } from '../../../resources/load-balancers/types';
import { useSubnets } from '../../../resources/networks/networks';
import type { HealthMonitorDraft, L7PolicyDraft, L7RuleDraft, PoolDraft } from '../model/drafts';
import type { Checked, ListenerInput, MemberInput, VipFloatingIpTarget } from '../model/targets';
import {
  healthMonitorProblems,
  l7PolicyProblems,
  l7RuleProblems,
  listenerProblems,
  memberProblems,
  poolProblems,
  type CheckContext,
} from '../model/validation';
import { MemberFields, useInstanceAddresses } from './member-fields';
import { HealthMonitorFields, L7PolicyFields, L7RuleFields, ListenerFields, PoolFields } from './part-fields';

/** Reads the checks' context for a load balancer (its VIP network's subnets, the key manager) into the input. */
function useCheckContext<Input extends Checked<unknown>>(loadBalancer: LoadBalancer, value: Input, onChange: (value: Input) => void): CheckContext {
  const scope = useScope();
  const subnets = useSubnets([loadBalancer.vip_network_id]);
  const keyManager = hasService(scope.services, 'key-manager');
  const loaded = subnets.data;
  useEffect(() => {
    if (loaded && (value.context.subnets !== loaded || value.context.keyManager !== keyManager)) onChange({ ...value, context: { subnets: loaded, keyManager } });
  }, [loaded, keyManager, value, onChange]);
  return value.context;
}

export function EditLoadBalancerForm({ value, onChange }: ActionFormProps<LoadBalancer, { name: string; description: string }>) {
  const { t } = useTranslation();
  return (
    <div className="space-y-3" data-testid="lb-edit-form">
      <TextField label={t('load-balancers.fields.name')} value={value.name} onChange={(name) => onChange({ ...value, name })} testId="lb-name" />
      <TextField
        label={t('load-balancers.fields.description')}
        value={value.description}
        onChange={(description) => onChange({ ...value, description })}
        multiline
        testId="lb-description"
      />
    </div>
  );
}

export function AddListenerForm({ resource, value, onChange }: ActionFormProps<LoadBalancer, ListenerInput>) {
  const context = useCheckContext(resource, value, onChange);
  const tree = useLoadBalancerTree(resource.id);
  const listeners = tree.data?.listeners;
  useEffect(() => {
    if (!listeners) return;
    const usedPorts = listeners.map((listener) => ({ protocol: listener.protocol, port: listener.protocol_port }));
    if (JSON.stringify(usedPorts) !== JSON.stringify(value.usedPorts)) onChange({ ...value, usedPorts });
  }, [listeners, value, onChange]);
  return (
    <ListenerFields
      value={value.draft}
      onChange={(draft) => onChange({ ...value, draft })}
      problems={listenerProblems(value.draft, context, value.usedPorts)}
      keyManager={context.keyManager}
    />
  );
}

export function ListenerEditForm({ value, onChange }: ActionFormProps<unknown, ListenerInput>) {
  return (
    <ListenerFields value={value.draft} onChange={(draft) => onChange({ ...value, draft })} problems={listenerProblems(value.draft, value.context)} existing keyManager />
  );
}

/** Adds a pool under a listener, or edits one (its protocol then stays). */
export function PoolForm<Resource extends { pool?: Pool; listener?: { protocol: string } }>({ resource, value, onChange }: ActionFormProps<Resource, PoolDraft>) {
  return <PoolFields value={value} onChange={onChange} problems={poolProblems(value, undefined)} existing={resource.pool !== undefined} />;
}

export function MemberForm<Resource extends { loadBalancer: LoadBalancer; pool: Pool; member?: unknown }>({ resource, value, onChange }: ActionFormProps<Resource, MemberInput>) {
  const context = useCheckContext(resource.loadBalancer, value, onChange);
  const instances = useInstanceAddresses(resource.loadBalancer.vip_network_id, resource.loadBalancer.vip_subnet_id);
  const existing = resource.member !== undefined;
  const tree = useLoadBalancerTree(resource.loadBalancer.id);
  const members = tree.data?.pools.find((branch) => branch.pool.id === resource.pool.id)?.members;
  useEffect(() => {
    if (existing || !members) return;
    const others = members.map((member) => ({ serverId: '', name: member.name, address: member.address, port: String(member.protocol_port), weight: '', subnetId: '' }));
    if (others.length !== value.others.length) onChange({ ...value, others });
  }, [existing, members, value, onChange]);
  return (
    <MemberFields
      value={value.draft}
      onChange={(draft) => onChange({ ...value, draft })}
      problems={memberProblems(value.draft, resource.loadBalancer.vip_subnet_id, context, value.others)}
      instances={instances}
      existing={existing}
    />
  );
}

export function HealthMonitorForm<Resource extends { pool: Pool; healthMonitor?: unknown }>({ resource, value, onChange }: ActionFormProps<Resource, HealthMonitorDraft>) {
  return (
    <HealthMonitorFields value={value} onChange={onChange} problems={healthMonitorProblems(value, resource.pool.protocol)} existing={resource.healthMonitor !== undefined} />
  );
}

export function L7PolicyForm<Resource extends { loadBalancer: LoadBalancer }>({ resource, value, onChange }: ActionFormProps<Resource, L7PolicyDraft>) {
  const tree = useLoadBalancerTree(resource.loadBalancer.id);
  const pools = (tree.data?.pools ?? []).map((branch) => branch.pool);
  return <L7PolicyFields value={value} onChange={onChange} problems={l7PolicyProblems(value)} pools={pools} />;
}

export function L7RuleForm({ value, onChange }: ActionFormProps<unknown, L7RuleDraft>) {
  return <L7RuleFields value={value} onChange={onChange} problems={l7RuleProblems(value)} />;
}

/** The project's floating IPs not associated with anything: one of them goes on the VIP's port. */
export function AssociateFloatingIpForm({ value, onChange }: ActionFormProps<VipFloatingIpTarget, string>) {
  const { t } = useTranslation();
  const floatingIps = useFloatingIps();
  const free = (floatingIps.data ?? []).filter((floatingIp) => floatingIp.port_id === null);
  return (
    <div className="space-y-2">
      <SelectField
        label={t('load-balancers.vip.floatingIp')}
        value={value}
        onChange={onChange}
        placeholder={t('load-balancers.vip.chooseFloatingIp')}
        options={free.map((floatingIp) => ({ value: floatingIp.id, label: floatingIp.floating_ip_address }))}
        testId="vip-floating-ip"
      />
      {floatingIps.isSuccess && free.length === 0 && <p className="text-sm text-fg-muted">{t('load-balancers.vip.noFreeFloatingIp')}</p>}
    </div>
  );
}

/** What a cascade delete takes with it: every listener and pool (with their members, monitors and L7 policies). */
export function CascadeDeleteDetails({ resources }: { resources: readonly LoadBalancer[] }) {
  const { t } = useTranslation();
  return (
    <ul className="space-y-1 rounded-md border border-danger/40 p-3 text-sm" data-testid="cascade-delete-details">
      {resources.map((loadBalancer) => (
        <li key={loadBalancer.id}>
          <span className="font-medium">{loadBalancer.name || loadBalancer.id}</span>
          {': '}
          {t('load-balancers.actions.delete.takes', { listeners: loadBalancer.listeners.length, pools: loadBalancer.pools.length })}
        </li>
      ))}
    </ul>
  );
}
