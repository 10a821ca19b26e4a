// A stack's resources as Heat lists them with `nested_depth` (one flat list, the nested stacks' resources among
// them), put back in shape: each stack's resources under the resource that holds that stack, and the graph of their
// dependencies (`required_by`, within one stack) and of that holding. Pure functions, tested without a browser.
import { layoutGraph } from '../../lib/ui/graph-layout';
import { nestedStackOf, owningStackOf } from '../../resources/stacks/resource-links';
import type { StackResource } from '../../resources/stacks/types';

/** A resource in its tree: its depth (0: the page's stack) and its key, unique across the nested stacks. */
export interface PlacedResource {
  key: string;
  depth: number;
  resource: StackResource;
}

/** `<stack id>/<resource name>`: names repeat across nested stacks (a resource group's "0", "1"...). */
export const resourceKey = (stackId: string, name: string) => `${stackId}/${name}`;

const byName = (a: StackResource, b: StackResource) => a.resource_name.localeCompare(b.resource_name, undefined, { numeric: true });

/**
 * The resources in reading order: the stack's own by name, each followed by the resources of the stack it holds
 * (recursively). Resources whose stack is not reached from `rootId` (a nested stack whose holder is missing) come
 * last, at depth 1, rather than being dropped.
 */
export function resourceTree(rootId: string, resources: readonly StackResource[]): PlacedResource[] {
  const byStack = new Map<string, StackResource[]>();
  for (const resource of resources) {
    const stackId = owningStackOf(resource)?.id ?? rootId;
    byStack.set(stackId, [...(byStack.get(stackId) ?? []), resource]);
  }
  const placed: PlacedResource[] = [];
  const visited = new Set<string>();
  const visit = (stackId: string, depth: number) => {
    if (visited.has(stackId)) return;
    visited.add(stackId);
    for (const resource of (byStack.get(stackId) ?? []).sort(byName)) {
      placed.push({ key: resourceKey(stackId, resource.resource_name), depth, resource });
      const nested = nestedStackOf(resource);
      if (nested) visit(nested.id, depth + 1);
    }
  };
  visit(rootId, 0);
  for (const stackId of byStack.keys()) visit(stackId, 1);
  return placed;
}

/** A resource whose last action failed: what explains a failed stack. */
export const isFailedResource = (resource: StackResource) => resource.resource_status.endsWith('_FAILED');

export interface ResourceGraphLink {
  id: string;
  source: string;
  target: string;
  /** `depends`: the target needs the source (Heat makes the source first); `holds`: the source holds the target's stack. */
  kind: 'depends' | 'holds';
}

export const resourceNodeSize = { width: 220, height: 64 } as const;

/**
 * The dependency graph, laid out left to right: from each resource to those that require it, and from a resource
 * holding a nested stack to that stack's resources that nothing else in it requires (its entry points).
 */
export function resourceGraph(rootId: string, resources: readonly StackResource[]) {
  const placed = resourceTree(rootId, resources);
  const stackOf = (resource: StackResource) => owningStackOf(resource)?.id ?? rootId;
  const keys = new Set(placed.map((entry) => entry.key));
  const links: ResourceGraphLink[] = [];
  /** Resources that need another one of their own stack. */
  const dependent = new Set<string>();
  for (const { key, resource } of placed) {
    for (const name of resource.required_by) {
      const target = resourceKey(stackOf(resource), name);
      if (!keys.has(target)) continue;
      links.push({ id: `${key}->${target}`, source: key, target, kind: 'depends' });
      dependent.add(target);
    }
  }
  for (const { key, resource } of placed) {
    const nested = nestedStackOf(resource);
    if (!nested) continue;
    for (const inner of placed) {
      if (stackOf(inner.resource) === nested.id && !dependent.has(inner.key)) links.push({ id: `${key}=>${inner.key}`, source: key, target: inner.key, kind: 'holds' });
    }
  }
  const nodes = layoutGraph(
    placed.map((entry) => ({ ...entry, id: entry.key, ...resourceNodeSize })),
    links,
    { rankdir: 'LR', nodesep: 16, ranksep: 70 },
  );
  return { nodes, links };
}
