// Places the boxes of a graph with dagre, ranked along its links (left to right by default), so boxes never overlap
// and links read in one direction; and wraps many like boxes (a network's instances) into a grid, laid out without
// dagre: ranking hundreds of boxes that all hang from one parent costs dagre seconds and draws them as one column
// a pixel wide once fitted to the view. Pure functions: layouts are tested without a browser. Topology and stacks
// draw what they place with ResourceGraph.
import dagre from '@dagrejs/dagre';

export interface GraphBox {
  id: string;
  width: number;
  height: number;
}

export interface GraphLink {
  id: string;
  source: string;
  target: string;
}

export interface GraphLayoutOptions {
  rankdir?: 'LR' | 'TB';
  /** Space between boxes of one rank. */
  nodesep?: number;
  /** Space between ranks: room for link labels. */
  ranksep?: number;
}

/** The boxes with their top-left corner (as React Flow places nodes); links to unknown boxes are left out. */
export function layoutGraph<Box extends GraphBox>(
  boxes: readonly Box[],
  links: readonly GraphLink[],
  { rankdir = 'LR', nodesep = 20, ranksep = 160 }: GraphLayoutOptions = {},
): (Box & { position: { x: number; y: number } })[] {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir, nodesep, ranksep, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const box of boxes) graph.setNode(box.id, { width: box.width, height: box.height });
  for (const link of links) if (graph.hasNode(link.source) && graph.hasNode(link.target)) graph.setEdge(link.source, link.target, {}, link.id);
  dagre.layout(graph);
  return boxes.map((box) => {
    // dagre.layout has placed every node.
    const { x, y } = graph.node(box.id) as { x: number; y: number };
    return { ...box, position: { x: x - box.width / 2, y: y - box.height / 2 } };
  });
}

/**
 * The frame ResourceGraph draws around a grid of cells: a title bar, then the cells in rows with gaps. Shared by the
 * layout (the frame's size) and the drawing (the same sizes in CSS), so both agree to the pixel.
 */
export const gridFrame = { cellWidth: 184, cellHeight: 48, gap: 8, padding: 10, titleHeight: 36 } as const;

export interface GridLayout {
  columns: number;
  rows: number;
  /** The whole frame, title bar and padding included. */
  width: number;
  height: number;
  /** Top-left corner of cell `index`, relative to the frame's. */
  cellPosition: (index: number) => { x: number; y: number };
}

/**
 * `count` cells wrapped into rows under a title bar, about `aspect` times as wide as high (a landscape frame fits a
 * screen), never more than `maxColumns` wide.
 */
export function gridLayout(count: number, { aspect = 1.6, maxColumns = 24 }: { aspect?: number; maxColumns?: number } = {}): GridLayout {
  const { cellWidth, cellHeight, gap, padding, titleHeight } = gridFrame;
  const pitchX = cellWidth + gap;
  const pitchY = cellHeight + gap;
  // width / height = aspect with width ≈ columns × pitchX and height ≈ (count / columns) × pitchY.
  const columns = Math.max(1, Math.min(count, maxColumns, Math.ceil(Math.sqrt((aspect * count * pitchY) / pitchX))));
  const rows = Math.max(1, Math.ceil(count / columns));
  return {
    columns,
    rows,
    width: 2 * padding + columns * pitchX - gap,
    height: titleHeight + 2 * padding + rows * pitchY - gap,
    cellPosition: (index) => ({ x: padding + (index % columns) * pitchX, y: titleHeight + padding + Math.floor(index / columns) * pitchY }),
  };
}
