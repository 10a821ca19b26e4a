// Every router action, declared once (lib/actions): when the router's state allows it, the Neutron call, and the
// `openstack` command doing the same. Neutron answers router writes synchronously; what it refuses (a router
// still having interfaces, a gateway floating IPs need, a route through an interface) comes back with its message.
import type { ParseKeys } from 'i18next';
import type { ActionDeclaration, AnyActionDeclaration, ProjectTarget } from '../../lib/actions/types';
import type { QueryScope } from '../../lib/api/query-keys';
import type { InterfaceInput, RouterDraft, RouterSettings, StaticRouteInput } from './inputs';
import { portKeys } from '../../resources/ports/ports';
import { routerInterfaceKeys, routerKeys, routerPath, routersPath } from '../../resources/routers/routers';
import {
  CreateRouterForm,
  EditRouterForm,
  GatewayForm,
  InterfaceForm,
  StaticRouteForm,
} from './components/action-forms';
import { normalizedRoute, staticRouteProblem } from './static-routes';
import type { Router, RouterInterface, RouterStaticRoute } from '../../resources/routers/types';

const affectsRouters = (scope: QueryScope) => [routerKeys.all(scope)];
/** Interfaces are ports: the ports lists must see them come and go too. */
const affectsRouterPorts = (scope: QueryScope) => [routerKeys, routerInterfaceKeys, portKeys].map((keys) => keys.all(scope));

export type RouterAction<Input = undefined> = ActionDeclaration<Router, Input>;

const problemKey = (problem: string) => `routers.problems.${problem}` as ParseKeys;

export const createRouter: ActionDeclaration<ProjectTarget, RouterDraft> = {
  id: 'create',
  label: 'routers.actions.create.label',
  unavailableReason: () => null,
  affects: affectsRouters,
  request: (_project, draft) => [
    {
      method: 'POST',
      path: routersPath,
      body: {
        router: {
          name: draft.name.trim(),
          description: draft.description.trim() || undefined,
          admin_state_up: draft.adminStateUp,
          external_gateway_info: draft.externalNetworkId ? { network_id: draft.externalNetworkId } : undefined,
        },
      },
    },
  ],
  cli: (_project, draft) => [
    [
      'router',
      'create',
      ...(draft.description.trim() ? ['--description', draft.description.trim()] : []),
      ...(draft.adminStateUp ? [] : ['--disable']),
      ...(draft.externalNetworkId ? ['--external-gateway', draft.externalNetworkId] : []),
      draft.name.trim(),
    ],
  ],
  input: {
    initial: () => ({ name: '', description: '', adminStateUp: true, externalNetworkId: '' }),
    invalidReason: (draft) => (draft.name.trim() === '' ? problemKey('nameMissing') : null),
    quota: { service: 'network', adds: () => ({ routers: 1 }) },
    Form: CreateRouterForm,
  },
};

function settingsOf(router: Router): RouterSettings {
  return { name: router.name, description: router.description ?? '', adminStateUp: router.admin_state_up };
}

/** Only what changed is sent (and shown as CLI options). */
function changedSettings(router: Router, input: RouterSettings) {
  const current = settingsOf(router);
  return {
    name: input.name.trim() !== current.name ? input.name.trim() : undefined,
    description: input.description.trim() !== current.description ? input.description.trim() : undefined,
    adminStateUp: input.adminStateUp !== current.adminStateUp ? input.adminStateUp : undefined,
  };
}

const edit: RouterAction<RouterSettings> = {
  id: 'edit',
  label: 'routers.actions.edit.label',
  unavailableReason: () => null,
  affects: affectsRouters,
  request: (router, input) => {
    const changed = changedSettings(router, input);
    return [
      {
        method: 'PUT',
        path: routerPath(router.id),
        body: { router: { name: changed.name, description: changed.description, admin_state_up: changed.adminStateUp } },
      },
    ];
  },
  cli: (router, input) => {
    const changed = changedSettings(router, input);
    return [
      [
        'router',
        'set',
        ...(changed.name !== undefined ? ['--name', changed.name] : []),
        ...(changed.description !== undefined ? ['--description', changed.description] : []),
        ...(changed.adminStateUp === undefined ? [] : [changed.adminStateUp ? '--enable' : '--disable']),
        router.id,
      ],
    ];
  },
  input: {
    initial: settingsOf,
    invalidReason: (input, router) => {
      if (input.name.trim() === '') return problemKey('nameMissing');
      return Object.values(changedSettings(router, input)).every((value) => value === undefined) ? problemKey('unchanged') : null;
    },
    Form: EditRouterForm,
  },
};

const setGateway: RouterAction<string> = {
  id: 'set-gateway',
  label: 'routers.actions.set-gateway.label',
  unavailableReason: () => null,
  affects: affectsRouters,
  request: (router, networkId) => [
    { method: 'PUT', path: routerPath(router.id), body: { router: { external_gateway_info: { network_id: networkId } } } },
  ],
  cli: (router, networkId) => [['router', 'set', '--external-gateway', networkId, router.id]],
  input: {
    initial: (router) => router.external_gateway_info?.network_id ?? '',
    invalidReason: (networkId, router) => {
      if (networkId === '') return problemKey('networkMissing');
      return networkId === router.external_gateway_info?.network_id ? problemKey('unchanged') : null;
    },
    Form: GatewayForm,
  },
};

