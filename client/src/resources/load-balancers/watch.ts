// Load balancers a write was just sent to (a child's too: it makes its load balancer PENDING_UPDATE), pending until
// Octavia's answer says they settled (lib/api/resource-watch).
import { createWatchStore } from '../../lib/api/resource-watch';
import type { LoadBalancer } from './types';

const loadBalancers = createWatchStore<LoadBalancer>();

export const {
  watch: watchLoadBalancer,
  unwatch: unwatchLoadBalancer,
  useWatched: useWatchedLoadBalancers,
  useWatch: useLoadBalancerWatch,
} = loadBalancers;
