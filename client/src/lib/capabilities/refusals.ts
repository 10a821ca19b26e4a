// The actions the cloud refused (403) in this scope, remembered so the page offers them no more: the menu item
// stays, disabled, with the service's reason. Kept in the query cache under the scope's prefix, so a project or
// region switch (or another user) forgets them, as does a reload.
//
// A refusal of an action on a resource greys that action on that resource only, until an action on the resource
// succeeds: services also answer 403 for a state (Glance: "image is protected"), which an edit can change. A refusal
// of a create (an action on the project) greys the create in the scope.
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/api-error';
import type { QueryScope } from '../api/query-keys';
import { useScope } from '../scope';

export interface Refusal {
  /** The service's own words. */
  message: string;
  service: string;
  requestId?: string;
}

/** Refusals by action (its label key: unique across Zenith), or by action and resource id. */
export type Refusals = Readonly<Record<string, Refusal>>;

export const refusalsKey = (scope: QueryScope) => ['capabilities', scope.region, scope.projectId, 'refusals'] as const;

/** The refusal a failure stands for: a 403 from a service. */
export function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof ApiError) || error.status !== 403 || error.service === 'zenith') return null;
  return { message: error.message, service: error.service, requestId: error.requestId };
}

/** Where a refusal of `action` is kept: with the resource's id, or alone for an action on the project (`resourceId` ''). */
export function refusalSlot(action: string, resourceId: string): string {
  return resourceId === '' ? action : `${action}\u0000${resourceId}`;
}

export function rememberRefusal(queryClient: QueryClient, scope: QueryScope, slot: string, refusal: Refusal) {
  queryClient.setQueryData<Refusals>(refusalsKey(scope), (current) => ({ ...current, [slot]: refusal }));
}

/** Forgets the refusals of a resource once an action on it succeeded: what was refused may be allowed now. */
export function forgetRefusals(queryClient: QueryClient, scope: QueryScope, resourceId: string) {
  const suffix = `\u0000${resourceId}`;
  const current = queryClient.getQueryData<Refusals>(refusalsKey(scope));
  if (!current || !Object.keys(current).some((slot) => slot.endsWith(suffix))) return;
  queryClient.setQueryData<Refusals>(refusalsKey(scope), Object.fromEntries(Object.entries(current).filter(([slot]) => !slot.endsWith(suffix))));
}

/** The refusal that greys `action` on `resource`, if any. */
export function refusalFor(refusals: Refusals, action: string, resourceId?: string): Refusal | undefined {
  return refusals[action] ?? (resourceId === undefined ? undefined : refusals[`${action}\u0000${resourceId}`]);
}

const noRefusals: Refusals = {};

/** The scope's refusals, updated as actions are refused. */
export function useRefusals(): Refusals {
  const scope = useScope();
  const queryClient = useQueryClient();
  const key = refusalsKey(scope);
  const { data } = useQuery({
    queryKey: key,
    // Nothing to fetch: the cache is the memory. A refetch (an invalidation by a broad prefix) keeps what it holds.
    queryFn: () => queryClient.getQueryData<Refusals>(key) ?? noRefusals,
    initialData: noRefusals,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  return data;
}
