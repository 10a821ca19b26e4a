// Every load balancer action, declared once (lib/actions): when it is offered, Octavia's calls, the
// `openstack loadbalancer ...` command doing the same, and the caches it changes. Octavia answers every write at once
// and works on: the load balancer turns PENDING_* and refuses further writes (409) until it settles, so each call on
// it first waits for that (ActionRequest.settle) and the pages watch it afterwards. The guided create is one action:
// the load balancer, then its listener, pool, members and monitor, each built from the id the previous call answered.
import type { ParseKeys } from 'i18next';
import { answerPlaceholder, followedByCreated } from '../../lib/actions/follow-ups';
import type { ActionDeclaration, ActionRequest, AnyActionDeclaration, CliArgv, ProjectTarget } from '../../lib/actions/types';
import type { QueryScope } from '../../lib/api/query-keys';
import { floatingIpKeys, floatingIpsPath } from '../../resources/floating-ips/floating-ips';
import {
  healthMonitorPath,
  healthMonitorsPath,
  l7PoliciesPath,
  l7PolicyPath,
  l7RulePath,
  l7RulesPath,
  listenerPath,
  listenersPath,
  loadBalancerKeys,
  loadBalancerPath,
  loadBalancersPath,
  loadBalancerTreeKeys,
  memberPath,
  membersPath,
  poolPath,
  poolsPath,
  waitForLoadBalancer,
} from '../../resources/load-balancers/load-balancers';
import { isBusyRefusal } from '../../resources/load-balancers/state';
import type { Listener, LoadBalancer, Pool } from '../../resources/load-balancers/types';
import {
  AddListenerForm,
  AssociateFloatingIpForm,
  CascadeDeleteDetails,
  EditLoadBalancerForm,
  HealthMonitorForm,
  L7PolicyForm,
  L7RuleForm,
  ListenerEditForm,
  MemberForm,
  PoolForm,
} from './components/action-forms';
import {
  emptyHealthMonitor,
  emptyL7Policy,
  emptyL7Rule,
  emptyListener,
  emptyMember,
  emptyPool,
  healthMonitorDraftOf,
  l7PolicyDraftOf,
  l7RuleDraftOf,
  listenerDraftOf,
  memberDraftOf,
  poolDraftOf,
  type L7PolicyDraft,
  type L7RuleDraft,
  type LoadBalancerFlow,
} from './model/drafts';
import {
  healthMonitorBody,
  healthMonitorCli,
  healthMonitorUpdateBody,
  healthMonitorUpdateCli,
  l7PolicyBody,
  l7PolicyCli,
  l7PolicyUpdateBody,
  l7PolicyUpdateCli,
  l7RuleBody,
  l7RuleCli,
  l7RuleUpdateBody,
  l7RuleUpdateCli,
  l7RuleUpdateIsEmpty,
  listenerBody,
  listenerCli,
  listenerUpdateBody,
  listenerUpdateCli,
  loadBalancerBody,
  loadBalancerCli,
  memberBody,
  memberCli,
  memberUpdateBody,
  memberUpdateCli,
  poolBody,
  poolCli,
  poolUpdateBody,
  poolUpdateCli,
  type PoolParent,
} from './model/requests';
import {
  emptyContext,
  type FlowInput,
  type HealthMonitorInput,
  type HealthMonitorTarget,
  type L7PolicyTarget,
  type L7RuleTarget,
  type ListenerInput,
  type ListenerTarget,
  type MemberInput,
  type MemberTarget,
  type PoolInput,
  type PoolTarget,
  type VipFloatingIpTarget,
} from './model/targets';
import {
  flowProblems,
  flowSteps,
  healthMonitorProblems,
  l7PolicyProblems,
  l7RuleProblems,
  listenerProblems,
  memberProblems,
  poolProblems,
  type Problem,
} from './model/validation';

