// One search: every type the catalog offers and the query's kind applies to, a few reads at a time (each type is one
// or two reads), each type's failure kept to itself. With "all my projects", the types the BFF's fan-out can filter
// are read across projects and regions instead (and say so); the others stay in the current project.
import { hasService } from '@contract/service-types';
import type { CatalogService } from '@contract/session';
import { mapBounded } from '../../lib/api/bounded';
import type { QueryScope } from '../../lib/api/query-keys';
import type { SearchMethod, SearchQuery } from '../../lib/search/query';
import { searchSources, type HitsAnswer, type SearchHit, type SearchType } from './search-sources';

/** Types searched at once: each is a read or two, and the services are shared with the page underneath. */
export const searchConcurrency = 4;

export interface SearchOutcome {
  /** Types with matches, in the sources' order. */
  groups: { type: SearchType; hits: SearchHit[] }[];
  /** Every type searched, and how. */
  searched: { type: SearchType; method: SearchMethod; everywhere: boolean }[];
  failures: { type: SearchType; error: Error }[];
  /** Project × region reads that failed in the searches across projects. */
  notLoaded: number;
}

export async function runSearch(
  query: SearchQuery,
  { scope, services, everywhere, signal }: { scope: QueryScope; services: readonly CatalogService[]; everywhere: boolean; signal?: AbortSignal },
): Promise<SearchOutcome> {
  const sources = searchSources.filter((candidate) => hasService(services, candidate.serviceType));
  const answers = await mapBounded(
    sources,
    searchConcurrency,
    async (current): Promise<(HitsAnswer & { everywhere: boolean }) | null> => {
      // A type the fan-out cannot filter for this kind (an id...) is searched in the current project.
      const across = everywhere ? current.everywhere?.(query, scope, signal) : null;
      if (across) return { ...(await across), everywhere: true };
      const here = current.search(query, { projectId: scope.projectId, signal });
      return here ? { ...(await here), everywhere: false } : null;
    },
    { signal },
  );
  const outcome: SearchOutcome = { groups: [], searched: [], failures: [], notLoaded: 0 };
  answers.forEach((answer, index) => {
    const { type } = sources[index]!;
    if (answer instanceof Error) return outcome.failures.push({ type, error: answer });
    if (!answer) return;
    outcome.searched.push({ type, method: answer.method, everywhere: answer.everywhere });
    outcome.notLoaded += answer.notLoaded ?? 0;
    if (answer.hits.length > 0) outcome.groups.push({ type, hits: answer.hits });
  });
  return outcome;
}
