import { describe, expect, it } from 'vitest';
import { requestsInOrder } from '../../lib/actions/follow-ups';
import { ApiError } from '../../lib/api/api-error';
import loadBalancersJson from '../../testing/fixtures/octavia-loadbalancers.json';
import type { LoadBalancer } from '../../resources/load-balancers/types';
import { associateFloatingIp, createLoadBalancer, disassociateFloatingIp, flowQuotaAdds, loadBalancerActions, settleOn } from './actions';
import { emptyFlow, emptyMember, type LoadBalancerFlow } from './model/drafts';
import { emptyContext } from './model/targets';

const project = { id: 'p1', name: 'demo' };
const loadBalancer = loadBalancersJson.loadbalancers[0] as LoadBalancer;

const flow: LoadBalancerFlow = {
  ...emptyFlow(),
  loadBalancer: { ...emptyFlow().loadBalancer, name: 'web', vipSubnetId: 's1' },
  listener: { ...emptyFlow().listener!, name: 'http', allowedCidrs: '203.0.113.0/24' },
  pool: { ...emptyFlow().pool!, name: 'app' },
  members: [
    { ...emptyMember(), address: '10.0.0.45', name: 'vm-1' },
    { ...emptyMember(), address: '10.0.0.105', name: 'vm-2' },
  ],
};
const input = { draft: flow, context: emptyContext() };

describe('the guided create', () => {
  it('sends the load balancer, then its listener, pool, members and monitor, each naming what the previous call made', () => {
    const { requests } = requestsInOrder(createLoadBalancer.request(project, input));
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /api/os/load-balancer/v2/lbaas/loadbalancers',
      'POST /api/os/load-balancer/v2/lbaas/listeners',
      'POST /api/os/load-balancer/v2/lbaas/pools',
      'POST /api/os/load-balancer/v2/lbaas/pools/<load-balancers.http.createdPool>/members',
      'POST /api/os/load-balancer/v2/lbaas/pools/<load-balancers.http.createdPool>/members',
      'POST /api/os/load-balancer/v2/lbaas/healthmonitors',
    ]);
    expect(requests[0]!.body).toEqual({ loadbalancer: { name: 'web', vip_subnet_id: 's1' } });
    expect(requests[1]!.body).toMatchObject({
      listener: { loadbalancer_id: '<load-balancers.http.createdLoadBalancer>', protocol: 'HTTP', protocol_port: 80, allowed_cidrs: ['203.0.113.0/24'] },
    });
    expect(requests[2]!.body).toMatchObject({ pool: { listener_id: '<load-balancers.http.createdListener>', protocol: 'HTTP', lb_algorithm: 'ROUND_ROBIN' } });
    expect(requests[3]!.body).toEqual({ member: { name: 'vm-1', address: '10.0.0.45', protocol_port: 80, weight: 1, subnet_id: 's1' } });
    expect(requests[5]!.body).toEqual({
      healthmonitor: { pool_id: '<load-balancers.http.createdPool>', type: 'HTTP', delay: 5, timeout: 3, max_retries: 3, max_retries_down: 3, http_method: 'GET', url_path: '/', expected_codes: '200' },
    });
    // Every call after the load balancer's waits for it to leave PENDING_*.
    expect(requests.map((request) => request.settle !== undefined)).toEqual([false, true, true, true, true, true]);
  });

  it('shows the same as openstack commands that wait, naming the parts by the names typed', () => {
    expect(createLoadBalancer.cli(project, input)).toEqual([
      ['loadbalancer', 'create', '--name', 'web', '--vip-subnet-id', 's1', '--wait'],
      ['loadbalancer', 'listener', 'create', '--protocol', 'HTTP', '--protocol-port', '80', '--name', 'http', '--allowed-cidr', '203.0.113.0/24', '--wait', 'web'],
      ['loadbalancer', 'pool', 'create', '--name', 'app', '--protocol', 'HTTP', '--lb-algorithm', 'ROUND_ROBIN', '--listener', 'http', '--wait'],
      ['loadbalancer', 'member', 'create', '--name', 'vm-1', '--address', '10.0.0.45', '--protocol-port', '80', '--weight', '1', '--subnet-id', 's1', '--wait', 'app'],
      ['loadbalancer', 'member', 'create', '--name', 'vm-2', '--address', '10.0.0.105', '--protocol-port', '80', '--weight', '1', '--subnet-id', 's1', '--wait', 'app'],
      ['loadbalancer', 'healthmonitor', 'create', '--type', 'HTTP', '--delay', '5', '--timeout', '3', '--max-retries', '3', '--max-retries-down', '3', '--http-method', 'GET', '--url-path', '/', '--expected-codes', '200', '--wait', 'app'],
    ]);
  });

  it('without a listener hangs the pool on the load balancer; without a pool sends nothing more', () => {
    const bare = requestsInOrder(createLoadBalancer.request(project, { ...input, draft: { ...flow, listener: null } })).requests;
    expect(bare[1]!.body).toMatchObject({ pool: { loadbalancer_id: '<load-balancers.http.createdLoadBalancer>' } });
    expect(requestsInOrder(createLoadBalancer.request(project, { ...input, draft: { ...flow, listener: null, pool: null } })).requests).toHaveLength(1);
  });

  it('counts what it adds against the Octavia quotas', () => {
    expect(flowQuotaAdds(flow)).toEqual({ 'load-balancers': 1, listeners: 1, pools: 1, members: 2, 'health-monitors': 1 });
    expect(flowQuotaAdds({ ...flow, pool: null })).toEqual({ 'load-balancers': 1, listeners: 1, pools: 0, members: 0, 'health-monitors': 0 });
  });
});