export const problemKey = (problem: Problem['code']) => `load-balancers.problems.${problem}` as ParseKeys;
const firstProblem = (problems: readonly Problem[]) => (problems[0] ? problemKey(problems[0].code) : null);

/** Every write on a load balancer's part waits for the load balancer to leave PENDING_*, and again after a 409 saying so. */
export const settleOn = (loadBalancerId: string): ActionRequest['settle'] => ({
  until: async () => void (await waitForLoadBalancer(loadBalancerId)),
  busy: isBusyRefusal,
});

const settled = (loadBalancerId: string, request: ActionRequest): ActionRequest => ({ ...request, settle: settleOn(loadBalancerId) });

const quotaUsageKey = (scope: QueryScope) => ['load-balancer', scope.region, scope.projectId, 'quota-usage'] as const;
/** A write on any part changes the load balancer (its status) and its tree; creates and deletes change the quota usage. */
const affectsLoadBalancers = (scope: QueryScope) => [loadBalancerKeys.all(scope), loadBalancerTreeKeys.all(scope), quotaUsageKey(scope)];

const pendingReason = (loadBalancer: LoadBalancer): ParseKeys | null =>
  loadBalancer.provisioning_status === 'PENDING_DELETE' ? 'load-balancers.unavailable.deleting' : null;

/** The part's name for a command line, or a placeholder saying which answer will tell its id. */
const named = (name: string, placeholder: ParseKeys) => name.trim() || answerPlaceholder(placeholder);

// ---- The guided create ----

function poolChain(loadBalancerId: string, parent: PoolParent, flow: LoadBalancerFlow): ActionRequest[] {
  const { pool, members, healthMonitor, loadBalancer } = flow;
  if (!pool) return [];
  const vipSubnet = loadBalancer.vipKind === 'subnet' ? loadBalancer.vipSubnetId : '';
  return [
    followedByCreated<{ pool: Pool }>(
      settled(loadBalancerId, { method: 'POST', path: poolsPath, body: poolBody(parent, pool) }),
      (answer) => answer.pool.id,
      'load-balancers.http.createdPool',
      (poolId) => [
        ...members.map((member) => settled(loadBalancerId, { method: 'POST', path: membersPath(poolId), body: memberBody(member, vipSubnet) })),
        ...(healthMonitor ? [settled(loadBalancerId, { method: 'POST', path: healthMonitorsPath, body: healthMonitorBody(poolId, healthMonitor) })] : []),
      ],
    ),
  ];
}

export function flowRequests(flow: LoadBalancerFlow): ActionRequest[] {
  return [
    followedByCreated<{ loadbalancer: LoadBalancer }>(
      { method: 'POST', path: loadBalancersPath, body: loadBalancerBody(flow.loadBalancer) },
      (answer) => answer.loadbalancer.id,
      'load-balancers.http.createdLoadBalancer',
      (loadBalancerId) => {
        if (!flow.listener) return poolChain(loadBalancerId, { loadBalancerId }, flow);
        return [
          followedByCreated<{ listener: Listener }>(
            settled(loadBalancerId, { method: 'POST', path: listenersPath, body: listenerBody(loadBalancerId, flow.listener) }),
            (answer) => answer.listener.id,
            'load-balancers.http.createdListener',
            (listenerId) => poolChain(loadBalancerId, { listenerId }, flow),
          ),
        ];
      },
    ),
  ];
}

export function flowCli(flow: LoadBalancerFlow): CliArgv[] {
  const { loadBalancer, listener, pool, members, healthMonitor } = flow;
  const lbName = named(loadBalancer.name, 'load-balancers.http.createdLoadBalancer');
  const vipSubnet = loadBalancer.vipKind === 'subnet' ? loadBalancer.vipSubnetId : '';
  const commands: CliArgv[] = [loadBalancerCli(loadBalancer)];
  if (listener) commands.push(listenerCli(lbName, listener));
  if (pool) {
    commands.push(poolCli(listener ? { listener: named(listener.name, 'load-balancers.http.createdListener') } : { loadBalancer: lbName }, pool));
    const poolName = named(pool.name, 'load-balancers.http.createdPool');
    for (const member of members) commands.push(memberCli(poolName, member, vipSubnet));
    if (healthMonitor) commands.push(healthMonitorCli(poolName, healthMonitor));
  }
  return commands;
}

