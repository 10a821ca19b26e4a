// One load balancer (deep link /load-balancers/<id>): its VIP (address, subnet, port, floating IP) and the tree
// hanging from it: listeners, each with its default pool (members, health monitor) and L7 policies (rules), then the
// pools no listener serves. Every part has its own actions; each write marks the load balancer watched, so the page
// polls it (and reads its tree again) until Octavia says it settled.
import { createContext, useCallback, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ActionFailures } from '../../../lib/actions/action-failures';
import type { AnyActionDeclaration } from '../../../lib/actions/types';
import type { ActionSummary } from '../../../lib/actions/use-action-runner';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import type { PageReads } from '../../../lib/ui/api-reads';
import { BackLink, DetailField, DetailHeader, DetailSection, DetailState } from '../../../lib/ui/detail';
import { Menu } from '../../../lib/ui/menu';
import { QueryGate } from '../../../lib/ui/query-gate';
import { floatingIpsPath, useFloatingIps } from '../../../resources/floating-ips/floating-ips';
import {
  listenersPath,
  loadBalancerPath,
  loadBalancerStatusPath,
  poolsPath,
  useLoadBalancer,
  useLoadBalancerTree,
} from '../../../resources/load-balancers/load-balancers';
import { statusIndex } from '../../../resources/load-balancers/state';
import type { L7PolicyBranch, Listener, LoadBalancer, LoadBalancerTree, PoolBranch } from '../../../resources/load-balancers/types';
import { watchLoadBalancer } from '../../../resources/load-balancers/watch';
import { useSubnets } from '../../../resources/networks/networks';
import {
  healthMonitorActions,
  identifyHealthMonitor,
  identifyL7Policy,
  identifyL7Rule,
  identifyListener,
  identifyLoadBalancer,
  identifyMember,
  identifyPool,
  identifyVip,
  l7PolicyActions,
  l7RuleActions,
  listenerActions,
  loadBalancerActions,
  memberActions,
  poolActions,
  vipFloatingIpActions,
} from '../actions';
import { OperatingBadge, ProvisioningBadge } from './status';

const headerCell = 'py-1.5 pr-3 text-left text-xs font-medium text-fg-muted';
const cell = 'py-1.5 pr-3 align-middle';

/** Every write on a part makes its load balancer PENDING_UPDATE: the page then watches it. */
function usePartActions<Target extends { loadBalancer: LoadBalancer }>(actions: readonly AnyActionDeclaration<Target>[], identify: (target: Target) => { id: string; name: string }) {
  const onAttempted = useCallback((target: Target, _action: ActionSummary<Target>) => watchLoadBalancer(target.loadBalancer.id), []);
  return useResourceActions<Target>({ actions, identify, onAttempted });
}

/** Octavia's status tree of the load balancer shown, when read: the freshest statuses of its parts. */
const StatusIndexContext = createContext<ReadonlyMap<string, { provisioning: string; operating: string }>>(new Map());

function Statuses({ id, provisioning, operating, testId }: { id?: string; provisioning: string; operating: string; testId: string }) {
  const known = useContext(StatusIndexContext).get(id ?? '');
  if (known) ({ provisioning, operating } = known);
  return (
    <span className="inline-flex flex-wrap items-center gap-3" data-testid={testId}>
      <ProvisioningBadge status={provisioning} testId={`${testId}-provisioning`} />
      <OperatingBadge status={operating} testId={`${testId}-operating`} />
    </span>
  );
}

function PartMenu({ label, items, testId }: { label: string; items: ReturnType<ReturnType<typeof useResourceActions>['menuItems']>; testId: string }) {
  return <Menu label={label} trigger={<span className="px-1 text-xs font-medium">{label}</span>} items={items} testId={testId} />;
}

