// One router (deep link /routers/<id>): its settings and gateway, its interfaces (the ports Neutron made on the
// internal subnets) and its static routes, each with its own actions, plus the list's router actions.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { ActionFailures } from '../../../lib/actions/action-failures';
import type { ActionSummary } from '../../../lib/actions/use-action-runner';
import { Button } from '../../../lib/ui/button';
import { BackLink, DetailField, DetailHeader, DetailSection, DetailState } from '../../../lib/ui/detail';
import { Menu } from '../../../lib/ui/menu';
import { QueryGate } from '../../../lib/ui/query-gate';
import type { PageReads } from '../../../lib/ui/api-reads';
import { networksPath, subnetsPath, useExternalNetworks, useSubnets, useUsableNetworks } from '../../../resources/networks/networks';
import { portsPath } from '../../../resources/ports/ports';
import {
  addInterface,
  addStaticRoute,
  identifyInterface,
  identifyRoute,
  identifyRouter,
  removeInterface,
  removeStaticRoute,
  routerActions,
} from '../actions';
import { routerPath, useRouter, useRouterInterfaces } from '../../../resources/routers/routers';
import type { Router } from '../../../resources/routers/types';
import { RouterStatusBadge } from './router-status';

const headerCell = 'py-1.5 pr-3 text-left text-xs font-medium text-fg-muted';
const cell = 'py-1.5 pr-3 align-middle';

function Overview({ router }: { router: Router }) {
  const { t, i18n } = useTranslation();
  const externalNetworks = useExternalNetworks();
  const gateway = router.external_gateway_info;
  const gatewayNetwork = gateway && externalNetworks.data?.find((network) => network.id === gateway.network_id);
  const date = (value: string | undefined) => (value ? new Date(value).toLocaleString(i18n.resolvedLanguage) : '—');
  const yesNo = (value: boolean | undefined) => (value === undefined ? '—' : value ? t('routers.yes') : t('routers.no'));
  return (
    <DetailSection title={t('routers.detail.overview')}>
      <dl className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-x-6 gap-y-3">
        <DetailField label={t('routers.detail.id')}>
          <code className="text-xs break-all select-all">{router.id}</code>
        </DetailField>
        <DetailField label={t('routers.columns.status')}>
          <RouterStatusBadge status={router.status} adminStateUp={router.admin_state_up} />
        </DetailField>
        <DetailField label={t('routers.detail.adminState')} testId="detail-admin-state">
          {router.admin_state_up ? t('routers.adminUp') : t('routers.adminDown')}
        </DetailField>
        <DetailField label={t('routers.columns.description')}>{router.description || '—'}</DetailField>
        <DetailField label={t('routers.columns.gateway')} testId="detail-gateway">
          {gateway ? (
            <Link to={`/networks/${gateway.network_id}`} className="text-brand hover:underline">
              {gatewayNetwork?.name || gateway.network_id}
            </Link>
          ) : (
            t('routers.noGateway')
          )}
        </DetailField>
        <DetailField label={t('routers.detail.gatewayIps')} testId="detail-gateway-ips">
          {gateway?.external_fixed_ips?.length ? (
            <span className="font-mono text-xs">{gateway.external_fixed_ips.map((ip) => ip.ip_address).join(', ')}</span>
          ) : (
            '—'
          )}
        </DetailField>
        <DetailField label={t('routers.detail.snat')}>{gateway ? yesNo(gateway.enable_snat) : '—'}</DetailField>
        {router.distributed !== undefined && <DetailField label={t('routers.detail.distributed')}>{yesNo(router.distributed)}</DetailField>}
        {router.ha !== undefined && <DetailField label={t('routers.detail.ha')}>{yesNo(router.ha)}</DetailField>}
        <DetailField label={t('routers.detail.availabilityZones')}>{router.availability_zones?.join(', ') || '—'}</DetailField>
        <DetailField label={t('routers.detail.createdAt')}>{date(router.created_at)}</DetailField>
        <DetailField label={t('routers.detail.updatedAt')}>{date(router.updated_at)}</DetailField>
      </dl>
    </DetailSection>
  );
}