/** What the create adds to the project's Octavia quotas (ids as `quota.labels`). */
export function flowQuotaAdds(flow: LoadBalancerFlow): Record<string, number> {
  return {
    'load-balancers': 1,
    listeners: flow.listener ? 1 : 0,
    pools: flow.pool ? 1 : 0,
    members: flow.pool ? flow.members.length : 0,
    'health-monitors': flow.pool && flow.healthMonitor ? 1 : 0,
  };
}

export const createLoadBalancer: ActionDeclaration<ProjectTarget, FlowInput> = {
  id: 'create',
  label: 'load-balancers.actions.create.label',
  unavailableReason: () => null,
  affects: affectsLoadBalancers,
  request: (_project, { draft }) => flowRequests(draft),
  cli: (_project, { draft }) => flowCli(draft),
};

/** The first step of the flow with a problem, if any. */
export function firstInvalidStep(input: FlowInput) {
  const problems = flowProblems(input.draft, input.context);
  return flowSteps.find((step) => problems[step].length > 0);
}

// ---- The load balancer ----

export type LoadBalancerAction<Input = undefined> = ActionDeclaration<LoadBalancer, Input>;

interface LoadBalancerSettings {
  name: string;
  description: string;
}

const editLoadBalancer: LoadBalancerAction<LoadBalancerSettings> = {
  id: 'edit',
  label: 'load-balancers.actions.edit.label',
  unavailableReason: pendingReason,
  affects: affectsLoadBalancers,
  request: (loadBalancer, input) => [
    settled(loadBalancer.id, {
      method: 'PUT',
      path: loadBalancerPath(loadBalancer.id),
      body: { loadbalancer: { name: input.name.trim(), description: input.description.trim() } },
    }),
  ],
  cli: (loadBalancer, input) => [['loadbalancer', 'set', '--name', input.name.trim(), '--description', input.description.trim(), '--wait', loadBalancer.id]],
  input: {
    initial: (loadBalancer) => ({ name: loadBalancer.name, description: loadBalancer.description }),
    invalidReason: (input, loadBalancer) =>
      input.name.trim() === loadBalancer.name && input.description.trim() === loadBalancer.description ? problemKey('nothingToSend') : null,
    Form: EditLoadBalancerForm,
  },
};

export const addListener: LoadBalancerAction<ListenerInput> = {
  id: 'add-listener',
  label: 'load-balancers.actions.add-listener.label',
  unavailableReason: pendingReason,
  affects: affectsLoadBalancers,
  request: (loadBalancer, { draft }) => [settled(loadBalancer.id, { method: 'POST', path: listenersPath, body: listenerBody(loadBalancer.id, draft) })],
  cli: (loadBalancer, { draft }) => [listenerCli(loadBalancer.id, draft)],
  input: {
    initial: () => ({ draft: emptyListener(), context: emptyContext(), usedPorts: [] }),
    invalidReason: ({ draft, context, usedPorts }) => firstProblem(listenerProblems(draft, context, usedPorts)),
    quota: { service: 'load-balancer', adds: () => ({ listeners: 1 }) },
    Form: AddListenerForm,
  },
};