function Vip({ loadBalancer }: { loadBalancer: LoadBalancer }) {
  const { t } = useTranslation();
  const subnets = useSubnets([loadBalancer.vip_network_id]);
  const subnet = subnets.data?.find((candidate) => candidate.id === loadBalancer.vip_subnet_id);
  const portId = loadBalancer.vip_port_id;
  const floatingIps = useFloatingIps({ portIds: portId ? [portId] : [] });
  const floatingIp = floatingIps.data?.[0] ?? null;
  const actions = usePartActions(vipFloatingIpActions, identifyVip);
  return (
    <DetailSection title={t('load-balancers.detail.vip')} testId="lb-vip-section">
      <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
      <dl className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-x-6 gap-y-3">
        <DetailField label={t('load-balancers.columns.vip')} testId="detail-vip-address">
          <span className="font-mono text-xs">{loadBalancer.vip_address}</span>
        </DetailField>
        <DetailField label={t('load-balancers.detail.subnet')}>
          {subnet ? `${subnet.name || subnet.id} (${subnet.cidr})` : loadBalancer.vip_subnet_id}
        </DetailField>
        <DetailField label={t('load-balancers.detail.network')}>
          <Link to={`/networks/${loadBalancer.vip_network_id}`} className="text-brand hover:underline">
            {loadBalancer.vip_network_id.slice(0, 8)}
          </Link>
        </DetailField>
        <DetailField label={t('load-balancers.detail.port')}>
          {portId ? <code className="text-xs">{portId.slice(0, 8)}</code> : t('load-balancers.detail.noPort')}
        </DetailField>
        <DetailField label={t('load-balancers.vip.floatingIp')} testId="detail-floating-ip">
          <span className="inline-flex items-center gap-2">
            <span className="font-mono text-xs">{floatingIp?.floating_ip_address ?? '—'}</span>
            <PartMenu label={t('load-balancers.detail.actions')} items={actions.menuItems({ loadBalancer, floatingIp })} testId="vip-actions" />
          </span>
        </DetailField>
      </dl>
      {actions.dialogElement}
    </DetailSection>
  );
}

