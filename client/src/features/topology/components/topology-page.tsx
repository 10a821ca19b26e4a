// The project's network topology: networks (with their CIDRs), routers and their gateway network, instances, and
// the ports linking them (labelled with their fixed IPs), laid out by buildTopology and drawn with React Flow
// (lib/ui/resource-graph: fit to view, zoom and pan controls, a minimap). Clicking a resource opens its page. The
// same nodes and links are also a plain list, for screen readers and for whoever prefers it.
import clsx from 'clsx';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../lib/ui/button';
import { EmptyState } from '../../../lib/ui/empty-state';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { LoadingState } from '../../../lib/ui/loading-state';
import { PageHeader, RefreshButton } from '../../../lib/ui/page-header';
import { ResourceGraph, type GraphEdgeView, type GraphNodeView } from '../../../lib/ui/resource-graph';
import type { PageReads } from '../../../lib/ui/api-reads';
import { networksPath, subnetsPath } from '../../../resources/networks/networks';
import { portsPath } from '../../../resources/ports/ports';
import { routersPath } from '../../../resources/routers/routers';
import { serversPath } from '../../../resources/servers/servers';
import { useTopologyResources } from '../api/topology';

// The usable networks and their subnets, the project's routers and ports, every server of the project.
const reads: PageReads = {
  commands: [
    ['network', 'list', '--long'],
    ['subnet', 'list', '--long'],
    ['router', 'list', '--long'],
    ['port', 'list', '--long'],
    ['server', 'list', '--long'],
  ],
  requests: [networksPath, subnetsPath, routersPath, portsPath, `${serversPath}/detail`],
};
import { buildTopology, type Topology, type TopologyNode, type TopologyNodeKind } from '../topology-graph';
import { kindAccent } from './topology-accents';

const kinds: readonly TopologyNodeKind[] = ['external-network', 'router', 'network', 'instance'];

export function detailPathOf(node: Pick<TopologyNode, 'kind' | 'resourceId'>): string {
  const id = encodeURIComponent(node.resourceId);
  if (node.kind === 'router') return `/routers/${id}`;
  if (node.kind === 'instance') return `/instances/${id}`;
  return `/networks/${id}`;
}

function Legend() {
  const { t } = useTranslation();
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-fg-muted" aria-label={t('topology.legend')} data-testid="topology-legend">
      {kinds.map((kind) => (
        <li key={kind} className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className={clsx('inline-block h-3 w-1.5 rounded-sm', kindAccent[kind].bar)} />
          {t(`topology.kinds.${kind}`)}
        </li>
      ))}
      <li>{t('topology.linkLegend')}</li>
    </ul>
  );
}

function TopologyList({ topology, visible }: { topology: Topology; visible: boolean }) {
  const { t } = useTranslation();
  const byId = new Map(topology.nodes.map((node) => [node.id, node]));
  const linksOf = (node: TopologyNode) =>
    topology.edges.flatMap((edge) => {
      const other = edge.source === node.id ? byId.get(edge.target) : edge.target === node.id ? byId.get(edge.source) : undefined;
      return other ? [{ edge, other }] : [];
    });
  return (
    <section className={visible ? 'rounded-lg border border-line bg-surface p-4' : 'sr-only'} aria-labelledby="topology-list-title" data-testid="topology-list">
      <h2 id="topology-list-title" className="mb-2 text-sm font-semibold text-fg">
        {t('topology.listTitle')}
      </h2>
      <ul className="space-y-2 text-sm">
        {topology.nodes.map((node) => {
          const links = linksOf(node);
          return (
            <li key={node.id} data-testid="topology-list-node" data-node-id={node.id}>
              <Link to={detailPathOf(node)} className="font-medium text-brand hover:underline">
                {t(`topology.kinds.${node.kind}`)} {node.name}
              </Link>
              {node.details.length > 0 && <span className="text-fg-muted"> ({node.details.join(', ')})</span>}
              {links.length === 0 ? (
                <span className="text-fg-muted"> — {t('topology.noLink')}</span>
              ) : (
                <ul className="ml-4 list-disc text-fg-muted">
                  {links.map(({ edge, other }) => (
                    <li key={edge.id}>
                      {t('topology.linkedTo', { kind: t(`topology.kinds.${other.kind}`), name: other.name })}
                      {edge.label && ` — ${edge.label}`}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function TopologyGraph({ topology }: { topology: Topology }) {
  const { t } = useTranslation();
  const nodes = useMemo<GraphNodeView[]>(
    () =>
      topology.nodes.map((resource) => ({
        id: resource.id,
        position: resource.position,
        width: resource.width,
        height: resource.height,
        kind: t(`topology.kinds.${resource.kind}`),
        name: resource.name,
        details: resource.details,
        accent: kindAccent[resource.kind],
        href: detailPathOf(resource),
        testId: `topology-node-${resource.kind}`,
        resourceId: resource.resourceId,
      })),
    [topology, t],
  );
  const edges = useMemo<GraphEdgeView[]>(
    () => topology.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target, label: edge.label, className: `topology-edge-${edge.kind}` })),
    [topology],
  );
  return <ResourceGraph nodes={nodes} edges={edges} label={t('topology.graphLabel')} minimapLabel={t('topology.minimap')} testId="topology-graph" />;
}

export function TopologyPage() {
  const { t } = useTranslation();
  const { resources, error, isFetching, refetch } = useTopologyResources();
  const [listVisible, setListVisible] = useState(false);
  const topology = useMemo(() => (resources ? buildTopology(resources) : undefined), [resources]);

  return (
    <div className="space-y-4 px-6 py-6">
      <PageHeader
        title={t('topology.title')}
        subtitle={t('topology.subtitle')}
        reads={reads}
        actions={
          <>
            <Button onClick={() => setListVisible((visible) => !visible)} aria-pressed={listVisible} data-testid="topology-list-toggle">
              {t('topology.showList')}
            </Button>
            <RefreshButton query={{ refetch, isFetching }} />
          </>
        }
      />
      {error ? (
        <ErrorNotice error={error} onRetry={() => void refetch()} />
      ) : !topology ? (
        <LoadingState label={t('topology.loading')} />
      ) : topology.nodes.length === 0 ? (
        <EmptyState title={t('topology.empty')} />
      ) : (
        <>
          <Legend />
          <TopologyGraph topology={topology} />
          <TopologyList topology={topology} visible={listVisible} />
        </>
      )}
    </div>
  );
}