export const associateFloatingIp: ActionDeclaration<VipFloatingIpTarget, string> = {
  id: 'associate-floating-ip',
  label: 'load-balancers.actions.associate-floating-ip.label',
  unavailableReason: ({ loadBalancer, floatingIp }) => {
    if (!loadBalancer.vip_port_id) return 'load-balancers.unavailable.noVipPort';
    return floatingIp ? 'load-balancers.unavailable.hasFloatingIp' : null;
  },
  affects: (scope) => [floatingIpKeys.all(scope)],
  request: ({ loadBalancer }, floatingIpId) => [
    { method: 'PUT', path: `${floatingIpsPath}/${encodeURIComponent(floatingIpId)}`, body: { floatingip: { port_id: loadBalancer.vip_port_id } } },
  ],
  cli: ({ loadBalancer }, floatingIpId) => [['floating', 'ip', 'set', '--port', loadBalancer.vip_port_id ?? '', floatingIpId]],
  input: {
    initial: () => '',
    invalidReason: (floatingIpId) => (floatingIpId === '' ? 'load-balancers.problems.floatingIpMissing' : null),
    Form: AssociateFloatingIpForm,
  },
};

export const disassociateFloatingIp: ActionDeclaration<VipFloatingIpTarget> = {
  id: 'disassociate-floating-ip',
  label: 'load-balancers.actions.disassociate-floating-ip.label',
  unavailableReason: ({ floatingIp }) => (floatingIp ? null : 'load-balancers.unavailable.noFloatingIp'),
  affects: (scope) => [floatingIpKeys.all(scope)],
  request: ({ floatingIp }) => [{ method: 'PUT', path: `${floatingIpsPath}/${encodeURIComponent(floatingIp?.id ?? '')}`, body: { floatingip: { port_id: null } } }],
  cli: ({ floatingIp }) => [['floating', 'ip', 'unset', '--port', floatingIp?.id ?? '']],
  confirmation: { message: 'load-balancers.actions.disassociate-floating-ip.confirm', destructive: true },
};

/** Octavia deletes the load balancer with everything on it (`cascade=true`): the confirmation lists what goes. */
const deleteLoadBalancer: LoadBalancerAction = {
  id: 'delete',
  label: 'load-balancers.actions.delete.label',
  unavailableReason: pendingReason,
  affects: affectsLoadBalancers,
  request: (loadBalancer) => [settled(loadBalancer.id, { method: 'DELETE', path: loadBalancerPath(loadBalancer.id), params: { cascade: true } })],
  cli: (loadBalancer) => [['loadbalancer', 'delete', '--cascade', '--wait', loadBalancer.id]],
  confirmation: { message: 'load-balancers.actions.delete.confirm', destructive: true, Details: CascadeDeleteDetails },
  bulk: true,
};

/** Actions on a load balancer, in menu order. */
export const loadBalancerActions: readonly AnyActionDeclaration<LoadBalancer>[] = [editLoadBalancer, addListener, deleteLoadBalancer];
export const bulkLoadBalancerActions = loadBalancerActions.filter((action) => action.bulk);
export const vipFloatingIpActions: readonly AnyActionDeclaration<VipFloatingIpTarget>[] = [associateFloatingIp, disassociateFloatingIp];

// ---- Listeners ----

export const editListener: ActionDeclaration<ListenerTarget, ListenerInput> = {
  id: 'edit-listener',
  label: 'load-balancers.actions.edit-listener.label',
  unavailableReason: ({ loadBalancer }) => pendingReason(loadBalancer),
  affects: affectsLoadBalancers,
  request: ({ loadBalancer, listener }, { draft }) => [settled(loadBalancer.id, { method: 'PUT', path: listenerPath(listener.id), body: listenerUpdateBody(draft) })],
  cli: ({ listener }, { draft }) => [listenerUpdateCli(listener, draft)],
  input: {
    initial: ({ listener }) => ({ draft: listenerDraftOf(listener), context: { ...emptyContext(), keyManager: true }, usedPorts: [] }),
    invalidReason: ({ draft, context }) => firstProblem(listenerProblems(draft, context)),
    Form: ListenerEditForm,
  },
};

