import { describe, expect, it } from 'vitest';
import type { Port } from '../../resources/ports/types';
import { addInterface, addStaticRoute, createRouter, removeInterface, removeStaticRoute, routerActions } from './actions';
import type { StaticRouteInput } from './inputs';
import type { Router } from '../../resources/routers/types';

const project = { id: 'p1', name: 'demo' };
const router: Router = {
  id: 'r1',
  name: 'edge',
  description: '',
  status: 'ACTIVE',
  admin_state_up: true,
  project_id: 'p1',
  external_gateway_info: { network_id: 'public', external_fixed_ips: [{ subnet_id: 's-pub', ip_address: '203.0.113.61' }] },
  routes: [{ destination: '192.168.50.0/24', nexthop: '10.0.0.254' }],
};
const action = (id: string) => routerActions.find((candidate) => candidate.id === id)!;

describe('create router', () => {
  const draft = { name: ' edge ', description: '', adminStateUp: true, externalNetworkId: 'public' };

  it('sends the gateway with the router, as `router create --external-gateway` does', () => {
    expect(createRouter.request(project, draft)).toEqual([
      {
        method: 'POST',
        path: '/api/os/network/v2.0/routers',
        body: { router: { name: 'edge', description: undefined, admin_state_up: true, external_gateway_info: { network_id: 'public' } } },
      },
    ]);
    expect(createRouter.cli(project, draft)).toEqual([['router', 'create', '--external-gateway', 'public', 'edge']]);
  });

  it('makes a router without gateway, disabled, described', () => {
    const bare = { name: 'inner', description: 'lab', adminStateUp: false, externalNetworkId: '' };
    expect(createRouter.request(project, bare)[0]!.body).toEqual({
      router: { name: 'inner', description: 'lab', admin_state_up: false, external_gateway_info: undefined },
    });
    expect(createRouter.cli(project, bare)).toEqual([['router', 'create', '--description', 'lab', '--disable', 'inner']]);
  });

  it('needs a name', () => {
    expect(createRouter.input!.invalidReason!({ ...draft, name: '  ' }, project)).toBe('routers.problems.nameMissing');
    expect(createRouter.input!.invalidReason!(draft, project)).toBeNull();
  });
});

describe('edit', () => {
  const edit = action('edit');

  it('sends and shows only what changed', () => {
    const input = { name: 'edge', description: 'uplink', adminStateUp: false };
    expect(edit.request(router, input)[0]!.body).toEqual({ router: { name: undefined, description: 'uplink', admin_state_up: false } });
    expect(edit.cli(router, input)).toEqual([['router', 'set', '--description', 'uplink', '--disable', 'r1']]);
  });

  it('says when nothing changed', () => {
    expect(edit.input!.invalidReason!(edit.input!.initial(router), router)).toBe('routers.problems.unchanged');
  });
});

describe('gateway', () => {
  it('is set to an external network and cleared as the CLI does it', () => {
    const set = action('set-gateway');
    expect(set.request(router, 'other-ext')[0]!.body).toEqual({ router: { external_gateway_info: { network_id: 'other-ext' } } });
    expect(set.cli(router, 'other-ext')).toEqual([['router', 'set', '--external-gateway', 'other-ext', 'r1']]);
    expect(set.input!.invalidReason!('public', router)).toBe('routers.problems.unchanged');

    const clear = action('clear-gateway');
    expect(clear.request(router, undefined)[0]!.body).toEqual({ router: { external_gateway_info: {} } });
    expect(clear.cli(router, undefined)).toEqual([['router', 'unset', '--external-gateway', 'r1']]);
    expect(clear.unavailableReason({ ...router, external_gateway_info: null })).toBe('routers.actions.clear-gateway.unavailable');
  });
});

