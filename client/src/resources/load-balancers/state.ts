// What Octavia's statuses (types.ts ProvisioningStatus, OperatingStatus; newer ones read as unknown) say: whether a load balancer is still being worked on (writes on it are refused meanwhile,
// and a page keeps polling it), and the tone each status shows in.
import { ApiError } from '../../lib/api/api-error';
import type { StatusTone } from '../../lib/ui/status-dot';
import type { StatusTree } from './types';

export function isPending(status: string): boolean {
  return status.startsWith('PENDING_');
}

export function provisioningTone(status: string): StatusTone {
  if (status === 'ACTIVE') return 'ok';
  if (status === 'ERROR') return 'error';
  return isPending(status) ? 'busy' : 'idle';
}

export function operatingTone(status: string): StatusTone {
  if (status === 'ONLINE') return 'ok';
  if (status === 'ERROR') return 'error';
  if (status === 'DEGRADED' || status === 'DRAINING') return 'busy';
  return 'idle';
}

/**
 * Octavia's refusal of a write because the load balancer is PENDING_* (ImmutableObject, LBPendingStateError): both
 * 409, as is a duplicate listener or member, so the words tell them apart.
 */
export function isBusyRefusal(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && /immutable|Invalid state PENDING_/i.test(error.message);
}

/** Every part's statuses by id, from Octavia's status tree (what `openstack loadbalancer status show` prints). */
export function statusIndex(tree: StatusTree): ReadonlyMap<string, { provisioning: string; operating: string }> {
  const index = new Map<string, { provisioning: string; operating: string }>();
  const add = (part: { id: string; provisioning_status: string; operating_status: string }) =>
    index.set(part.id, { provisioning: part.provisioning_status, operating: part.operating_status });
  add(tree.loadbalancer);
  for (const listener of tree.loadbalancer.listeners) {
    add(listener);
    for (const pool of listener.pools) {
      add(pool);
      if (pool.health_monitor) add(pool.health_monitor);
      pool.members.forEach(add);
    }
  }
  return index;
}