export const addPool: ActionDeclaration<ListenerTarget, PoolInput> = {
  id: 'add-pool',
  label: 'load-balancers.actions.add-pool.label',
  unavailableReason: ({ loadBalancer, listener }) => pendingReason(loadBalancer) ?? (listener.default_pool_id ? 'load-balancers.unavailable.hasPool' : null),
  affects: affectsLoadBalancers,
  request: ({ loadBalancer, listener }, draft) => [settled(loadBalancer.id, { method: 'POST', path: poolsPath, body: poolBody({ listenerId: listener.id }, draft) })],
  cli: ({ listener }, draft) => [poolCli({ listener: listener.id }, draft)],
  input: {
    initial: ({ listener }) => emptyPool(listener.protocol === 'UDP' ? 'UDP' : listener.protocol === 'HTTPS' ? 'HTTPS' : listener.protocol === 'TCP' ? 'TCP' : 'HTTP'),
    invalidReason: (draft, { listener }) => firstProblem(poolProblems(draft, listener.protocol)),
    quota: { service: 'load-balancer', adds: () => ({ pools: 1 }) },
    Form: PoolForm,
  },
};

export const addL7Policy: ActionDeclaration<ListenerTarget, L7PolicyDraft> = {
  id: 'add-l7policy',
  label: 'load-balancers.actions.add-l7policy.label',
  unavailableReason: ({ loadBalancer, listener }) =>
    pendingReason(loadBalancer) ?? (['HTTP', 'TERMINATED_HTTPS'].includes(listener.protocol) ? null : 'load-balancers.unavailable.l7NeedsHttp'),
  affects: affectsLoadBalancers,
  request: ({ loadBalancer, listener }, draft) => [settled(loadBalancer.id, { method: 'POST', path: l7PoliciesPath, body: l7PolicyBody(listener.id, draft) })],
  cli: ({ listener }, draft) => [l7PolicyCli(listener.id, draft)],
  input: { initial: emptyL7Policy, invalidReason: (draft) => firstProblem(l7PolicyProblems(draft)), Form: L7PolicyForm },
};

const deleteListener: ActionDeclaration<ListenerTarget> = {
  id: 'delete-listener',
  label: 'load-balancers.actions.delete-listener.label',
  unavailableReason: ({ loadBalancer }) => pendingReason(loadBalancer),
  affects: affectsLoadBalancers,
  request: ({ loadBalancer, listener }) => [settled(loadBalancer.id, { method: 'DELETE', path: listenerPath(listener.id) })],
  cli: ({ listener }) => [['loadbalancer', 'listener', 'delete', '--wait', listener.id]],
  confirmation: { message: 'load-balancers.actions.delete-listener.confirm', destructive: true },
};

export const listenerActions: readonly AnyActionDeclaration<ListenerTarget>[] = [editListener, addPool, addL7Policy, deleteListener];

// ---- Pools, members, health monitors ----

const editPool: ActionDeclaration<PoolTarget, PoolInput> = {
  id: 'edit-pool',
  label: 'load-balancers.actions.edit-pool.label',
  unavailableReason: ({ loadBalancer }) => pendingReason(loadBalancer),
  affects: affectsLoadBalancers,
  request: ({ loadBalancer, pool }, draft) => [settled(loadBalancer.id, { method: 'PUT', path: poolPath(pool.id), body: poolUpdateBody(draft) })],
  cli: ({ pool }, draft) => [poolUpdateCli(pool, draft)],
  input: { initial: ({ pool }) => poolDraftOf(pool), invalidReason: (draft) => firstProblem(poolProblems(draft, undefined)), Form: PoolForm },
};

