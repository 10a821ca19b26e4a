// One stack found by its id alone (a nested stack's `parent` is an id): Heat's list filtered by id, nested stacks
// included, gives its name, which the stack's paths and page need beside the id.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import type { QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import { stackKeys, stacksPath } from './stacks';
import type { StackSummary } from './types';

/** The stack with this id, or null when Heat no longer has it. */
export async function fetchStackSummaryById(id: string, signal?: AbortSignal): Promise<StackSummary | null> {
  const { stacks } = await api.get<{ stacks: StackSummary[] }>(stacksPath, { params: { id, show_nested: 'true' }, signal });
  return stacks[0] ?? null;
}

export const stackSummaryByIdQueryOptions = (scope: QueryScope, id: string) =>
  queryOptions({
    queryKey: stackKeys.list(scope, { id }),
    queryFn: ({ signal }) => fetchStackSummaryById(id, signal),
  });

export function useStackSummaryById(id: string | null) {
  return useQuery({ ...stackSummaryByIdQueryOptions(useScope(), id ?? ''), enabled: id !== null });
}
