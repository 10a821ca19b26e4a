// A graph of resources drawn with React Flow: boxes placed beforehand (graph-layout.ts), each with a colour bar, the
// kind of resource, its name and details; links with optional labels; fit to view, zoom and pan controls and a
// minimap; React Flow's colours from the theme tokens (resource-graph.css). Clicking a box opens the page it names.
// The network topology and a stack's resources are drawn with it.
import '@xyflow/react/dist/style.css';
import './resource-graph.css';
import { Background, Controls, Handle, MarkerType, MiniMap, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import clsx from 'clsx';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';

/** A box's colour: a Tailwind background class for its bar, and the CSS colour the minimap paints it with. */
export interface GraphAccent {
  bar: string;
  minimap: string;
}

export interface GraphNodeView {
  id: string;
  /** Top-left corner and size, as layoutGraph placed it. */
  position: { x: number; y: number };
  width: number;
  height: number;
  /** The kind of resource, already translated (shown small above the name). */
  kind: string;
  name: string;
  details: readonly string[];
  accent: GraphAccent;
  /** The page a click opens; none for resources Zenith has no page for. */
  href?: string;
  /** The box's data-testid; its data-resource-id is `resourceId`. */
  testId: string;
  resourceId: string;
}

export interface GraphEdgeView {
  id: string;
  source: string;
  target: string;
  label?: string;
  className?: string;
}

type ResourceNode = Node<{ view: GraphNodeView }, 'resource'>;

// Links start and end at the sides; nobody draws new ones here, so the handles themselves stay invisible.
const handleClass = '!size-1 !min-h-0 !min-w-0 !border-0 !opacity-0';

function ResourceNodeView({ data: { view } }: NodeProps<ResourceNode>) {
  return (
    <div
      className={clsx(
        'flex h-full w-full overflow-hidden rounded-md border border-line-strong bg-surface text-left shadow-sm',
        view.href && 'cursor-pointer hover:border-focus',
      )}
      data-testid={view.testId}
      data-resource-id={view.resourceId}
    >
      <span aria-hidden="true" className={clsx('w-1.5 shrink-0', view.accent.bar)} />
      <div className="min-w-0 flex-1 px-2.5 py-1.5">
        <p className="truncate text-[10px] font-medium text-fg-muted" title={view.kind}>
          {view.kind}
        </p>
        <p className="truncate text-sm font-semibold text-fg" title={view.name} data-testid="graph-node-name">
          {view.name}
        </p>
        {view.details.length > 0 && <p className="truncate font-mono text-xs text-fg-muted">{view.details.join(', ')}</p>}
      </div>
      <Handle type="target" position={Position.Left} className={handleClass} isConnectable={false} />
      <Handle type="source" position={Position.Right} className={handleClass} isConnectable={false} />
    </div>
  );
}

const nodeTypes = { resource: ResourceNodeView };

export function ResourceGraph({
  nodes,
  edges,
  label,
  minimapLabel,
  testId,
  directed = false,
  className = 'h-[70vh] min-h-96',
}: {
  nodes: readonly GraphNodeView[];
  edges: readonly GraphEdgeView[];
  /** The graph's accessible name. */
  label: string;
  minimapLabel: string;
  testId: string;
  /** Links end with an arrowhead (dependencies); plain lines otherwise (network links). */
  directed?: boolean;
  /** The frame's size. */
  className?: string;
}) {
  const navigate = useNavigate();
  const flowNodes = useMemo<ResourceNode[]>(
    () =>
      nodes.map((view) => ({
        id: view.id,
        type: 'resource',
        position: view.position,
        width: view.width,
        height: view.height,
        data: { view },
        ariaLabel: `${view.kind} ${view.name}`,
      })),
    [nodes],
  );
  const flowEdges = useMemo<Edge[]>(
    () =>
      edges.map((edge) => ({
        id: edge.id,
        source: edge.source,
        target: edge.target,
        label: edge.label || undefined,
        className: edge.className,
        animated: false,
        ...(directed ? { markerEnd: { type: MarkerType.ArrowClosed } } : {}),
      })),
    [edges, directed],
  );
  return (
    <div className={clsx('zenith-graph overflow-hidden rounded-lg border border-line bg-surface', className)} data-testid={testId}>
      <ReactFlow
        nodes={flowNodes}
        edges={flowEdges}
        nodeTypes={nodeTypes}
        fitView
        fitViewOptions={{ padding: 0.1 }}
        minZoom={0.05}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        onNodeClick={(_, node) => {
          if (node.data.view.href) void navigate(node.data.view.href);
        }}
        proOptions={{ hideAttribution: true }}
        aria-label={label}
      >
        <Background />
        <Controls showInteractive={false} />
        <MiniMap
          pannable
          zoomable
          position="top-right"
          style={{ width: 160, height: 100 }}
          nodeColor={(node: ResourceNode) => node.data.view.accent.minimap}
          ariaLabel={minimapLabel}
        />
      </ReactFlow>
    </div>
  );
}