function PoolView({ loadBalancer, branch, listener }: { loadBalancer: LoadBalancer; branch: PoolBranch; listener?: Listener }) {
  const { t } = useTranslation();
  const { pool, members, healthMonitor } = branch;
  const actions = usePartActions(poolActions, identifyPool);
  const memberMenu = usePartActions(memberActions, identifyMember);
  const monitorMenu = usePartActions(healthMonitorActions, identifyHealthMonitor);
  const target = { loadBalancer, pool, listenerProtocol: listener?.protocol };
  return (
    <li className="rounded-md border border-line p-3" data-testid="pool" data-pool-id={pool.id}>
      <div className="flex flex-wrap items-center gap-3">
        <span className="font-medium" data-testid="pool-title">
          {t('load-balancers.tree.pool', { name: pool.name || pool.id.slice(0, 8) })}
        </span>
        <span className="text-xs text-fg-muted" data-testid="pool-summary">
          {pool.protocol} · {t(`load-balancers.algorithms.${pool.lb_algorithm}`)}
          {pool.session_persistence ? ` · ${t(`load-balancers.persistence.${pool.session_persistence.type}`)}` : ''}
        </span>
        <Statuses id={pool.id} provisioning={pool.provisioning_status} operating={pool.operating_status} testId="pool-status" />
        <span className="ml-auto">
          <PartMenu label={t('load-balancers.detail.actions')} items={actions.menuItems(target)} testId="pool-actions" />
        </span>
      </div>
      <ActionFailures failures={[...actions.failures, ...memberMenu.failures, ...monitorMenu.failures]} onDismiss={(key) => [actions, memberMenu, monitorMenu].forEach((menu) => menu.dismissFailure(key))} />
      <div className="mt-2 text-sm" data-testid="health-monitor">
        {healthMonitor ? (
          <div className="flex flex-wrap items-center gap-3">
            <span>
              {t('load-balancers.tree.monitor', {
                type: healthMonitor.type,
                delay: healthMonitor.delay,
                timeout: healthMonitor.timeout,
                retries: healthMonitor.max_retries,
              })}
              {healthMonitor.url_path ? ` · ${healthMonitor.http_method ?? 'GET'} ${healthMonitor.url_path} → ${healthMonitor.expected_codes ?? ''}` : ''}
            </span>
            <Statuses id={healthMonitor.id} provisioning={healthMonitor.provisioning_status} operating={healthMonitor.operating_status} testId="monitor-status" />
            <PartMenu label={t('load-balancers.detail.actions')} items={monitorMenu.menuItems({ loadBalancer, pool, healthMonitor })} testId="monitor-actions" />
          </div>
        ) : (
          <span className="text-fg-muted">{t('load-balancers.tree.noMonitor')}</span>
        )}
      </div>
      {members.length === 0 ? (
        <p className="mt-2 text-sm text-fg-muted" data-testid="no-members">{t('load-balancers.tree.noMembers')}</p>
      ) : (
        <table className="mt-2 w-full text-sm" data-testid="members-table" aria-label={t('load-balancers.tree.members')}>
          <thead>
            <tr>
              <th scope="col" className={headerCell}>{t('load-balancers.fields.name')}</th>
              <th scope="col" className={headerCell}>{t('load-balancers.member.address')}</th>
              <th scope="col" className={headerCell}>{t('load-balancers.member.weight')}</th>
              <th scope="col" className={headerCell}>{t('load-balancers.columns.provisioning')}</th>
              <th scope="col" className={headerCell}>{t('load-balancers.columns.operating')}</th>
              <th scope="col" className={headerCell}><span className="sr-only">{t('load-balancers.detail.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id} className="border-t border-line" data-testid="member-row">
                <td className={cell}>{member.name || '—'}</td>
                <td className={`${cell} font-mono text-xs`} data-testid="member-address">{`${member.address}:${member.protocol_port}`}</td>
                <td className={cell}>{member.weight}</td>
                <td className={cell}><ProvisioningBadge status={member.provisioning_status} testId="member-provisioning" /></td>
                <td className={cell}><OperatingBadge status={member.operating_status} testId="member-operating" /></td>
                <td className={`${cell} text-right`}>
                  <PartMenu label={t('load-balancers.detail.actions')} items={memberMenu.menuItems({ loadBalancer, pool, member })} testId="member-actions" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {actions.dialogElement}
      {memberMenu.dialogElement}
      {monitorMenu.dialogElement}
    </li>
  );
}

function L7PolicyView({ loadBalancer, listener, branch }: { loadBalancer: LoadBalancer; listener: Listener; branch: L7PolicyBranch }) {
  const { t } = useTranslation();
  const { policy, rules } = branch;
  const actions = usePartActions(l7PolicyActions, identifyL7Policy);
  const ruleActions = usePartActions(l7RuleActions, identifyL7Rule);
  const redirect = policy.redirect_url ?? policy.redirect_prefix ?? policy.redirect_pool_id ?? '';
  return (
    <li className="rounded-md border border-line p-3" data-testid="l7policy">
      <div className="flex flex-wrap items-center gap-3">
        <span className="font-medium">{t('load-balancers.tree.l7policy', { position: policy.position, name: policy.name || policy.id.slice(0, 8) })}</span>
        <span className="text-xs text-fg-muted" data-testid="l7policy-action">{`${t(`load-balancers.l7.actions.${policy.action}`)} ${redirect}`.trim()}</span>
        <Statuses provisioning={policy.provisioning_status} operating={policy.operating_status} testId="l7policy-status" />
        <span className="ml-auto">
          <PartMenu label={t('load-balancers.detail.actions')} items={actions.menuItems({ loadBalancer, listener, policy })} testId="l7policy-actions" />
        </span>
      </div>
      <ActionFailures failures={[...actions.failures, ...ruleActions.failures]} onDismiss={(key) => [actions, ruleActions].forEach((menu) => menu.dismissFailure(key))} />
      <ul className="mt-1 space-y-1 text-sm">
        {rules.length === 0 && <li className="text-fg-muted">{t('load-balancers.tree.noRules')}</li>}
        {rules.map((rule) => (
          <li key={rule.id} className="flex items-center gap-2" data-testid="l7rule">
            <code className="text-xs">
              {rule.invert ? 'NOT ' : ''}
              {rule.type}
              {rule.key ? `[${rule.key}]` : ''} {rule.compare_type} {rule.value}
            </code>
            <ProvisioningBadge status={rule.provisioning_status} testId="l7rule-provisioning" />
            <PartMenu label={t('load-balancers.detail.actions')} items={ruleActions.menuItems({ loadBalancer, policy, rule })} testId="l7rule-actions" />
          </li>
        ))}
      </ul>
      {actions.dialogElement}
      {ruleActions.dialogElement}
    </li>
  );
}

function ListenerView({ loadBalancer, listener, tree }: { loadBalancer: LoadBalancer; listener: Listener; tree: LoadBalancerTree }) {
  const { t } = useTranslation();
  const actions = usePartActions(listenerActions, identifyListener);
  const pool = tree.pools.find((branch) => branch.pool.id === listener.default_pool_id);
  const policies = tree.l7Policies[listener.id] ?? [];
  return (
    <li className="rounded-lg border border-line-strong p-3" data-testid="listener" data-listener-id={listener.id}>
      <div className="flex flex-wrap items-center gap-3">
        <span className="font-semibold" data-testid="listener-title">
          {listener.name || t('load-balancers.tree.listener')} <span className="font-mono text-xs">{`${listener.protocol}:${listener.protocol_port}`}</span>
        </span>
        <Statuses id={listener.id} provisioning={listener.provisioning_status} operating={listener.operating_status} testId="listener-status" />
        {listener.allowed_cidrs && listener.allowed_cidrs.length > 0 && (
          <span className="text-xs text-fg-muted">{t('load-balancers.tree.allowedCidrs', { cidrs: listener.allowed_cidrs.join(', ') })}</span>
        )}
        <span className="ml-auto">
          <PartMenu label={t('load-balancers.detail.actions')} items={actions.menuItems({ loadBalancer, listener })} testId="listener-actions" />
        </span>
      </div>
      <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
      <ul className="mt-2 ml-4 space-y-2">
        {pool ? <PoolView loadBalancer={loadBalancer} branch={pool} listener={listener} /> : <li className="text-sm text-fg-muted">{t('load-balancers.tree.noPool')}</li>}
        {policies.map((branch) => (
          <L7PolicyView key={branch.policy.id} loadBalancer={loadBalancer} listener={listener} branch={branch} />
        ))}
      </ul>
      {actions.dialogElement}
    </li>
  );
}

function Tree({ loadBalancer }: { loadBalancer: LoadBalancer }) {
  const { t } = useTranslation();
  const tree = useLoadBalancerTree(loadBalancer.id);
  return (
    <DetailSection title={t('load-balancers.detail.tree')} testId="lb-tree">
      <QueryGate query={tree} loading={t('load-balancers.detail.loadingTree')}>
        {(data) => {
          const served = new Set(data.listeners.flatMap((listener) => (listener.default_pool_id ? [listener.default_pool_id] : [])));
          // Pools that only L7 policies redirect to, or that wait for a listener.
          const others = data.pools.filter((branch) => !served.has(branch.pool.id));
          if (data.listeners.length === 0 && others.length === 0) return <p className="text-sm text-fg-muted" data-testid="no-listeners">{t('load-balancers.tree.empty')}</p>;
          return (
            <StatusIndexContext.Provider value={statusIndex(data.status)}>
              <ul className="space-y-3">
                {data.listeners.map((listener) => (
                  <ListenerView key={listener.id} loadBalancer={loadBalancer} listener={listener} tree={data} />
                ))}
                {others.map((branch) => (
                  <PoolView key={branch.pool.id} loadBalancer={loadBalancer} branch={branch} />
                ))}
              </ul>
            </StatusIndexContext.Provider>
          );
        }}
      </QueryGate>
    </DetailSection>
  );
}

function Overview({ loadBalancer }: { loadBalancer: LoadBalancer }) {
  const { t, i18n } = useTranslation();
  const date = (value: string | null | undefined) => (value ? new Date(value).toLocaleString(i18n.resolvedLanguage) : '—');
  return (
    <DetailSection title={t('load-balancers.detail.overview')}>
      <dl className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-x-6 gap-y-3">
        <DetailField label={t('load-balancers.detail.id')}>
          <code className="text-xs break-all select-all">{loadBalancer.id}</code>
        </DetailField>
        <DetailField label={t('load-balancers.columns.provisioning')} testId="detail-provisioning">
          <ProvisioningBadge status={loadBalancer.provisioning_status} />
        </DetailField>
        <DetailField label={t('load-balancers.columns.operating')} testId="detail-operating">
          <OperatingBadge status={loadBalancer.operating_status} />
        </DetailField>
        <DetailField label={t('load-balancers.fields.description')}>{loadBalancer.description || '—'}</DetailField>
        <DetailField label={t('load-balancers.columns.provider')}>{loadBalancer.provider}</DetailField>
        <DetailField label={t('load-balancers.fields.flavor')}>{loadBalancer.flavor_id ?? '—'}</DetailField>
        <DetailField label={t('load-balancers.fields.availabilityZone')}>{loadBalancer.availability_zone ?? '—'}</DetailField>
        <DetailField label={t('load-balancers.detail.createdAt')}>{date(loadBalancer.created_at)}</DetailField>
      </dl>
    </DetailSection>
  );
}

export function LoadBalancerDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = useLoadBalancer(id);
  const reads: PageReads = {
    commands: [
      ['loadbalancer', 'show', id],
      ['loadbalancer', 'status', 'show', id],
      ['loadbalancer', 'listener', 'list', '--loadbalancer', id],
      ['loadbalancer', 'pool', 'list', '--loadbalancer', id],
    ],
    requests: [loadBalancerPath(id), loadBalancerStatusPath(id), { path: listenersPath, params: { loadbalancer_id: id } }, { path: poolsPath, params: { loadbalancer_id: id } }, floatingIpsPath],
  };
  const onAttempted = useCallback((loadBalancer: LoadBalancer, _action: ActionSummary<LoadBalancer>) => watchLoadBalancer(loadBalancer.id), []);
  const onSucceeded = useCallback(
    (_loadBalancer: LoadBalancer, action: ActionSummary<LoadBalancer>) => {
      if (action.id === 'delete') void navigate('/load-balancers');
    },
    [navigate],
  );
  const actions = useResourceActions({ actions: loadBalancerActions, identify: identifyLoadBalancer, onAttempted, onSucceeded });

  return (
    <div className="px-6 py-6">
      <BackLink to="/load-balancers">{t('load-balancers.detail.back')}</BackLink>
      <DetailState query={query} loading={t('load-balancers.detail.loading')} deleted={t('load-balancers.detail.deleted')} deletedTestId="lb-deleted">
        {(loadBalancer) => (
          <>
            <DetailHeader
              title={loadBalancer.name || loadBalancer.id}
              reads={reads}
              status={<Statuses provisioning={loadBalancer.provisioning_status} operating={loadBalancer.operating_status} testId="lb-status" />}
              actions={
                <Menu
                  label={t('load-balancers.detail.actions')}
                  trigger={<span className="px-1 font-medium">{t('load-balancers.detail.actions')}</span>}
                  items={actions.menuItems(loadBalancer)}
                  testId="detail-actions"
                />
              }
            />
            <div className="space-y-4">
              <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
              <Overview loadBalancer={loadBalancer} />
              <Vip loadBalancer={loadBalancer} />
              <Tree loadBalancer={loadBalancer} />
            </div>
            {actions.dialogElement}
          </>
        )}
      </DetailState>
    </div>
  );
}