describe('interfaces', () => {
  it('are added by subnet or by port, and removed by port', () => {
    expect(addInterface.request(router, { kind: 'subnet', subnetId: 's1', portId: '' })).toEqual([
      { method: 'PUT', path: '/api/os/network/v2.0/routers/r1/add_router_interface', body: { subnet_id: 's1' } },
    ]);
    expect(addInterface.cli(router, { kind: 'port', subnetId: 's1', portId: 'port9' })).toEqual([['router', 'add', 'port', 'r1', 'port9']]);
    expect(addInterface.input!.invalidReason!({ kind: 'port', subnetId: 's1', portId: '' }, router)).toBe('routers.problems.portMissing');

    const port = { id: 'port9', fixed_ips: [{ subnet_id: 's1', ip_address: '10.0.0.1' }] } as Port;
    expect(removeInterface.request({ router, port }, undefined)).toEqual([
      { method: 'PUT', path: '/api/os/network/v2.0/routers/r1/remove_router_interface', body: { port_id: 'port9' } },
    ]);
    expect(removeInterface.cli({ router, port }, undefined)).toEqual([['router', 'remove', 'port', 'r1', 'port9']]);
  });
});

describe('static routes', () => {
  const connections = { cidrs: ['10.0.0.0/24', '203.0.113.0/24'], addresses: ['10.0.0.1', '203.0.113.61'] };
  const input = (destination: string, nexthop: string): StaticRouteInput => ({ destination, nexthop, connections });

  it('are added atomically (add_extraroutes), trimmed, shown as `router add route`', () => {
    expect(addStaticRoute.request(router, input(' 10.99.0.0/24 ', '10.0.0.9 '))).toEqual([
      {
        method: 'PUT',
        path: '/api/os/network/v2.0/routers/r1/add_extraroutes',
        body: { router: { routes: [{ destination: '10.99.0.0/24', nexthop: '10.0.0.9' }] } },
      },
    ]);
    expect(addStaticRoute.cli(router, input('10.99.0.0/24', '10.0.0.9'))).toEqual([
      ['router', 'add', 'route', '--route', 'destination=10.99.0.0/24,gateway=10.0.0.9', 'r1'],
    ]);
  });

  it("are checked against the router's routes and connections before sending", () => {
    const invalid = (value: StaticRouteInput) => addStaticRoute.input!.invalidReason!(value, router);
    expect(invalid(input('', '10.0.0.9'))).toBe('routers.problems.routeIncomplete');
    expect(invalid(input('192.168.50.0/24', '10.0.0.254'))).toBe('routers.problems.duplicate');
    expect(invalid(input('10.99.0.0/24', '10.8.0.1'))).toBe('routers.problems.nexthopNotConnected');
    expect(invalid(input('10.99.0.0/24', '10.0.0.9'))).toBeNull();
  });

  it('are removed one by one (remove_extraroutes)', () => {
    const route = { destination: '192.168.50.0/24', nexthop: '10.0.0.254' };
    expect(removeStaticRoute.request({ router, route }, undefined)).toEqual([
      { method: 'PUT', path: '/api/os/network/v2.0/routers/r1/remove_extraroutes', body: { router: { routes: [route] } } },
    ]);
    expect(removeStaticRoute.cli({ router, route }, undefined)).toEqual([
      ['router', 'remove', 'route', '--route', 'destination=192.168.50.0/24,gateway=10.0.0.254', 'r1'],
    ]);
  });
});

describe('delete', () => {
  it('is offered in bulk, confirmed as destructive, and left to Neutron to refuse while interfaces exist', () => {
    const remove = action('delete');
    expect(remove.bulk).toBe(true);
    expect(remove.confirmation).toEqual({ message: 'routers.actions.delete.confirm', destructive: true });
    expect(remove.unavailableReason(router)).toBeNull();
    expect(remove.request(router, undefined)).toEqual([{ method: 'DELETE', path: '/api/os/network/v2.0/routers/r1' }]);
    expect(remove.cli(router, undefined)).toEqual([['router', 'delete', 'r1']]);
  });
});
