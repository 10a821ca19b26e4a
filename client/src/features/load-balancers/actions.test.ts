import { describe, expect, it } from 'vitest';
import { requestsInOrder } from '../../lib/actions/follow-ups';
import { ApiError } from '../../lib/api/api-error';
import l7PoliciesJson from '../../testing/fixtures/octavia-l7policies.json';
import l7RulesJson from '../../testing/fixtures/octavia-l7rules.json';
import loadBalancersJson from '../../testing/fixtures/octavia-loadbalancers.json';
import type { L7Policy, L7Rule, LoadBalancer } from '../../resources/load-balancers/types';
import { associateFloatingIp, createLoadBalancer, disassociateFloatingIp, flowQuotaAdds, l7RuleActions, loadBalancerActions, settleOn } from './actions';
import { emptyFlow, emptyMember, l7RuleDraftOf, type L7RuleDraft, type LoadBalancerFlow } from './model/drafts';
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

describe('an L7 rule', () => {
  const edit = l7RuleActions.find((action) => action.id === 'edit-l7rule')!;
  const policy = l7PoliciesJson.l7policies[0] as L7Policy;
  const rule = l7RulesJson.rules[0] as L7Rule;
  const path = `/api/os/load-balancer/v2/lbaas/l7policies/${policy.id}/rules/${rule.id}`;
  const target = (changes: Partial<L7Rule> = {}) => ({ loadBalancer, policy, rule: { ...rule, ...changes } });
  const draft = (changes: Partial<L7RuleDraft> = {}) => ({ ...l7RuleDraftOf(rule), ...changes });

  it('is edited from the rule itself, sending only what changed, once the load balancer left PENDING', () => {
    const [request] = edit.request(target(), draft({ value: ' /private ' }));
    expect(request).toMatchObject({ method: 'PUT', path, body: { rule: { value: '/private' } } });
    expect(JSON.parse(JSON.stringify(request!.body))).toEqual({ rule: { value: '/private' } });
    expect(request!.settle).toBeDefined();
    expect(edit.cli(target(), draft({ value: '/private' }))).toEqual([['loadbalancer', 'l7rule', 'set', '--value', '/private', '--wait', policy.id, rule.id]]);
    expect(edit.input?.initial(target())).toEqual({ type: 'PATH', compareType: 'STARTS_WITH', key: '', value: '/admin', invert: false });
    expect(edit.input?.invalidReason?.(draft(), target())).toBe('load-balancers.problems.nothingToSend');
    expect(edit.input?.invalidReason?.(draft({ value: '' }), target())).toBe('load-balancers.problems.ruleValueMissing');
    expect(edit.unavailableReason(target())).toBeNull();
    expect(edit.unavailableReason({ ...target(), loadBalancer: { ...loadBalancer, provisioning_status: 'PENDING_DELETE' } })).toBe('load-balancers.unavailable.deleting');
  });

  it('sends the key only with the types that have one: always with a new such type, cleared when the type drops it', () => {
    const toHeader = draft({ type: 'HEADER', key: 'X-Env', compareType: 'EQUAL_TO' });
    expect(edit.request(target(), toHeader)[0]!.body).toEqual({ rule: { type: 'HEADER', compare_type: 'EQUAL_TO', key: 'X-Env' } });
    expect(edit.cli(target(), toHeader)).toEqual([
      ['loadbalancer', 'l7rule', 'set', '--type', 'HEADER', '--compare-type', 'EQUAL_TO', '--key', 'X-Env', '--wait', policy.id, rule.id],
    ]);
    const header = target({ type: 'HEADER', key: 'X-Env' });
    // Same type, same key: only the value goes, even though a HEADER rule has a key.
    expect(JSON.parse(JSON.stringify(edit.request(header, { ...toHeader, compareType: 'STARTS_WITH', value: '/b' })[0]!.body))).toEqual({ rule: { value: '/b' } });
    expect(edit.request(header, { ...toHeader, compareType: 'STARTS_WITH', key: 'X-Stage' })[0]!.body).toEqual({ rule: { key: 'X-Stage' } });
    // Back to PATH: the key the rule kept is cleared, which `l7rule set` cannot do.
    expect(edit.request(header, draft({ key: 'X-Env' }))[0]!.body).toEqual({ rule: { type: 'PATH', key: null } });
    expect(edit.cli(header, draft({ key: 'X-Env' }))).toEqual([
      ['loadbalancer', 'l7rule', 'set', '--type', 'PATH', '--wait', policy.id, rule.id],
      ['loadbalancer', 'l7rule', 'unset', '--key', '--wait', policy.id, rule.id],
    ]);
  });

  it("keeps an inverted rule inverted (Octavia's PUT resets a left-out invert), and turns it back with unset", () => {
    const inverted = target({ invert: true });
    expect(edit.request(inverted, draft({ invert: true, value: '/b' }))[0]!.body).toEqual({ rule: { value: '/b', invert: true } });
    expect(edit.cli(inverted, draft({ invert: true, value: '/b' }))).toEqual([['loadbalancer', 'l7rule', 'set', '--value', '/b', '--invert', '--wait', policy.id, rule.id]]);
    expect(edit.request(inverted, draft())[0]!.body).toEqual({ rule: { invert: false } });
    expect(edit.cli(inverted, draft())).toEqual([['loadbalancer', 'l7rule', 'unset', '--invert', '--wait', policy.id, rule.id]]);
    expect(edit.request(target(), draft({ invert: true }))[0]!.body).toEqual({ rule: { invert: true } });
  });
});
