// One resource in the graph: its kind (colour bar, word), name and details, with the handles React Flow draws the
// links from (left: towards the outside world, right: towards the instances).
import clsx from 'clsx';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { TopologyNode, TopologyNodeKind } from '../topology-graph';

export type ResourceNode = Node<{ resource: TopologyNode }, 'resource'>;

/** The colour of each kind, shared by the nodes, the minimap and the legend. */
export const kindAccent: Record<TopologyNodeKind, { bar: string; minimap: string }> = {
  'external-network': { bar: 'bg-warn-bar', minimap: 'var(--warn-bar)' },
  network: { bar: 'bg-brand', minimap: 'var(--brand)' },
  router: { bar: 'bg-ok-bar', minimap: 'var(--ok-bar)' },
  instance: { bar: 'bg-fg-muted', minimap: 'var(--fg-muted)' },
};

// Links start and end at the sides; nobody draws new ones here, so the handles themselves stay invisible.
const handleClass = '!size-1 !min-h-0 !min-w-0 !border-0 !opacity-0';

export function ResourceNodeView({ data: { resource } }: NodeProps<ResourceNode>) {
  const { t } = useTranslation();
  return (
    <div
      className="flex h-full w-full cursor-pointer overflow-hidden rounded-md border border-line-strong bg-surface text-left shadow-sm hover:border-focus"
      data-testid={`topology-node-${resource.kind}`}
      data-resource-id={resource.resourceId}
    >
      <span aria-hidden="true" className={clsx('w-1.5 shrink-0', kindAccent[resource.kind].bar)} />
      <div className="min-w-0 flex-1 px-2.5 py-1.5">
        <p className="text-[10px] font-medium tracking-wide text-fg-muted uppercase">{t(`topology.kinds.${resource.kind}`)}</p>
        <p className="truncate text-sm font-semibold text-fg" title={resource.name} data-testid="topology-node-name">
          {resource.name}
        </p>
        {resource.details.length > 0 && <p className="truncate font-mono text-xs text-fg-muted">{resource.details.join(', ')}</p>}
      </div>
      <Handle type="target" position={Position.Left} className={handleClass} isConnectable={false} />
      <Handle type="source" position={Position.Right} className={handleClass} isConnectable={false} />
    </div>
  );
}