export const addMember: ActionDeclaration<PoolTarget, MemberInput> = {
  id: 'add-member',
  label: 'load-balancers.actions.add-member.label',
  unavailableReason: ({ loadBalancer }) => pendingReason(loadBalancer),
  affects: affectsLoadBalancers,
  request: ({ loadBalancer, pool }, { draft }) => [
    settled(loadBalancer.id, { method: 'POST', path: membersPath(pool.id), body: memberBody(draft, loadBalancer.vip_subnet_id) }),
  ],
  cli: ({ loadBalancer, pool }, { draft }) => [memberCli(pool.id, draft, loadBalancer.vip_subnet_id)],
  input: {
    initial: ({ pool }) => ({ draft: { ...emptyMember(), port: pool.protocol === 'HTTPS' ? '443' : '80' }, context: emptyContext(), others: [] }),
    invalidReason: ({ draft, context, others }, { loadBalancer }) => firstProblem(memberProblems(draft, loadBalancer.vip_subnet_id, context, others)),
    quota: { service: 'load-balancer', adds: () => ({ members: 1 }) },
    Form: MemberForm,
  },
};

export const addHealthMonitor: ActionDeclaration<PoolTarget, HealthMonitorInput> = {
  id: 'add-healthmonitor',
  label: 'load-balancers.actions.add-healthmonitor.label',
  unavailableReason: ({ loadBalancer, pool }) => pendingReason(loadBalancer) ?? (pool.healthmonitor_id ? 'load-balancers.unavailable.hasMonitor' : null),
  affects: affectsLoadBalancers,
  request: ({ loadBalancer, pool }, draft) => [settled(loadBalancer.id, { method: 'POST', path: healthMonitorsPath, body: healthMonitorBody(pool.id, draft) })],
  cli: ({ pool }, draft) => [healthMonitorCli(pool.id, draft)],
  input: {
    initial: ({ pool }) => emptyHealthMonitor(pool.protocol === 'UDP' ? 'UDP-CONNECT' : pool.protocol === 'HTTP' ? 'HTTP' : 'TCP'),
    invalidReason: (draft, { pool }) => firstProblem(healthMonitorProblems(draft, pool.protocol)),
    quota: { service: 'load-balancer', adds: () => ({ 'health-monitors': 1 }) },
    Form: HealthMonitorForm,
  },
};

const deletePool: ActionDeclaration<PoolTarget> = {
  id: 'delete-pool',
  label: 'load-balancers.actions.delete-pool.label',
  unavailableReason: ({ loadBalancer }) => pendingReason(loadBalancer),
  affects: affectsLoadBalancers,
  request: ({ loadBalancer, pool }) => [settled(loadBalancer.id, { method: 'DELETE', path: poolPath(pool.id) })],
  cli: ({ pool }) => [['loadbalancer', 'pool', 'delete', '--wait', pool.id]],
  confirmation: { message: 'load-balancers.actions.delete-pool.confirm', destructive: true },
};

export const poolActions: readonly AnyActionDeclaration<PoolTarget>[] = [editPool, addMember, addHealthMonitor, deletePool];

const editMember: ActionDeclaration<MemberTarget, MemberInput> = {
  id: 'edit-member',
  label: 'load-balancers.actions.edit-member.label',
  unavailableReason: ({ loadBalancer }) => pendingReason(loadBalancer),
  affects: affectsLoadBalancers,
  request: ({ loadBalancer, pool, member }, { draft }) => [settled(loadBalancer.id, { method: 'PUT', path: memberPath(pool.id, member.id), body: memberUpdateBody(draft) })],
  cli: ({ pool, member }, { draft }) => [memberUpdateCli(pool.id, member.id, draft)],
  input: {
    initial: ({ member }) => ({ draft: memberDraftOf(member), context: emptyContext(), others: [] }),
    invalidReason: ({ draft, context }, { loadBalancer }) => firstProblem(memberProblems(draft, loadBalancer.vip_subnet_id, context)),
    Form: MemberForm,
  },
};

const deleteMember: ActionDeclaration<MemberTarget> = {
  id: 'delete-member',
  label: 'load-balancers.actions.delete-member.label',
  unavailableReason: ({ loadBalancer }) => pendingReason(loadBalancer),
  affects: affectsLoadBalancers,
  request: ({ loadBalancer, pool, member }) => [settled(loadBalancer.id, { method: 'DELETE', path: memberPath(pool.id, member.id) })],
  cli: ({ pool, member }) => [['loadbalancer', 'member', 'delete', '--wait', pool.id, member.id]],
  confirmation: { message: 'load-balancers.actions.delete-member.confirm', destructive: true },
};

