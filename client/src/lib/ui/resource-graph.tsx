// A graph of resources drawn with React Flow: boxes placed beforehand (graph-layout.ts), each with a colour bar, the
// kind of resource, its name and details; links with optional labels; fit to view, zoom and pan controls and a
// minimap; React Flow's colours from the theme tokens (resource-graph.css). Clicking a box opens the page it names.
// Many like resources can be drawn as one group box (their count, a button to expand it) or as one grid box (a
// frame of small cells, a button to collapse it): one React Flow node either way, so a grid of hundreds costs the
// graph one node, and its cells are added a batch per frame so no frame waits for all of them. The network
// topology and a stack's resources are drawn with it.
import '@xyflow/react/dist/style.css';
import './resource-graph.css';
import { Background, Controls, Handle, MarkerType, MiniMap, Position, ReactFlow, useReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import clsx from 'clsx';
import { memo, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { Link, useNavigate } from 'react-router';
import { gridFrame } from './graph-layout';

/** A box's colour: a Tailwind background class for its bar, and the CSS colour the minimap paints it with. */
export interface GraphAccent {
  bar: string;
  minimap: string;
}

interface GraphBoxView {
  id: string;
  /** Top-left corner and size, as the layout placed it. */
  position: { x: number; y: number };
  width: number;
  height: number;
  accent: GraphAccent;
  /** The box's data-testid. */
  testId: string;
}

/** One resource. */
export interface GraphNodeView extends GraphBoxView {
  type?: 'resource';
  /** The kind of resource, already translated (shown small above the name). */
  kind: string;
  name: string;
  details: readonly string[];
  /** The page a click opens; none for resources Zenith has no page for. */
  href?: string;
  /** The box's data-resource-id. */
  resourceId: string;
  /** Marked (a search found it): ringed, and `data-match` set. */
  highlighted?: boolean;
}

/** Many resources drawn as their count, with a button that asks for them one by one (`onToggleGroup`). */
export interface GraphGroupView extends GraphBoxView {
  type: 'group';
  groupId: string;
  /** Shown small above the title: what the resources are and where. */
  kind: string;
  title: string;
  details: readonly string[];
  count: number;
  toggleLabel: string;
}

/** A cell of a grid: one resource, small. */
export interface GraphCellView {
  id: string;
  name: string;
  details: readonly string[];
  href?: string;
  testId: string;
  resourceId: string;
  highlighted?: boolean;
}

/** Many resources drawn as cells in a frame (`columns` wide, as gridLayout placed them), with a button that collapses them. */
export interface GraphGridView extends GraphBoxView {
  type: 'grid';
  groupId: string;
  title: string;
  columns: number;
  cells: readonly GraphCellView[];
  toggleLabel: string;
}

export type GraphView = GraphNodeView | GraphGroupView | GraphGridView;

export interface GraphEdgeView {
  id: string;
  source: string;
  target: string;
  label?: string;
  className?: string;
}

/** A part of the graph to bring into view (graph coordinates); a new object each time it should move there. */
export interface GraphFocus {
  x: number;
  y: number;
  width: number;
  height: number;
}

type ResourceNode = Node<{ view: GraphNodeView }, 'resource'>;
type GroupNode = Node<{ view: GraphGroupView; onToggle?: (groupId: string) => void }, 'group'>;
type GridNode = Node<{ view: GraphGridView; onToggle?: (groupId: string) => void }, 'grid'>;
type AnyNode = ResourceNode | GroupNode | GridNode;

// Links start and end at the sides; nobody draws new ones here, so the handles themselves stay invisible.
const handleClass = '!size-1 !min-h-0 !min-w-0 !border-0 !opacity-0';
const matchClass = 'ring-4 ring-focus';

function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Left} className={handleClass} isConnectable={false} />
      <Handle type="source" position={Position.Right} className={handleClass} isConnectable={false} />
    </>
  );
}

function ResourceNodeView({ data: { view } }: NodeProps<ResourceNode>) {
  return (
    <div
      className={clsx(
        'flex h-full w-full overflow-hidden rounded-md border border-line-strong bg-surface text-left shadow-sm',
        view.href && 'cursor-pointer hover:border-focus',
        view.highlighted && matchClass,
      )}
      data-testid={view.testId}
      data-resource-id={view.resourceId}
      data-match={view.highlighted || undefined}
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
      <Handles />
    </div>
  );
}

