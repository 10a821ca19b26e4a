// What each action acts on: a part of a load balancer with the load balancer itself, whose PENDING_* state every
// write on the part waits out, and the inputs whose checks need what the form read (subnets, the ports in use).
import type { FloatingIp } from '../../../resources/floating-ips/types';
import type { HealthMonitor, L7Policy, L7Rule, Listener, LoadBalancer, Member, Pool } from '../../../resources/load-balancers/types';
import type { HealthMonitorDraft, ListenerDraft, LoadBalancerFlow, MemberDraft, PoolDraft } from './drafts';
import type { CheckContext, UsedPort } from './validation';

export interface ListenerTarget {
  loadBalancer: LoadBalancer;
  listener: Listener;
}

export interface PoolTarget {
  loadBalancer: LoadBalancer;
  pool: Pool;
  /** The protocol of the listener the pool serves, when it has one (the monitor and member checks read it). */
  listenerProtocol?: Listener['protocol'];
}

export interface MemberTarget {
  loadBalancer: LoadBalancer;
  pool: Pool;
  member: Member;
}

export interface HealthMonitorTarget {
  loadBalancer: LoadBalancer;
  pool: Pool;
  healthMonitor: HealthMonitor;
}

export interface L7PolicyTarget {
  loadBalancer: LoadBalancer;
  listener: Listener;
  policy: L7Policy;
}

export interface L7RuleTarget {
  loadBalancer: LoadBalancer;
  policy: L7Policy;
  rule: L7Rule;
}

export interface VipFloatingIpTarget {
  loadBalancer: LoadBalancer;
  /** The floating IP on the VIP port, if any. */
  floatingIp: FloatingIp | null;
}

/** Checks that need the project's subnets and the catalog: the form fills `context` in once it has read them. */
export interface Checked<Draft> {
  draft: Draft;
  context: CheckContext;
}

export type FlowInput = Checked<LoadBalancerFlow>;
export type ListenerInput = Checked<ListenerDraft> & { usedPorts: UsedPort[] };
export type PoolInput = PoolDraft;
export type MemberInput = Checked<MemberDraft> & { others: MemberDraft[] };
export type HealthMonitorInput = HealthMonitorDraft;

export const emptyContext = (): CheckContext => ({ subnets: [], keyManager: false });