function Interfaces({ router, onAdd }: { router: Router; onAdd: () => void }) {
  const { t } = useTranslation();
  const interfaces = useRouterInterfaces(router.id);
  const networkIds = [...new Set((interfaces.data ?? []).map((port) => port.network_id))];
  const subnets = useSubnets(networkIds);
  const networks = useUsableNetworks();
  const actions = useResourceActions({ actions: [removeInterface], identify: identifyInterface });
  const subnetOf = (id: string) => subnets.data?.find((subnet) => subnet.id === id);
  const networkName = (id: string) => networks.data?.find((network) => network.id === id)?.name || id;
  return (
    <DetailSection title={t('routers.detail.interfaces')} testId="router-interfaces">
      <div className="mb-3 flex justify-end">
        <Button onClick={onAdd} data-testid="add-interface">
          {t('routers.actions.add-interface.label')}
        </Button>
      </div>
      <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
      <QueryGate query={interfaces} loading={t('routers.detail.loadingInterfaces')}>
        {(ports) =>
          ports.length === 0 ? (
            <p className="text-sm text-fg-muted" data-testid="no-interfaces">
              {t('routers.detail.noInterfaces')}
            </p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-sm" data-testid="interfaces-table" aria-label={t('routers.detail.interfaces')}>
                <thead>
                  <tr>
                    <th scope="col" className={headerCell}>{t('routers.interfaces.address')}</th>
                    <th scope="col" className={headerCell}>{t('routers.interfaces.subnet')}</th>
                    <th scope="col" className={headerCell}>{t('routers.interfaces.network')}</th>
                    <th scope="col" className={headerCell}>{t('routers.interfaces.port')}</th>
                    <th scope="col" className={headerCell}>{t('routers.columns.status')}</th>
                    <th scope="col" className={headerCell}><span className="sr-only">{t('routers.list.rowActionsColumn')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {ports.map((port) => (
                    <tr key={port.id} className="border-t border-line" data-testid="interface-row" data-port-id={port.id}>
                      <td className={`${cell} font-mono text-xs`} data-testid="interface-address">
                        {port.fixed_ips.map((ip) => ip.ip_address).join(', ')}
                      </td>
                      <td className={cell} data-testid="interface-subnet">
                        {port.fixed_ips.map((ip) => {
                          const subnet = subnetOf(ip.subnet_id);
                          return (
                            <div key={ip.subnet_id}>
                              {subnet?.name || ip.subnet_id}
                              {subnet && <span className="ml-1 font-mono text-xs text-fg-muted">{subnet.cidr}</span>}
                            </div>
                          );
                        })}
                      </td>
                      <td className={cell}>
                        <Link to={`/networks/${port.network_id}`} className="text-brand hover:underline">
                          {networkName(port.network_id)}
                        </Link>
                      </td>
                      <td className={cell}>
                        <Link to={`/ports/${port.id}`} className="font-mono text-xs text-brand hover:underline">
                          {port.id.slice(0, 8)}
                        </Link>
                      </td>
                      <td className={cell}>{t(`routers.portStatus.${port.status}`, { defaultValue: port.status })}</td>
                      <td className={`${cell} text-right`}>
                        <Button variant="ghost" onClick={() => actions.trigger(removeInterface, [{ router, port }])} data-testid="remove-interface">
                          {t('routers.actions.remove-interface.label')}
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryGate>
      {actions.dialogElement}
    </DetailSection>
  );
}

function StaticRoutes({ router, onAdd }: { router: Router; onAdd: () => void }) {
  const { t } = useTranslation();
  const actions = useResourceActions({ actions: [removeStaticRoute], identify: identifyRoute });
  const routes = router.routes ?? [];
  return (
    <DetailSection title={t('routers.detail.routes')} testId="router-routes">
      <div className="mb-3 flex items-start justify-between gap-3">
        <p className="text-sm text-fg-muted">{t('routers.detail.routesHint')}</p>
        <Button onClick={onAdd} data-testid="add-route" className="shrink-0">
          {t('routers.actions.add-route.label')}
        </Button>
      </div>
      <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
      {routes.length === 0 ? (
        <p className="text-sm text-fg-muted" data-testid="no-routes">
          {t('routers.detail.noRoutes')}
        </p>
      ) : (
        <table className="w-full text-sm" data-testid="routes-table" aria-label={t('routers.detail.routes')}>
          <thead>
            <tr>
              <th scope="col" className={headerCell}>{t('routers.routes.destination')}</th>
              <th scope="col" className={headerCell}>{t('routers.routes.nexthop')}</th>
              <th scope="col" className={headerCell}><span className="sr-only">{t('routers.list.rowActionsColumn')}</span></th>
            </tr>
          </thead>
          <tbody>
            {routes.map((route) => (
              <tr key={`${route.destination} ${route.nexthop}`} className="border-t border-line" data-testid="route-row">
                <td className={`${cell} font-mono text-xs`} data-testid="route-destination">{route.destination}</td>
                <td className={`${cell} font-mono text-xs`} data-testid="route-nexthop">{route.nexthop}</td>
                <td className={`${cell} text-right`}>
                  <Button variant="ghost" onClick={() => actions.trigger(removeStaticRoute, [{ router, route }])} data-testid="remove-route">
                    {t('routers.actions.remove-route.label')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {actions.dialogElement}
    </DetailSection>
  );
}

export function RouterDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = useRouter(id);
  // The router, its interfaces (its ports), their subnets and networks.
  const reads: PageReads = {
    commands: [
      ['router', 'show', id],
      ['port', 'list', '--long', '--router', id],
    ],
    requests: [routerPath(id), { path: portsPath, params: { device_id: id } }, subnetsPath, networksPath],
  };
  const onSucceeded = useCallback(
    (_router: Router, action: ActionSummary<Router>) => {
      if (action.id === 'delete') void navigate('/routers');
    },
    [navigate],
  );
  const actions = useResourceActions({ actions: routerActions, identify: identifyRouter, onSucceeded });

  return (
    <div className="px-6 py-6">
      <BackLink to="/routers">{t('routers.detail.back')}</BackLink>
      <DetailState query={query} loading={t('routers.detail.loading')} deleted={t('routers.detail.deleted')} deletedTestId="router-deleted">
        {(router) => (
          <>
            <DetailHeader
              title={router.name || router.id}
              reads={reads}
              status={<RouterStatusBadge status={router.status} adminStateUp={router.admin_state_up} />}
              actions={
                <Menu
                  label={t('routers.detail.actions')}
                  trigger={<span className="px-1 font-medium">{t('routers.detail.actions')}</span>}
                  items={actions.menuItems(router)}
                  testId="detail-actions"
                />
              }
            />
            <div className="space-y-4">
              <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
              <Overview router={router} />
              <Interfaces router={router} onAdd={() => actions.trigger(addInterface, [router])} />
              <StaticRoutes router={router} onAdd={() => actions.trigger(addStaticRoute, [router])} />
            </div>
            {actions.dialogElement}
          </>
        )}
      </DetailState>
    </div>
  );
}