function GroupNodeView({ data: { view, onToggle } }: NodeProps<GroupNode>) {
  return (
    <div
      className="flex h-full w-full overflow-hidden rounded-md border border-line-strong bg-surface text-left shadow-[4px_4px_0_-1px_var(--surface),4px_4px_0_0_var(--line-strong)]"
      data-testid={view.testId}
      data-group-id={view.groupId}
      data-count={view.count}
    >
      <span aria-hidden="true" className={clsx('w-1.5 shrink-0', view.accent.bar)} />
      <div className="min-w-0 flex-1 px-2.5 py-1.5">
        <p className="truncate text-[10px] font-medium text-fg-muted" title={view.kind}>
          {view.kind}
        </p>
        <p className="truncate text-sm font-semibold text-fg">{view.title}</p>
        {view.details.length > 0 && <p className="truncate font-mono text-xs text-fg-muted">{view.details.join(', ')}</p>}
        <button type="button" className="mt-0.5 text-xs font-medium text-brand hover:underline" onClick={() => onToggle?.(view.groupId)}>
          {view.toggleLabel}
        </button>
      </div>
      <Handles />
    </div>
  );
}

/**
 * How many of `total` items to render: `first` at once (a batch by default), then `batch` more each frame, as
 * committing hundreds of items in one frame is a long task.
 */
export function useGrowingCount(total: number, batch: number, first = batch): number {
  const [count, setCount] = useState(() => Math.min(total, first));
  useEffect(() => {
    if (count >= total) return;
    const frame = requestAnimationFrame(() => setCount((current) => current + batch));
    return () => cancelAnimationFrame(frame);
  }, [count, total, batch]);
  return Math.min(count, total);
}

// A cell is a link with two lines of text: 60 of them took a frame of 100–200 ms on a loaded machine when a 300-instance group opened.
const cellsPerFrame = 20;

/** Redrawn only when what it shows changes: the cells are new objects each time the graph is drawn. */
const GridCell = memo(function GridCell({ cell }: { cell: GraphCellView }) {
  const className = clsx(
    'block overflow-hidden rounded border border-line bg-surface px-2 py-1 text-left',
    cell.href && 'hover:border-focus',
    cell.highlighted && matchClass,
  );
  const content = (
    <>
      <span className="block truncate text-xs font-semibold text-fg" title={cell.name} data-testid="graph-node-name">
        {cell.name}
      </span>
      <span className="block truncate font-mono text-[11px] text-fg-muted">{cell.details.join(' · ')}</span>
    </>
  );
  const attributes = { 'data-testid': cell.testId, 'data-resource-id': cell.resourceId, 'data-match': cell.highlighted || undefined };
  return cell.href ? (
    <Link to={cell.href} className={className} {...attributes}>
      {content}
    </Link>
  ) : (
    <div className={className} {...attributes}>
      {content}
    </div>
  );
}, sameCell);

function sameCell({ cell: a }: { cell: GraphCellView }, { cell: b }: { cell: GraphCellView }): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.href === b.href &&
    a.testId === b.testId &&
    a.resourceId === b.resourceId &&
    a.highlighted === b.highlighted &&
    a.details.join('\n') === b.details.join('\n')
  );
}

function GridNodeView({ data: { view, onToggle } }: NodeProps<GridNode>) {
  const shown = useGrowingCount(view.cells.length, cellsPerFrame);
  const { cellWidth, cellHeight, gap, padding, titleHeight } = gridFrame;
  return (
    <div className="h-full w-full overflow-hidden rounded-md border border-line-strong bg-sunken text-left shadow-sm" data-testid={view.testId} data-group-id={view.groupId}>
      <div className="flex items-center gap-2 border-b border-line bg-surface px-2.5" style={{ height: titleHeight }}>
        <span aria-hidden="true" className={clsx('h-4 w-1.5 shrink-0 rounded-sm', view.accent.bar)} />
        <p className="min-w-0 flex-1 truncate text-sm font-semibold text-fg">{view.title}</p>
        <button type="button" className="text-xs font-medium text-brand hover:underline" onClick={() => onToggle?.(view.groupId)}>
          {view.toggleLabel}
        </button>
      </div>
      <div
        className="grid"
        style={{ gridTemplateColumns: `repeat(${view.columns}, ${cellWidth}px)`, gridAutoRows: `${cellHeight}px`, gap, padding }}
        aria-busy={shown < view.cells.length || undefined}
      >
        {view.cells.slice(0, shown).map((cell) => (
          <GridCell key={cell.id} cell={cell} />
        ))}
      </div>
      <Handles />
    </div>
  );
}

