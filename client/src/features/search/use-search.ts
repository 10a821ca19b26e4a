// The search as the box and the results page read it: the typed text, debounced so a read goes once typing pauses,
// classified (lib/search/query.ts), then run (run-search.ts) under a key of the current scope, so a project or region
// switch never shows the other scope's matches. Pages and actions are matched at once, without any read.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scopedQueryKeys } from '../../lib/api/query-keys';
import { useCapabilities } from '../../lib/capabilities/use-capability';
import { navProbes, visibleNavEntries, type CommandEntry } from '../../lib/navigation';
import { parseSearchQuery } from '../../lib/search/query';
import { useScope } from '../../lib/scope';

/** Typing pauses this long before a search is read. */
export const searchDelayMs = 250;
/** A name shorter than this matches too much to be worth a read (pages are still matched). */
const shortestName = 2;
/** The same search within this time is shown from the cache. */
const searchFreshMs = 30_000;

const searchKeys = scopedQueryKeys('zenith', 'search');

function useDebounced<Value>(value: Value, delayMs: number): Value {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

export function useResourceSearch(text: string, everywhere: boolean) {
  const scope = useScope();
  const debounced = useDebounced(text.trim(), searchDelayMs);
  const query = parseSearchQuery(debounced);
  const enabled = query !== null && (query.kind !== 'name' || query.text.length >= shortestName);
  const result = useQuery({
    queryKey: searchKeys.list(scope, { text: debounced, everywhere }),
    // The resources' searches load with the first search, not with every page.
    queryFn: async ({ signal }) => (await import('./run-search')).runSearch(query!, { scope, services: scope.services, everywhere, signal }),
    enabled,
    staleTime: searchFreshMs,
    placeholderData: keepPreviousData,
  });
  const settled = text.trim() === debounced && !result.isFetching;
  return { query, enabled, settled, outcome: enabled ? result.data : undefined, error: result.error };
}

/** Accents and case do not count: "réseau" finds "Réseaux". */
const folded = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/** The pages and actions (navigation entries, features' commands) the session may open whose label has the text. */
export function usePageMatches(text: string, entries: readonly CommandEntry[]) {
  const { t } = useTranslation();
  const { services } = useScope();
  const probes = navProbes(entries, services);
  const states = useCapabilities(probes);
  const capabilities = new Map(probes.map((probe, index) => [probe.id, states[index]!]));
  const needle = folded(text.trim());
  if (needle === '') return [];
  return visibleNavEntries(entries, services, capabilities)
    .map((entry) => ({ to: entry.to, label: t(entry.label) }))
    .filter((entry) => folded(entry.label).includes(needle));
}
