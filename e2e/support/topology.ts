// The topology page's graph as the topology spec reads it: nodes by kind and resource id (React Flow renders
// them; ResourceNodeView tags them), and the fixed IP labels of the links.
import type { Locator, Page } from '@playwright/test';

export type NodeKind = 'external-network' | 'network' | 'router' | 'instance';

export function topologyNode(page: Page, kind: NodeKind, resourceId: string): Locator {
  return page.getByTestId('topology-graph').locator(`[data-testid="topology-node-${kind}"][data-resource-id="${resourceId}"]`);
}

/** React Flow draws each edge label as text inside the graph's SVG layer; matched whole (10.0.0.1 ≠ 10.0.0.12). */
export function linkLabel(page: Page, text: string): Locator {
  const whole = new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return page.getByTestId('topology-graph').locator('.react-flow__edge-text').filter({ hasText: whole });
}