export const memberActions: readonly AnyActionDeclaration<MemberTarget>[] = [editMember, deleteMember];

const editHealthMonitor: ActionDeclaration<HealthMonitorTarget, HealthMonitorInput> = {
  id: 'edit-healthmonitor',
  label: 'load-balancers.actions.edit-healthmonitor.label',
  unavailableReason: ({ loadBalancer }) => pendingReason(loadBalancer),
  affects: affectsLoadBalancers,
  request: ({ loadBalancer, healthMonitor }, draft) => [
    settled(loadBalancer.id, { method: 'PUT', path: healthMonitorPath(healthMonitor.id), body: healthMonitorUpdateBody(draft) }),
  ],
  cli: ({ healthMonitor }, draft) => [healthMonitorUpdateCli(healthMonitor.id, draft)],
  input: {
    initial: ({ healthMonitor }) => healthMonitorDraftOf(healthMonitor),
    invalidReason: (draft, { pool }) => firstProblem(healthMonitorProblems(draft, pool.protocol)),
    Form: HealthMonitorForm,
  },
};

const deleteHealthMonitor: ActionDeclaration<HealthMonitorTarget> = {
  id: 'delete-healthmonitor',
  label: 'load-balancers.actions.delete-healthmonitor.label',
  unavailableReason: ({ loadBalancer }) => pendingReason(loadBalancer),
  affects: affectsLoadBalancers,
  request: ({ loadBalancer, healthMonitor }) => [settled(loadBalancer.id, { method: 'DELETE', path: healthMonitorPath(healthMonitor.id) })],
  cli: ({ healthMonitor }) => [['loadbalancer', 'healthmonitor', 'delete', '--wait', healthMonitor.id]],
  confirmation: { message: 'load-balancers.actions.delete-healthmonitor.confirm', destructive: true },
};

export const healthMonitorActions: readonly AnyActionDeclaration<HealthMonitorTarget>[] = [editHealthMonitor, deleteHealthMonitor];

// ---- L7 policies and rules ----

const editL7Policy: ActionDeclaration<L7PolicyTarget, L7PolicyDraft> = {
  id: 'edit-l7policy',
  label: 'load-balancers.actions.edit-l7policy.label',
  unavailableReason: ({ loadBalancer }) => pendingReason(loadBalancer),
  affects: affectsLoadBalancers,
  request: ({ loadBalancer, policy }, draft) => [settled(loadBalancer.id, { method: 'PUT', path: l7PolicyPath(policy.id), body: l7PolicyUpdateBody(draft) })],
  cli: ({ policy }, draft) => [l7PolicyUpdateCli(policy.id, draft)],
  input: { initial: ({ policy }) => l7PolicyDraftOf(policy), invalidReason: (draft) => firstProblem(l7PolicyProblems(draft)), Form: L7PolicyForm },
};

export const addL7Rule: ActionDeclaration<L7PolicyTarget, L7RuleDraft> = {
  id: 'add-l7rule',
  label: 'load-balancers.actions.add-l7rule.label',
  unavailableReason: ({ loadBalancer }) => pendingReason(loadBalancer),
  affects: affectsLoadBalancers,
  request: ({ loadBalancer, policy }, draft) => [settled(loadBalancer.id, { method: 'POST', path: l7RulesPath(policy.id), body: l7RuleBody(draft) })],
  cli: ({ policy }, draft) => [l7RuleCli(policy.id, draft)],
  input: { initial: emptyL7Rule, invalidReason: (draft) => firstProblem(l7RuleProblems(draft)), Form: L7RuleForm },
};

