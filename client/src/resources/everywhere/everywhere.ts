// The reads across every project and region of the user (BFF: /api/everywhere, contract/everywhere.ts): the NDJSON
// lines folded, as they arrive, into one state a page shows while the rest is still coming (rows, progress, what
// could not be read). Cached under a key of no scope: switching project or region keeps it.
import { EverywhereLine, type EverywhereError, type EverywhereProject } from '@contract/everywhere';
import { experimental_streamedQuery as streamedQuery, queryOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { ApiError } from '../../lib/api/api-error';
import type { ListParams } from '../../lib/api/openstack-list';
import { computeMicroversion } from '../servers/list-state';
import type { Server } from '../servers/types';
import type { FloatingIp } from '../floating-ips/types';
import { blockStorageMicroversion } from '../volumes/list-state';
import type { Volume } from '../volumes/types';

/** One resource and where it lives. */
export interface EverywhereRow<Item> {
  project: EverywhereProject;
  region: string;
  item: Item;
}

/** A project × region whose list could not be read. */
export interface EverywhereFailure {
  project: EverywhereProject;
  region: string;
  error: EverywhereError;
}

export interface EverywhereState<Item> {
  projects: readonly EverywhereProject[];
  regions: readonly string[];
  /** Projects beyond the BFF's cap, not read. */
  omittedProjects: number;
  /** Project × region reads announced by the first line; 0 until it came. */
  expected: number;
  /** Reads answered so far, failed or not. */
  answered: number;
  rows: readonly EverywhereRow<Item>[];
  failures: readonly EverywhereFailure[];
  /** Reads whose service had more than one page: only the first is in `rows`. */
  truncated: readonly { project: EverywhereProject; region: string }[];
  /** The last line came: a read that stopped without it was cut short. */
  ended: boolean;
}

export function emptyEverywhereState<Item>(): EverywhereState<Item> {
  return { projects: [], regions: [], omittedProjects: 0, expected: 0, answered: 0, rows: [], failures: [], truncated: [], ended: false };
}

/** The state once one more line is in; `items` are the service's own records, typed by the read (see below). */
export function addEverywhereLine<Item>(state: EverywhereState<Item>, line: EverywhereLine): EverywhereState<Item> {
  switch (line.kind) {
    case 'start':
      return {
        ...state,
        projects: line.projects,
        regions: line.regions,
        omittedProjects: line.omittedProjects,
        expected: line.projects.length * line.regions.length,
      };
    case 'end':
      return { ...state, ended: true };
    case 'result': {
      const { project, region } = line;
      const answered = state.answered + 1;
      if (!line.ok) return { ...state, answered, failures: [...state.failures, { project, region, error: line.error }] };
      // The BFF checked each item is an object of the list the read names; its fields are the service's, as for
      // every other read of that list (api.get<T>).
      const rows = line.items.map((item) => ({ project, region, item: item as Item }));
      return {
        ...state,
        answered,
        rows: [...state.rows, ...rows],
        truncated: line.truncated ? [...state.truncated, { project, region }] : state.truncated,
      };
    }
  }
}

/** The answer's lines, each checked against the contract: a line that is not one is the BFF's fault, said so. */
async function* everywhereLines(path: string, microversion: string | undefined, signal?: AbortSignal, params?: ListParams): AsyncGenerator<EverywhereLine> {
  for await (const value of api.streamLines(path, { signal, microversion, params })) {
    const line = EverywhereLine.safeParse(value);
    if (!line.success) throw new ApiError(502, 'zenith', `The BFF sent a line that is not one of a read across projects: ${line.error.message}`);
    yield line.data;
  }
}

/** Re-opening the page within a minute shows what was read, without reading again. */
const everywhereFreshMs = 60_000;

/** Not a scoped key ([service, region, project, ...]): a scope switch does not drop it, a change of user does. */
export const everywhereKey = (serviceType: string, path: string) => ['everywhere', serviceType, path] as const;

function everywhereQueryOptions<Item>(serviceType: string, path: string, microversion?: string) {
  return queryOptions({
    queryKey: everywhereKey(serviceType, path),
    queryFn: streamedQuery({
      streamFn: ({ signal }) => everywhereLines(`/api/everywhere/${serviceType}/${path}`, microversion, signal),
      reducer: addEverywhereLine<Item>,
      initialValue: emptyEverywhereState<Item>(),
    }),
    staleTime: everywhereFreshMs,
    // A failed read is the user's to retry (Retry re-runs every project × region): done again on its own, it would
    // wipe the rows shown meanwhile.
    retry: false,
  });
}

/** Every server of every project and region (each project × region's first page of `servers/detail`). */
export const everywhereServersQueryOptions = () => everywhereQueryOptions<Server>('compute', 'servers/detail', computeMicroversion);

/**
 * One filtered read across every project and region, read to its end: the search box's, whose answers are a few
 * matches (only the filters contract/everywhere.ts lists for that list are taken).
 */
export async function fetchEverywhere<Item>(
  serviceType: string,
  path: string,
  params: ListParams,
  { microversion, signal }: { microversion?: string; signal?: AbortSignal } = {},
): Promise<EverywhereState<Item>> {
  let state = emptyEverywhereState<Item>();
  for await (const line of everywhereLines(`/api/everywhere/${serviceType}/${path}`, microversion, signal, params)) state = addEverywhereLine(state, line);
  return state;
}

/**
 * Writes a polled item into the read's rows of its project and region (or removes it once the service no longer
 * knows it), as a scoped list's pages are patched: the row changes without reading every project again.
 */
export function patchEverywhereItem<Item extends { id: string }>(
  queryClient: QueryClient,
  queryKey: readonly unknown[],
  where: { projectId: string; region: string },
  id: string,
  item: Item | null,
): void {
  const state = queryClient.getQueryData<EverywhereState<Item>>(queryKey);
  const matches = (row: EverywhereRow<Item>) => row.project.id === where.projectId && row.region === where.region && row.item.id === id;
  // Nothing to do when the row already shows this answer (a poll that changed nothing).
  if (!state?.rows.some((row) => matches(row) && row.item !== item)) return;
  const rows = item ? state.rows.map((row) => (matches(row) ? { ...row, item } : row)) : state.rows.filter((row) => !matches(row));
  queryClient.setQueryData<EverywhereState<Item>>(queryKey, { ...state, rows });
}

/** Every volume of every project and region (each project × region's first page of `volumes/detail`). */
export const everywhereVolumesQueryOptions = () => everywhereQueryOptions<Volume>('block-storage', 'volumes/detail', blockStorageMicroversion);

/** Every floating IP of every project and region (each project × region's first page of Neutron's list). */
export const everywhereFloatingIpsQueryOptions = () => everywhereQueryOptions<FloatingIp>('network', 'v2.0/floatingips');
