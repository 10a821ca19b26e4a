// Places the boxes of a graph with dagre, ranked along its links (left to right by default), so boxes never overlap
// and links read in one direction. A pure function: layouts are tested without a browser. Topology and stacks
// draw what it places with ResourceGraph.
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