const deleteL7Policy: ActionDeclaration<L7PolicyTarget> = {
  id: 'delete-l7policy',
  label: 'load-balancers.actions.delete-l7policy.label',
  unavailableReason: ({ loadBalancer }) => pendingReason(loadBalancer),
  affects: affectsLoadBalancers,
  request: ({ loadBalancer, policy }) => [settled(loadBalancer.id, { method: 'DELETE', path: l7PolicyPath(policy.id) })],
  cli: ({ policy }) => [['loadbalancer', 'l7policy', 'delete', '--wait', policy.id]],
  confirmation: { message: 'load-balancers.actions.delete-l7policy.confirm', destructive: true },
};

export const l7PolicyActions: readonly AnyActionDeclaration<L7PolicyTarget>[] = [editL7Policy, addL7Rule, deleteL7Policy];

const editL7Rule: ActionDeclaration<L7RuleTarget, L7RuleDraft> = {
  id: 'edit-l7rule',
  label: 'load-balancers.actions.edit-l7rule.label',
  unavailableReason: ({ loadBalancer }) => pendingReason(loadBalancer),
  affects: affectsLoadBalancers,
  request: ({ loadBalancer, policy, rule }, draft) => [
    settled(loadBalancer.id, { method: 'PUT', path: l7RulePath(policy.id, rule.id), body: l7RuleUpdateBody(rule, draft) }),
  ],
  cli: ({ policy, rule }, draft) => l7RuleUpdateCli(policy.id, rule, draft),
  input: {
    initial: ({ rule }) => l7RuleDraftOf(rule),
    invalidReason: (draft, { rule }) => firstProblem(l7RuleProblems(draft)) ?? (l7RuleUpdateIsEmpty(rule, draft) ? problemKey('nothingToSend') : null),
    Form: L7RuleForm,
  },
};

const deleteL7Rule: ActionDeclaration<L7RuleTarget> = {
  id: 'delete-l7rule',
  label: 'load-balancers.actions.delete-l7rule.label',
  unavailableReason: ({ loadBalancer }) => pendingReason(loadBalancer),
  affects: affectsLoadBalancers,
  request: ({ loadBalancer, policy, rule }) => [settled(loadBalancer.id, { method: 'DELETE', path: l7RulePath(policy.id, rule.id) })],
  cli: ({ policy, rule }) => [['loadbalancer', 'l7rule', 'delete', policy.id, rule.id]],
  confirmation: { message: 'load-balancers.actions.delete-l7rule.confirm', destructive: true },
};

export const l7RuleActions: readonly AnyActionDeclaration<L7RuleTarget>[] = [editL7Rule, deleteL7Rule];

// ---- Names in failures and confirmations ----

const nameOf = (part: { id: string; name?: string }) => part.name || part.id;
export const identifyLoadBalancer = (loadBalancer: LoadBalancer) => ({ id: loadBalancer.id, name: nameOf(loadBalancer) });
export const identifyVip = ({ loadBalancer }: VipFloatingIpTarget) => ({ id: loadBalancer.id, name: loadBalancer.vip_address });
export const identifyListener = ({ listener }: ListenerTarget) => ({ id: listener.id, name: nameOf(listener) || `${listener.protocol}:${listener.protocol_port}` });
export const identifyPool = ({ pool }: PoolTarget) => ({ id: pool.id, name: nameOf(pool) });
export const identifyMember = ({ member }: MemberTarget) => ({ id: member.id, name: member.name || `${member.address}:${member.protocol_port}` });
export const identifyHealthMonitor = ({ healthMonitor }: HealthMonitorTarget) => ({ id: healthMonitor.id, name: nameOf(healthMonitor) || healthMonitor.type });
export const identifyL7Policy = ({ policy }: L7PolicyTarget) => ({ id: policy.id, name: nameOf(policy) || policy.action });
export const identifyL7Rule = ({ rule }: L7RuleTarget) => ({ id: rule.id, name: `${rule.type} ${rule.compare_type} ${rule.value}` });