const clearGateway: RouterAction = {
  id: 'clear-gateway',
  label: 'routers.actions.clear-gateway.label',
  unavailableReason: (router) => (router.external_gateway_info ? null : 'routers.actions.clear-gateway.unavailable'),
  affects: affectsRouters,
  // An empty gateway, as the CLI sends it: Neutron removes the gateway port.
  request: (router) => [{ method: 'PUT', path: routerPath(router.id), body: { router: { external_gateway_info: {} } } }],
  cli: (router) => [['router', 'unset', '--external-gateway', router.id]],
  confirmation: { message: 'routers.actions.clear-gateway.confirm', destructive: true },
};

export const addInterface: RouterAction<InterfaceInput> = {
  id: 'add-interface',
  label: 'routers.actions.add-interface.label',
  unavailableReason: () => null,
  affects: affectsRouterPorts,
  request: (router, input) => [
    {
      method: 'PUT',
      path: `${routerPath(router.id)}/add_router_interface`,
      body: input.kind === 'subnet' ? { subnet_id: input.subnetId } : { port_id: input.portId },
    },
  ],
  cli: (router, input) => [
    input.kind === 'subnet' ? ['router', 'add', 'subnet', router.id, input.subnetId] : ['router', 'add', 'port', router.id, input.portId],
  ],
  input: {
    initial: () => ({ kind: 'subnet', subnetId: '', portId: '' }),
    invalidReason: (input) => {
      if (input.kind === 'subnet' && input.subnetId === '') return problemKey('subnetMissing');
      if (input.kind === 'port' && input.portId === '') return problemKey('portMissing');
      return null;
    },
    Form: InterfaceForm,
  },
};

export const addStaticRoute: RouterAction<StaticRouteInput> = {
  id: 'add-route',
  label: 'routers.actions.add-route.label',
  unavailableReason: () => null,
  affects: affectsRouters,
  // add_extraroutes (extraroute-atomic) adds to the routes Neutron has, not to the page's possibly stale copy.
  request: (router, input) => [
    { method: 'PUT', path: `${routerPath(router.id)}/add_extraroutes`, body: { router: { routes: [normalizedRoute(input)] } } },
  ],
  cli: (router, input) => {
    const route = normalizedRoute(input);
    return [['router', 'add', 'route', '--route', `destination=${route.destination},gateway=${route.nexthop}`, router.id]];
  },
  input: {
    initial: () => ({ destination: '', nexthop: '', connections: { cidrs: undefined, addresses: [] } }),
    invalidReason: (input, router) => {
      if (input.destination.trim() === '' || input.nexthop.trim() === '') return problemKey('routeIncomplete');
      const problem = staticRouteProblem(input, router.routes ?? [], input.connections);
      return problem ? problemKey(problem) : null;
    },
    Form: StaticRouteForm,
  },
};

const deleteRouter: RouterAction = {
  id: 'delete',
  removes: true,
  label: 'routers.actions.delete.label',
  unavailableReason: () => null,
  affects: affectsRouters,
  request: (router) => [{ method: 'DELETE', path: routerPath(router.id) }],
  cli: (router) => [['router', 'delete', router.id]],
  confirmation: { message: 'routers.actions.delete.confirm', destructive: true },
  bulk: true,
};

/** Actions on a router, in menu order. */
export const routerActions: readonly AnyActionDeclaration<Router>[] = [
  edit,
  setGateway,
  clearGateway,
  addInterface,
  addStaticRoute,
  deleteRouter,
];

export const bulkRouterActions = routerActions.filter((action) => action.bulk);

export const removeInterface: ActionDeclaration<RouterInterface> = {
  id: 'remove-interface',
  label: 'routers.actions.remove-interface.label',
  unavailableReason: () => null,
  affects: affectsRouterPorts,
  request: ({ router, port }) => [
    { method: 'PUT', path: `${routerPath(router.id)}/remove_router_interface`, body: { port_id: port.id } },
  ],
  cli: ({ router, port }) => [['router', 'remove', 'port', router.id, port.id]],
  confirmation: { message: 'routers.actions.remove-interface.confirm', destructive: true },
  bulk: true,
};

export const removeStaticRoute: ActionDeclaration<RouterStaticRoute> = {
  id: 'remove-route',
  label: 'routers.actions.remove-route.label',
  unavailableReason: () => null,
  affects: affectsRouters,
  request: ({ router, route }) => [
    { method: 'PUT', path: `${routerPath(router.id)}/remove_extraroutes`, body: { router: { routes: [route] } } },
  ],
  cli: ({ router, route }) => [['router', 'remove', 'route', '--route', `destination=${route.destination},gateway=${route.nexthop}`, router.id]],
  confirmation: { message: 'routers.actions.remove-route.confirm', destructive: true },
  bulk: true,
};

export const identifyRouter = (router: Router) => ({ id: router.id, name: router.name || router.id, page: `/routers/${encodeURIComponent(router.id)}` });

export const identifyInterface = ({ port }: RouterInterface) => ({
  id: port.id,
  name: port.fixed_ips.map((ip) => ip.ip_address).join(', ') || port.id,
});

export const identifyRoute = ({ route }: RouterStaticRoute) => {
  const name = `${route.destination} → ${route.nexthop}`;
  return { id: name, name };
};
