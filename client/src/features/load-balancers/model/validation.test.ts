import { describe, expect, it } from 'vitest';
import { emptyHealthMonitor, emptyListener, emptyMember, emptyPool, emptyFlow } from './drafts';
import { flowProblems, healthMonitorProblems, listenerProblems, memberProblems, poolProblems, type CheckContext } from './validation';

const context: CheckContext = { subnets: [{ id: 's1', cidr: '10.0.0.0/24' }], keyManager: false };
const codes = (problems: { code: string }[]) => problems.map((problem) => problem.code);

describe('checks before sending, as Octavia would refuse', () => {
  it('refuses a port out of range, and a listener port the load balancer already uses on the same transport', () => {
    expect(codes(listenerProblems({ ...emptyListener(), port: '0' }, context))).toEqual(['portInvalid']);
    expect(codes(listenerProblems({ ...emptyListener(), port: '65536' }, context))).toEqual(['portInvalid']);
    expect(codes(listenerProblems({ ...emptyListener(), port: '80' }, context, [{ protocol: 'HTTP', port: 80 }]))).toEqual(['portInUse']);
    // UDP and TCP may share a number.
    expect(listenerProblems({ ...emptyListener(), protocol: 'UDP', port: '80' }, context, [{ protocol: 'TCP', port: 80 }])).toEqual([]);
  });

  it('refuses TERMINATED_HTTPS without a key manager, and asks for the certificate with one', () => {
    const tls = { ...emptyListener(), protocol: 'TERMINATED_HTTPS' as const, port: '443' };
    expect(codes(listenerProblems(tls, context))).toEqual(['tlsNeedsKeyManager']);
    expect(codes(listenerProblems(tls, { ...context, keyManager: true }))).toEqual(['tlsContainerMissing']);
  });

  it('checks connection limit, timeouts in ms and allowed CIDRs', () => {
    const listener = { ...emptyListener(), connectionLimit: '-2', timeoutClientData: '1.5', allowedCidrs: '10.0.0.0/24\nnot-a-cidr' };
    expect(listenerProblems(listener, context)).toEqual([
      { field: 'connectionLimit', code: 'connectionLimitInvalid' },
      { field: 'timeoutClientData', code: 'timeoutInvalid' },
      { field: 'allowedCidrs', code: 'cidrInvalid' },
    ]);
  });

  it('refuses a member address outside its subnet, a bad weight and a duplicate', () => {
    expect(codes(memberProblems({ ...emptyMember(), address: '192.168.1.5' }, 's1', context))).toEqual(['memberOutsideSubnet']);
    expect(codes(memberProblems({ ...emptyMember(), address: '10.0.0.5', weight: '257' }, 's1', context))).toEqual(['weightInvalid']);
    expect(codes(memberProblems({ ...emptyMember(), address: '10.0.0.5' }, 's1', context, [{ address: '10.0.0.5', port: '80' }]))).toEqual(['memberDuplicate']);
    expect(memberProblems({ ...emptyMember(), address: '10.0.0.5' }, 's1', context)).toEqual([]);
  });

  it('refuses a monitor whose timeout is over its delay, bad HTTP checks and a type the pool protocol cannot take', () => {
    expect(healthMonitorProblems({ ...emptyHealthMonitor(), delay: '3', timeout: '5' }, 'HTTP')).toEqual([{ field: 'timeout', code: 'monitorTimeoutOverDelay' }]);
    expect(codes(healthMonitorProblems({ ...emptyHealthMonitor(), urlPath: 'health', expectedCodes: '2xx' }, 'HTTP'))).toEqual(['urlPathInvalid', 'expectedCodesInvalid']);
    expect(codes(healthMonitorProblems(emptyHealthMonitor('UDP-CONNECT'), 'HTTP'))).toEqual(['monitorTypeMismatch']);
    expect(codes(healthMonitorProblems(emptyHealthMonitor('PING'), 'UDP'))).toEqual(['monitorTypeMismatch']);
  });

  it('pairs pool and listener protocols as Octavia does', () => {
    expect(codes(poolProblems(emptyPool('TCP'), 'HTTP'))).toEqual(['poolProtocolMismatch']);
    expect(poolProblems(emptyPool('TCP'), 'HTTPS')).toEqual([]);
    expect(codes(poolProblems({ ...emptyPool(), persistence: 'APP_COOKIE' }, 'HTTP'))).toEqual(['cookieNameMissing']);
  });

  it('gives each step of the flow its own problems, members named by their place', () => {
    const flow = { ...emptyFlow(), members: [{ ...emptyMember(), address: '10.0.0.5' }, { ...emptyMember(), address: '172.16.0.1' }] };
    const problems = flowProblems(flow, context);
    expect(problems.loadBalancer).toEqual([{ field: 'vipSubnetId', code: 'vipMissing' }]);
    flow.loadBalancer = { ...flow.loadBalancer, vipSubnetId: 's1', vipAddress: '10.0.1.9' };
    const again = flowProblems(flow, context);
    expect(again.loadBalancer).toEqual([{ field: 'vipAddress', code: 'vipAddressOutsideSubnet' }]);
    expect(again.members).toEqual([{ field: 'members.1.address', code: 'memberOutsideSubnet' }]);
    expect(again.listener).toEqual([]);
    expect(flowProblems({ ...flow, pool: null }, context).members).toEqual([]);
  });
});