describe('waiting out PENDING_*', () => {
  it("retries only on Octavia's busy refusals, not on a duplicate listener", () => {
    const { busy } = settleOn('lb1')!;
    expect(busy(new ApiError(409, 'load-balancer', 'Invalid state PENDING_UPDATE of loadbalancer resource lb1'))).toBe(true);
    expect(busy(new ApiError(409, 'load-balancer', 'Load Balancer lb1 is immutable and cannot be updated.'))).toBe(true);
    expect(busy(new ApiError(409, 'load-balancer', 'Another Listener on this Load Balancer is already using protocol HTTP and protocol_port 80'))).toBe(false);
    expect(busy(new ApiError(400, 'load-balancer', 'Invalid state PENDING_UPDATE'))).toBe(false);
  });
});

describe('the load balancer', () => {
  const remove = loadBalancerActions.find((action) => action.id === 'delete')!;

  it('is deleted with everything on it (cascade), with a warning listing what goes', () => {
    expect(remove.request(loadBalancer, undefined)).toMatchObject([
      { method: 'DELETE', path: `/api/os/load-balancer/v2/lbaas/loadbalancers/${loadBalancer.id}`, params: { cascade: true } },
    ]);
    expect(remove.cli(loadBalancer, undefined)).toEqual([['loadbalancer', 'delete', '--cascade', '--wait', loadBalancer.id]]);
    expect(remove.confirmation).toMatchObject({ message: 'load-balancers.actions.delete.confirm', destructive: true });
    expect(remove.confirmation?.Details).toBeDefined();
    expect(remove.bulk).toBe(true);
    expect(remove.unavailableReason({ ...loadBalancer, provisioning_status: 'PENDING_DELETE' })).toBe('load-balancers.unavailable.deleting');
  });

  it("gets a floating IP on its VIP's Neutron port, and loses it", () => {
    const target = { loadBalancer, floatingIp: null };
    expect(associateFloatingIp.request(target, 'fip1')).toEqual([
      { method: 'PUT', path: '/api/os/network/v2.0/floatingips/fip1', body: { floatingip: { port_id: loadBalancer.vip_port_id } } },
    ]);
    expect(associateFloatingIp.cli(target, 'fip1')).toEqual([['floating', 'ip', 'set', '--port', loadBalancer.vip_port_id, 'fip1']]);
    expect(associateFloatingIp.unavailableReason({ ...target, loadBalancer: { ...loadBalancer, vip_port_id: null } })).toBe('load-balancers.unavailable.noVipPort');
    const associated = { loadBalancer, floatingIp: { id: 'fip1' } as never };
    expect(associateFloatingIp.unavailableReason(associated)).toBe('load-balancers.unavailable.hasFloatingIp');
    expect(disassociateFloatingIp.request(associated, undefined)).toEqual([
      { method: 'PUT', path: '/api/os/network/v2.0/floatingips/fip1', body: { floatingip: { port_id: null } } },
    ]);
    expect(disassociateFloatingIp.cli(associated, undefined)).toEqual([['floating', 'ip', 'unset', '--port', 'fip1']]);
    expect(disassociateFloatingIp.unavailableReason(target)).toBe('load-balancers.unavailable.noFloatingIp');
  });
});