const nodeTypes = { resource: ResourceNodeView, group: GroupNodeView, grid: GridNodeView };
// Never closer than life size: the first boxes drawn (networks and routers, before the ports) would fill the frame.
const fitViewOptions = { padding: 0.1, maxZoom: 1 };

/** A focus at least this big: a single cell would otherwise fill the frame at the largest zoom. */
const smallestFocus = { width: 900, height: 500 };

/** Fits the graph to the view again when `fitKey` changes (more of it arrived), unless the user has panned or zoomed since. */
function Refit({ fitKey, userMoved }: { fitKey?: string; userMoved: RefObject<boolean> }) {
  const { fitView } = useReactFlow();
  const fitted = useRef(fitKey);
  useEffect(() => {
    if (fitted.current === fitKey) return;
    fitted.current = fitKey;
    if (!userMoved.current) void fitView(fitViewOptions);
  }, [fitKey, fitView, userMoved]);
  return null;
}

/** Brings `focus` into view; when it goes (a search cleared), the whole graph again. */
function FocusOn({ focus }: { focus?: GraphFocus }) {
  const { fitBounds, fitView } = useReactFlow();
  const focused = useRef(false);
  useEffect(() => {
    if (!focus) {
      if (focused.current) void fitView({ ...fitViewOptions, duration: 300 });
      focused.current = false;
      return;
    }
    focused.current = true;
    const width = Math.max(focus.width, smallestFocus.width);
    const height = Math.max(focus.height, smallestFocus.height);
    void fitBounds({ x: focus.x + focus.width / 2 - width / 2, y: focus.y + focus.height / 2 - height / 2, width, height }, { padding: 0.1, duration: 300 });
  }, [focus, fitBounds, fitView]);
  return null;
}

export function ResourceGraph({
  nodes,
  edges,
  label,
  minimapLabel,
  testId,
  directed = false,
  className = 'h-[70vh] min-h-96',
  onToggleGroup,
  focus,
  fitKey,
}: {
  nodes: readonly GraphView[];
  edges: readonly GraphEdgeView[];
  /** The graph's accessible name. */
  label: string;
  minimapLabel: string;
  testId: string;
  /** Links end with an arrowhead (dependencies); plain lines otherwise (network links). */
  directed?: boolean;
  /** The frame's size. */
  className?: string;
  /** A group's or a grid's button was pressed. */
  onToggleGroup?: (groupId: string) => void;
  focus?: GraphFocus;
  /** A new value fits the graph to the view again (as on first drawing), until the user pans or zooms. */
  fitKey?: string;
}) {
  const navigate = useNavigate();
  const userMoved = useRef(false);
  const flowNodes = useMemo<AnyNode[]>(
    () =>
      nodes.map((view): AnyNode => {
        const box = { id: view.id, position: view.position, width: view.width, height: view.height };
        if (view.type === 'group') return { ...box, type: 'group', data: { view, onToggle: onToggleGroup }, ariaLabel: `${view.kind}: ${view.title}` };
        if (view.type === 'grid') return { ...box, type: 'grid', data: { view, onToggle: onToggleGroup }, ariaLabel: view.title };
        return { ...box, type: 'resource', data: { view }, ariaLabel: `${view.kind} ${view.name}` };
      }),
    [nodes, onToggleGroup],
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
        fitViewOptions={fitViewOptions}
        onMoveStart={(event) => {
          // Moves made by code (fitting, focusing) come without an event.
          if (event) userMoved.current = true;
        }}
        minZoom={0.05}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        onNodeClick={(_, node) => {
          if (node.type === 'resource' && node.data.view.href) void navigate(node.data.view.href);
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
          nodeColor={(node: AnyNode) => node.data.view.accent.minimap}
          ariaLabel={minimapLabel}
        />
        <FocusOn focus={focus} />
        <Refit fitKey={fitKey} userMoved={userMoved} />
      </ReactFlow>
    </div>
  );
}
