// A stack's events, read once in full, then, while Heat works on the stack, only those after the last one read
// (Heat's marker), appended to the cached list: a stack creating a hundred resources is not read again and again.
// Events have keys of their own, apart from the stack's: writes that invalidate the stack do not read every event
// again.
import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { fetchStackEvents, stackPollInterval, type StackRef } from './stacks';
import type { StackEvent } from './types';

export const stackEventKeys = scopedQueryKeys('orchestration', 'stack-events');

/**
 * How deep nested stacks' resources and events are read: Heat's default `max_nested_stack_depth` (it caps a deeper
 * ask to its own setting anyway).
 */
export const nestedDepth = 5;

/** The events read so far, followed by newer ones; an event read twice (a marker race) is kept once. */
export function appendEvents(read: readonly StackEvent[], newer: readonly StackEvent[]): StackEvent[] {
  const known = new Set(read.map((event) => event.id));
  return [...read, ...newer.filter((event) => !known.has(event.id))];
}

export const stackEventsQueryOptions = (scope: QueryScope, stack: StackRef) =>
  queryOptions({
    queryKey: [...stackEventKeys.detail(scope, stack.id), nestedDepth] as const,
    queryFn: ({ signal }) => fetchStackEvents(stack, { nestedDepth }, signal),
  });

/** Reads the events after the last one cached, and appends them to the cache; answers how many came. */
function eventsAfterLastQuery(queryClient: QueryClient, scope: QueryScope, stack: StackRef) {
  const { queryKey } = stackEventsQueryOptions(scope, stack);
  return queryOptions({
    queryKey: [...queryKey, 'after-last'] as const,
    queryFn: async ({ signal }) => {
      const read = queryClient.getQueryData(queryKey) ?? [];
      const newer = await fetchStackEvents(stack, { marker: read.at(-1)?.id, nestedDepth }, signal);
      if (newer.length > 0) queryClient.setQueryData(queryKey, (current = []) => appendEvents(current, newer));
      return newer.length;
    },
  });
}

/**
 * Every event of a stack and of its nested stacks, oldest first. While `live` (the stack is in progress, or a write
 * was just sent to it), asks every 2 s for the events after the last one read and appends them; once `live` ends,
 * asks one last time, for the events written as the stack settled.
 */
export function useStackEvents(scope: QueryScope, { name, id }: StackRef, { live }: { live: boolean }) {
  const queryClient = useQueryClient();
  const events = useQuery(stackEventsQueryOptions(scope, { name, id }));
  const loaded = events.data !== undefined;
  useQuery({ ...eventsAfterLastQuery(queryClient, scope, { name, id }), enabled: live && loaded, refetchInterval: live ? stackPollInterval : false });

  const wasLive = useRef(live);
  useEffect(() => {
    if (wasLive.current && !live && loaded) void queryClient.fetchQuery({ ...eventsAfterLastQuery(queryClient, scope, { name, id }), staleTime: 0 });
    wasLive.current = live;
  }, [live, loaded, queryClient, scope, name, id]);

  return events;
}
