// What a feature declares about itself (its routes under the shell, its navigation entries), and the rules for
// which entries show: an entry only shows when the session's catalog offers the service it needs in the current
// region, and, for a page only some may use (the admin pages), when the cloud answered its probe (see
// lib/capabilities): never by role name. The app collects the declarations (app/navigation.ts); features import only
// this file.
import type { FetchQueryOptions, QueryClient, QueryKey } from '@tanstack/react-query';
import type { ParseKeys } from 'i18next';
import type { ComponentType } from 'react';
import type { LoaderFunction, RouteObject } from 'react-router';
import { hasService } from '@contract/service-types';
import type { CatalogService } from '@contract/session';
import type { CapabilityProbe, CapabilityState } from './capabilities/capability';
import type { Scope } from './scope';

/** The side navigation's groups, in the order they are shown; entries without one come first. */
export const navSections = ['compute', 'network', 'orchestration', 'admin'] as const;
export type NavSection = (typeof navSections)[number];

export interface NavEntry {
  to: string;
  label: ParseKeys;
  icon: ComponentType<{ className?: string }>;
  /** Service type (service-types-authority name) the page needs; none for pages every cloud has. */
  serviceType?: string;
  /** Position in its section, smallest first. */
  order: number;
  section?: NavSection;
  /**
   * The request only those who may use the page get an answer to (admin pages): the entry shows once the cloud
   * allowed it, greyed when the probe could not tell. Only hides the entry: the page's own reads still decide, and
   * their 403 is shown to whoever follows a link anyway.
   */
  probe?: CapabilityProbe;
}

/**
 * A page reached from another page rather than from the side navigation (a form: "Launch instance"), offered by the
 * search box beside the navigation's entries, under the same rules.
 */
export type CommandEntry = Pick<NavEntry, 'to' | 'label' | 'serviceType' | 'probe'>;

/** What the app gives a feature's routes, so their loaders can read ahead without importing the app. */
export interface RouteContext {
  queryClient: QueryClient;
  /** The signed-in scope once the session is known (read or joined, never asked twice); null without a session. */
  scope: () => Promise<Scope | null>;
}

export interface FeatureDeclaration {
  /** Routes rendered inside the shell; use `lazy` so each page is its own chunk (the feature's catalog loads beside it). */
  routes: (context: RouteContext) => RouteObject[];
  nav: NavEntry[];
  /** Its pages the search box offers as actions ("launch"...), besides its navigation entries. */
  commands?: CommandEntry[];
}

/**
 * A loader that starts the page's first read and returns at once: the page's chunk and its data then load side by
 * side, navigation never waits for the data, and the page still shows its own loading state. `read` must give the
 * query options the page itself reads (from the same URL state), or the page asks a second time. It may import them
 * (a promise): the resource's code then stays out of the entry chunk and loads beside the page's own.
 */
export function prefetchLoader<Data, Key extends QueryKey>(
  { queryClient, scope }: RouteContext,
  read: (scope: Scope, search: URLSearchParams) => FetchQueryOptions<Data, Error, Data, Key> | Promise<FetchQueryOptions<Data, Error, Data, Key>>,
): LoaderFunction {
  return ({ request }) => {
    const search = new URL(request.url).searchParams;
    void scope().then(async (current) => (current ? queryClient.prefetchQuery(await read(current, search)) : undefined));
    return null;
  };
}

/** Several loaders as one: a page that reads several lists starts them all at once (each a prefetchLoader). */
export function allLoaders(...loaders: LoaderFunction[]): LoaderFunction {
  return (args) => {
    for (const loader of loaders) void loader(args);
    return null;
  };
}

/** Entries grouped for display: the unsectioned ones, then each section that has any, entries by order. */
export function navGroups<Entry extends Pick<NavEntry, 'section'>>(entries: readonly Entry[]): { section?: NavSection; entries: Entry[] }[] {
  const groups = [undefined, ...navSections].map((section) => ({ section, entries: entries.filter((entry) => entry.section === section) }));
  return groups.filter((group) => group.entries.length > 0);
}

type ProbedEntry = Pick<NavEntry, 'serviceType' | 'probe'>;

const offered = (entry: Pick<NavEntry, 'serviceType'>, services: readonly CatalogService[]) =>
  entry.serviceType === undefined || hasService(services, entry.serviceType);

/** The probes the entries whose service the catalog offers need answered, each once. */
export function navProbes(entries: readonly ProbedEntry[], services: readonly CatalogService[]): CapabilityProbe[] {
  const probes = new Map<string, CapabilityProbe>();
  for (const entry of entries) if (entry.probe && offered(entry, services)) probes.set(entry.probe.id, entry.probe);
  return [...probes.values()];
}

/**
 * The entries to show: those whose service the catalog offers, and of those with a probe, the ones the cloud
 * allowed or could not say (the side navigation greys these). Probed entries all wait for the last probe's answer,
 * so a section appears at once rather than entry by entry.
 */
export function visibleNavEntries<Entry extends ProbedEntry>(
  entries: readonly Entry[],
  services: readonly CatalogService[],
  capabilities: ReadonlyMap<string, CapabilityState> = new Map(),
): Entry[] {
  const stateOf = (probe: CapabilityProbe) => capabilities.get(probe.id) ?? { state: 'pending' as const };
  const settled = navProbes(entries, services).every((probe) => stateOf(probe).state !== 'pending');
  return entries.filter(
    (entry) =>
      offered(entry, services) &&
      (entry.probe === undefined || (settled && ['allowed', 'unknown'].includes(stateOf(entry.probe).state))),
  );
}
