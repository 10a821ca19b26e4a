// A stack's resources, those of its nested stacks under the resource holding each: type, status with Heat's reason,
// and what each one made, linked to its Zenith page where there is one. The same resources drawn as a graph of
// their dependencies, and the failed ones listed first thing on the page when the stack failed.
import clsx from 'clsx';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AlertIcon } from '../../../lib/ui/icons';
import { ResourceGraph, type GraphAccent, type GraphNodeView } from '../../../lib/ui/resource-graph';
import type { StatusTone } from '../../../lib/ui/status-dot';
import { owningStackOf, resourcePagePath, useSubnetNetworks } from '../../../resources/stacks/resource-links';
import { heatStatusTone } from '../../../resources/stacks/stack-state';
import type { Stack, StackResource } from '../../../resources/stacks/types';
import { isFailedResource, resourceGraph, resourceTree } from '../stack-resources';
import { useHeatDate } from './stack-overview';
import { indentClass } from './indent';
import { HeatStatusBadge, StatusReason, useHeatStatusLabel } from './stack-status';

/** What a resource made: a link to its Zenith page, or its id as Heat gives it. */
function PhysicalResource({ resource, subnetNetworks }: { resource: StackResource; subnetNetworks?: ReadonlyMap<string, string> }) {
  const path = resourcePagePath(resource, subnetNetworks);
  const id = resource.physical_resource_id;
  if (!id && !path) return <span className="text-fg-muted">—</span>;
  const text = <code className="font-mono text-xs break-all">{id || path}</code>;
  return path ? (
    <Link to={path} className="text-brand hover:underline" data-testid="resource-link">
      {text}
    </Link>
  ) : (
    <span className="select-all" data-testid="resource-physical-id">
      {text}
    </span>
  );
}

function Head({ labels }: { labels: string[] }) {
  return (
    <thead>
      <tr className="text-left text-xs text-fg-muted">
        {labels.map((label) => (
          <th key={label} scope="col" className="py-1 pr-3 font-medium">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function StackResourcesTable({ stack, resources }: { stack: Stack; resources: readonly StackResource[] }) {
  const { t } = useTranslation();
  const date = useHeatDate();
  const subnetNetworks = useSubnetNetworks(resources);
  const tree = useMemo(() => resourceTree(stack.id, resources), [stack.id, resources]);
  if (tree.length === 0) return <p className="text-sm text-fg-muted">{t('stacks.detail.noResources')}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface p-3">
      <table className="w-full text-sm" data-testid="stack-resources">
        <Head labels={[t('stacks.resources.name'), t('stacks.resources.type'), t('stacks.columns.status'), t('stacks.resources.physical'), t('stacks.columns.updated')]} />
        <tbody>
          {tree.map(({ key, depth, resource }) => {
            const owner = owningStackOf(resource);
            return (
              <tr key={key} className="border-t border-line align-top" data-testid="stack-resource" data-name={resource.resource_name} data-depth={depth}>
                <td className={clsx('py-1.5 pr-3', indentClass(depth))}>
                  <span className="font-medium text-fg">{resource.resource_name}</span>
                  {depth > 0 && owner && <p className="text-xs text-fg-muted">{t('stacks.resources.inNested', { stack: owner.name })}</p>}
                </td>
                <td className="py-1.5 pr-3 font-mono text-xs break-all" data-testid="resource-type">
                  {resource.resource_type}
                </td>
                <td className="py-1.5 pr-3">
                  <HeatStatusBadge status={resource.resource_status} testId="resource-status" />
                  <StatusReason status={resource.resource_status} reason={resource.resource_status_reason} clamp testId="resource-status-reason" />
                </td>
                <td className="py-1.5 pr-3">
                  <PhysicalResource resource={resource} subnetNetworks={subnetNetworks.data} />
                </td>
                <td className="py-1.5 pr-3 whitespace-nowrap">{date(resource.updated_time)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The stack's failure, first thing on its page: Heat's reason, and each failed resource with its own. */
export function StackFailure({ stack, resources }: { stack: Stack; resources: readonly StackResource[] | undefined }) {
  const { t } = useTranslation();
  const statusLabel = useHeatStatusLabel();
  const subnetNetworks = useSubnetNetworks(resources);
  const failed = resourceTree(stack.id, resources ?? []).filter(({ resource }) => isFailedResource(resource));
  return (
    <div role="alert" className="mb-4 flex gap-2 rounded-md border border-danger-line bg-danger-soft px-3 py-2 text-sm text-fg" data-testid="stack-failure">
      <AlertIcon className="mt-0.5 size-4 shrink-0 text-danger" />
      <div className="min-w-0 space-y-2">
        <p className="font-medium">{t('stacks.detail.failed', { status: statusLabel(stack.stack_status) })}</p>
        <p className="break-words whitespace-pre-wrap" data-testid="stack-failure-reason">
          {stack.stack_status_reason}
        </p>
        {failed.length > 0 && (
          <div>
            <p className="font-medium">{t('stacks.detail.failedResources', { count: failed.length })}</p>
            <ul className="mt-1 space-y-1">
              {failed.map(({ key, resource }) => {
                const path = resourcePagePath(resource, subnetNetworks.data);
                const name: ReactNode = path ? (
                  <Link to={path} className="text-brand hover:underline">
                    {resource.resource_name}
                  </Link>
                ) : (
                  resource.resource_name
                );
                return (
                  <li key={key} data-testid="failed-resource" data-name={resource.resource_name}>
                    <span className="font-medium">{name}</span> <code className="font-mono text-xs text-fg-muted">{resource.resource_type}</code>
                    <p className="text-xs break-words whitespace-pre-wrap text-danger">{resource.resource_status_reason}</p>
                  </li>
                );
              })}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}

const toneAccent: Record<StatusTone, GraphAccent> = {
  ok: { bar: 'bg-ok-bar', minimap: 'var(--ok-bar)' },
  busy: { bar: 'bg-warn-bar', minimap: 'var(--warn-bar)' },
  error: { bar: 'bg-danger-bar', minimap: 'var(--danger-bar)' },
  idle: { bar: 'bg-fg-muted', minimap: 'var(--fg-muted)' },
};

export function StackResourceGraph({ stack, resources }: { stack: Stack; resources: readonly StackResource[] }) {
  const { t } = useTranslation();
  const statusLabel = useHeatStatusLabel();
  const subnetNetworks = useSubnetNetworks(resources);
  const graph = useMemo(() => resourceGraph(stack.id, resources), [stack.id, resources]);
  const nodes = useMemo<GraphNodeView[]>(
    () =>
      graph.nodes.map(({ id, position, width, height, resource }) => ({
        id,
        position,
        width,
        height,
        kind: resource.resource_type,
        name: resource.resource_name,
        details: [statusLabel(resource.resource_status)],
        accent: toneAccent[heatStatusTone(resource.resource_status)],
        href: resourcePagePath(resource, subnetNetworks.data),
        testId: 'stack-graph-node',
        resourceId: id,
      })),
    [graph, statusLabel, subnetNetworks.data],
  );
  const edges = useMemo(() => graph.links.map((link) => ({ ...link, className: `stack-graph-${link.kind}` })), [graph]);
  if (nodes.length === 0) return <p className="text-sm text-fg-muted">{t('stacks.detail.noResources')}</p>;
  return (
    <div className="space-y-2">
      <p className="text-xs text-fg-muted">{t('stacks.graph.legend')}</p>
      <ResourceGraph nodes={nodes} edges={edges} label={t('stacks.graph.label', { name: stack.stack_name })} minimapLabel={t('stacks.graph.minimap')} testId="stack-graph" directed />
    </div>
  );
}
