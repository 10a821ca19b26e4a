// The project's network topology: networks (with their CIDRs), routers and their gateway network, instances, and
// the ports linking them (labelled with their fixed IPs), laid out by layoutTopology and drawn with React Flow
// (lib/ui/resource-graph: fit to view, zoom and pan controls, a minimap). A network's many instances are a grid,
// or one group node with their count until expanded; the search finds an instance by name, IP or id, opens its
// group and brings it into view. Clicking a resource opens its page. The same resources and links are also a plain
// list, for screen readers and for whoever prefers it.
import clsx from 'clsx';
import { memo, useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../lib/ui/button';
import { EmptyState } from '../../../lib/ui/empty-state';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { inputClass } from '../../../lib/ui/form-controls';
import { LoadingState } from '../../../lib/ui/loading-state';
import { PageHeader, RefreshButton } from '../../../lib/ui/page-header';
import { Spinner } from '../../../lib/ui/spinner';
import { ResourceGraph, useGrowingCount, type GraphEdgeView, type GraphFocus, type GraphView } from '../../../lib/ui/resource-graph';
import type { PageReads } from '../../../lib/ui/api-reads';
import { networksPath, subnetsPath } from '../../../resources/networks/networks';
import { portsPath } from '../../../resources/ports/ports';
import { routersPath } from '../../../resources/routers/routers';
import { serversPath } from '../../../resources/servers/servers';
import { useTopologyResources, type TopologyRead } from '../api/topology';
import {
  findResources,
  layoutTopology,
  topologyModel,
  type InstanceGroup,
  type TopologyDrawing,
  type TopologyModel,
  type TopologyNodeKind,
  type TopologyResource,
} from '../topology-graph';
import { kindAccent } from './topology-accents';

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

const kinds: readonly TopologyNodeKind[] = ['external-network', 'router', 'network', 'load-balancer', 'instance'];

export function detailPathOf(resource: Pick<TopologyResource, 'kind' | 'resourceId'>): string {
  const id = encodeURIComponent(resource.resourceId);
  if (resource.kind === 'router') return `/routers/${id}`;
  if (resource.kind === 'instance') return `/instances/${id}`;
  if (resource.kind === 'load-balancer') return `/load-balancers/${id}`;
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

/** A line of the list: a resource and its links, or a collapsed group of instances; `signature` is what it says. */
type ListEntry =
  | { type: 'resource'; id: string; resource: TopologyResource; title: string; links: { id: string; text: string }[]; unlinked: string; signature: string }
  | { type: 'group'; id: string; group: InstanceGroup; title: string; signature: string };

/** One line; redrawn only when what it says changes (the model is rebuilt as each read answers). */
const TopologyListEntry = memo(
  function TopologyListEntry({ entry, toggleLabel, onToggleGroup }: { entry: ListEntry; toggleLabel: string; onToggleGroup: (groupId: string) => void }) {
    if (entry.type === 'group') {
      return (
        <li data-testid="topology-list-group" data-group-id={entry.group.id}>
          <span className="font-medium text-fg">{entry.title}</span>{' '}
          <button type="button" className="text-brand hover:underline" onClick={() => onToggleGroup(entry.group.id)}>
            {toggleLabel}
          </button>
        </li>
      );
    }
    const { resource, title, links } = entry;
    return (
      <li data-testid="topology-list-node" data-node-id={resource.id}>
        <Link to={detailPathOf(resource)} className="font-medium text-brand hover:underline">
          {title}
        </Link>
        {resource.details.length > 0 && <span className="text-fg-muted"> ({resource.details.join(', ')})</span>}
        {links.length === 0 ? (
          <span className="text-fg-muted"> — {entry.unlinked}</span>
        ) : (
          <ul className="ml-4 list-disc text-fg-muted">
            {links.map(({ id, text }) => (
              <li key={id}>{text}</li>
            ))}
          </ul>
        )}
      </li>
    );
  },
  (before, after) => before.entry.signature === after.entry.signature && before.toggleLabel === after.toggleLabel && before.onToggleGroup === after.onToggleGroup,
);

/**
 * The graph as a list, for screen readers (it is read even while hidden) and for whoever prefers it: networks,
 * routers, then each network's instances with their links, a collapsed group as one line with the same button as
 * in the graph; the search narrows it as it marks the graph. Rebuilt after the graph, and added a batch of lines per frame.
 */
function TopologyList({
  model,
  drawing,
  matches,
  visible,
  onToggleGroup,
}: {
  model: TopologyModel;
  drawing: TopologyDrawing;
  matches?: ReadonlySet<string>;
  visible: boolean;
  onToggleGroup: (groupId: string) => void;
}) {
  const { t } = useTranslation();
  const entries = useMemo(() => {
    const byId = new Map(model.resources.map((resource) => [resource.id, resource]));
    // Each text translated once per list, not once per line: a big project's list has thousands of them.
    const kind = Object.fromEntries(kinds.map((each) => [each, t(`topology.kinds.${each}`)])) as Record<TopologyNodeKind, string>;
    const unlinked = t('topology.noLink');
    const links = new Map<string, { id: string; text: string }[]>();
    const add = (from: string, to: string, id: string, label: string) => {
      const other = byId.get(to);
      if (!other) return;
      const text = `${t('topology.linkedTo', { kind: kind[other.kind], name: other.name })}${label ? ` — ${label}` : ''}`;
      links.set(from, [...(links.get(from) ?? []), { id, text }]);
    };
    for (const link of model.links) {
      add(link.source, link.target, link.id, link.label);
      add(link.target, link.source, link.id, link.label);
    }
    const entryOf = (resource: TopologyResource): ListEntry => {
      const resourceLinks = links.get(resource.id) ?? [];
      const title = `${kind[resource.kind]} ${resource.name}`;
      return { type: 'resource', id: resource.id, resource, title, links: resourceLinks, unlinked, signature: [title, ...resource.details, ...resourceLinks.map((link) => link.text)].join('\n') };
    };
    const list: ListEntry[] = model.resources.filter((resource) => resource.kind !== 'instance').map(entryOf);
    for (const group of model.groups) {
      if (drawing.shapes.get(group.id) === 'collapsed') {
        const title = group.network
          ? t('topology.group.gridOn', { count: group.members.length, network: group.network.name })
          : t('topology.group.gridUnlinked', { count: group.members.length });
        list.push({ type: 'group', id: group.id, group, title, signature: title });
      } else {
        list.push(...group.members.filter((member) => !matches || matches.has(member.id)).map(entryOf));
      }
    }
    return list;
  }, [model, drawing, matches, t]);
  return (
    <section className={visible ? 'rounded-lg border border-line bg-surface p-4' : 'sr-only'} aria-labelledby="topology-list-title" data-testid="topology-list">
      <h2 id="topology-list-title" className="mb-2 text-sm font-semibold text-fg">
        {t('topology.listTitle')}
      </h2>
      {/* Added again a batch per frame when shown or hidden: laying out hundreds of lines anew at once is a long task. */}
      <TopologyListLines key={String(visible)} entries={entries} onToggleGroup={onToggleGroup} />
    </section>
  );
}

function TopologyListLines({ entries, onToggleGroup }: { entries: readonly ListEntry[]; onToggleGroup: (groupId: string) => void }) {
  const { t } = useTranslation();
  const shown = useGrowingCount(entries.length, 25, 0);
  const toggleLabel = t('topology.group.expand');
  return (
    <ul className="space-y-2 text-sm">
      {entries.slice(0, shown).map((entry) => (
        <TopologyListEntry key={entry.id} entry={entry} toggleLabel={toggleLabel} onToggleGroup={onToggleGroup} />
      ))}
    </ul>
  );
}

/** `298 ACTIVE, 2 ERROR`: a group's instances by status (none known until Nova answers), most first. */
function statusCounts(group: InstanceGroup): string[] {
  const counts = new Map<string, number>();
  for (const { details: [status] } of group.members) if (status) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([status, count]) => `${count} ${status}`);
}

function TopologyGraph({
  drawing,
  matches,
  onToggleGroup,
  focus,
  fitKey,
}: {
  drawing: TopologyDrawing;
  matches?: ReadonlySet<string>;
  onToggleGroup: (groupId: string) => void;
  focus?: GraphFocus;
  fitKey: string;
}) {
  const { t } = useTranslation();
  const nodes = useMemo<GraphView[]>(
    () =>
      drawing.nodes.map((node): GraphView => {
        const box = { id: node.id, position: node.position, width: node.width, height: node.height };
        if (node.type === 'resource') {
          const { resource } = node;
          return {
            ...box,
            kind: t(`topology.kinds.${resource.kind}`),
            name: resource.name,
            details: resource.kind === 'instance' ? [...resource.details, ...resource.addresses] : resource.details,
            accent: kindAccent[resource.kind],
            href: detailPathOf(resource),
            testId: `topology-node-${resource.kind}`,
            resourceId: resource.resourceId,
            highlighted: matches?.has(resource.id),
          };
        }
        const network = node.group.network?.name;
        const count = node.group.members.length;
        if (node.type === 'group') {
          return {
            ...box,
            type: 'group',
            groupId: node.group.id,
            kind: network ? t('topology.group.on', { network }) : t('topology.group.unlinked'),
            title: t('topology.group.count', { count }),
            details: statusCounts(node.group),
            count,
            accent: kindAccent.instance,
            toggleLabel: t('topology.group.expand'),
            testId: 'topology-group',
          };
        }
        return {
          ...box,
          type: 'grid',
          groupId: node.group.id,
          title: network ? t('topology.group.gridOn', { count, network }) : t('topology.group.gridUnlinked', { count }),
          columns: node.columns,
          cells: node.cells.map(({ resource }) => ({
            id: resource.id,
            name: resource.name,
            details: [...resource.details, ...resource.addresses],
            href: detailPathOf(resource),
            testId: 'topology-node-instance',
            resourceId: resource.resourceId,
            highlighted: matches?.has(resource.id),
          })),
          accent: kindAccent.instance,
          toggleLabel: t('topology.group.collapse'),
          testId: 'topology-grid',
        };
      }),
    [drawing, matches, t],
  );
  const edges = useMemo<GraphEdgeView[]>(
    () =>
      drawing.edges.map((edge) => ({
        id: edge.id,
        source: edge.source,
        target: edge.target,
        label: edge.kind === 'group' ? t('topology.group.links', { count: edge.count }) : edge.label,
        className: `topology-edge-${edge.kind}`,
      })),
    [drawing, t],
  );
  return (
    <ResourceGraph
      nodes={nodes}
      edges={edges}
      label={t('topology.graphLabel')}
      minimapLabel={t('topology.minimap')}
      testId="topology-graph"
      onToggleGroup={onToggleGroup}
      focus={focus}
      fitKey={fitKey}
    />
  );
}

/** What each read has brought so far, while the page waits for the last one. */
function ReadProgress({ reads: progress }: { reads: readonly TopologyRead[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="topology-progress">
      <LoadingState label={t('topology.loading')} />
      <ul className="-mt-4 flex flex-wrap gap-x-4 text-xs text-fg-muted">
        {progress.map((read) => (
          <li key={read.id} data-read={read.id} data-done={read.count !== undefined || undefined}>
            {read.count === undefined ? t(`topology.reads.${read.id}`) : t(`topology.readsDone.${read.id}`, { count: read.count })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The bounding box of some places, in graph coordinates. */
function boundsOf(places: readonly { position: { x: number; y: number }; width: number; height: number }[]): GraphFocus | undefined {
  if (places.length === 0) return undefined;
  const left = Math.min(...places.map((place) => place.position.x));
  const top = Math.min(...places.map((place) => place.position.y));
  const right = Math.max(...places.map((place) => place.position.x + place.width));
  const bottom = Math.max(...places.map((place) => place.position.y + place.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** What is still being read once the graph is drawn: the ports (links and instances), then the servers (their names and states). */
type Pending = 'ports' | 'servers' | undefined;

function Topology({ model, pending, loadBalancersError }: { model: TopologyModel; pending: Pending; loadBalancersError: unknown }) {
  const { t } = useTranslation();
  const [listVisible, setListVisible] = useState(false);
  const [search, setSearch] = useState('');
  // What the user opened or closed, by group id; the search opens the groups of what it finds.
  const [chosen, setChosen] = useState<ReadonlyMap<string, boolean>>(new Map());
  // What to bring into view: a group just opened or closed, or the search's matches.
  const [focusOn, setFocusOn] = useState<{ group: string } | { search: string }>();

  const found = useMemo(() => findResources(model, search), [model, search]);
  const matches = useMemo(() => (search.trim() ? new Set(found.map((instance) => instance.id)) : undefined), [found, search]);
  const drawing = useMemo(() => {
    const opened = new Set(found.map((instance) => model.groupOf.get(instance.id)?.id));
    return layoutTopology(model, (groupId) => chosen.get(groupId) ?? (opened.has(groupId) || undefined));
  }, [model, chosen, found]);
  const focus = useMemo(() => {
    if (!focusOn) return undefined;
    if ('group' in focusOn) return boundsOf(drawing.nodes.filter((node) => node.id === focusOn.group));
    return boundsOf(found.flatMap((instance) => drawing.places.get(instance.id) ?? []));
  }, [focusOn, drawing, found]);

  // The list is rebuilt in a render of its own after the graph's, one React interrupts for the frames: with the
  // graph's in one task, a big project's list made it a long one.
  const listed = useDeferredValue(useMemo(() => ({ model, drawing, matches }), [model, drawing, matches]));

  const toggleGroup = useCallback(
    (groupId: string) => {
      setChosen((previous) => new Map(previous).set(groupId, drawing.shapes.get(groupId) !== 'grid'));
      setFocusOn({ group: groupId });
    },
    [drawing],
  );
  const changeSearch = (value: string) => {
    setSearch(value);
    // A group the user closed opens again for what the search finds in it.
    const reopened = new Set(findResources(model, value).map((instance) => model.groupOf.get(instance.id)?.id));
    setChosen((previous) => new Map([...previous].filter(([groupId]) => !reopened.has(groupId))));
    setFocusOn(value.trim() ? { search: value } : undefined);
  };

  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <Legend />
        <div className="flex items-end gap-3">
          <p className="text-xs text-fg-muted" aria-live="polite" data-testid="topology-search-result">
            {matches && (found.length === 0 ? t('topology.search.none') : t('topology.search.found', { count: found.length }))}
          </p>
          <label className="text-sm text-fg-muted">
            {t('topology.search.label')}
            <input
              type="search"
              value={search}
              onChange={(event) => changeSearch(event.target.value)}
              placeholder={t('topology.search.placeholder')}
              className={clsx(inputClass, 'mt-1 w-72')}
              data-testid="topology-search"
            />
          </label>
          <Button onClick={() => setListVisible((visible) => !visible)} aria-pressed={listVisible} data-testid="topology-list-toggle">
            {t('topology.showList')}
          </Button>
        </div>
      </div>
      {pending && (
        <p role="status" className="flex items-center gap-2 text-xs text-fg-muted" data-testid={`topology-${pending === 'ports' ? 'ports' : 'instances'}-pending`}>
          <Spinner />
          {t(pending === 'ports' ? 'topology.portsPending' : 'topology.instancesPending')}
        </p>
      )}
      {loadBalancersError !== null && <ErrorNotice error={loadBalancersError} />}
      {/* Fitted again as the ports, then the servers, add to it (unless the user has moved it since). */}
      <TopologyGraph drawing={drawing} matches={matches} onToggleGroup={toggleGroup} focus={focus} fitKey={pending ?? 'all'} />
      <TopologyList {...listed} visible={listVisible} onToggleGroup={toggleGroup} />
    </>
  );
}

export function TopologyPage() {
  const { t } = useTranslation();
  const { resources, progress, error, loadBalancersError, isFetching, refetch } = useTopologyResources();
  const model = useMemo(() => (resources ? topologyModel(resources) : undefined), [resources]);
  const pending: Pending = resources?.ports === undefined ? 'ports' : resources.servers === undefined ? 'servers' : undefined;

  return (
    <div className="space-y-4 px-6 py-6">
      <PageHeader title={t('topology.title')} subtitle={t('topology.subtitle')} reads={reads} actions={<RefreshButton query={{ refetch, isFetching }} />} />
      {error ? (
        <ErrorNotice error={error} onRetry={() => void refetch()} />
      ) : !model || (model.resources.length === 0 && pending) ? (
        <ReadProgress reads={progress} />
      ) : model.resources.length === 0 ? (
        <EmptyState title={t('topology.empty')} />
      ) : (
        <Topology model={model} pending={pending} loadBalancersError={loadBalancersError} />
      )}
    </div>
  );
}
