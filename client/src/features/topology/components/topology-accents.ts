// The colour of each kind of resource in the topology, shared by the graph's boxes, its minimap and the legend.
import type { GraphAccent } from '../../../lib/ui/resource-graph';
import type { TopologyNodeKind } from '../topology-graph';

export const kindAccent: Record<TopologyNodeKind, GraphAccent> = {
  'external-network': { bar: 'bg-warn-bar', minimap: 'var(--warn-bar)' },
  network: { bar: 'bg-brand', minimap: 'var(--brand)' },
  router: { bar: 'bg-ok-bar', minimap: 'var(--ok-bar)' },
  'load-balancer': { bar: 'bg-info-line', minimap: 'var(--info-line)' },
  instance: { bar: 'bg-fg-muted', minimap: 'var(--fg-muted)' },
};
