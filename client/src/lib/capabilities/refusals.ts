// The actions the cloud refused (403) in this scope, remembered so the page offers them no more: the menu item, the
// bulk bar's button or the create button stays, disabled, with the service's reason. Kept in the query cache under
// the scope's prefix, so a project or region switch (or another user) forgets them, as does a reload.
//
// A refusal is of an action on a target: a resource, or the project for a create. It greys that action on that
// target only, until an action on the target succeeds: services also answer 403 for a state (Glance: "image is
// protected"), which an edit can change. A create's refusal is also lifted once an action changing what the create
// would have changed succeeds (its declared caches): Nova answers 403 for a key pair quota, which a delete frees.
import { hashKey, useQuery, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { ApiError } from '../api/api-error';
import type { QueryScope } from '../api/query-keys';
import { useScope } from '../scope';

export interface Refusal {
  /** The service's own words. */
  message: string;
  service: string;
  requestId?: string;
}

/** An attempt of an action (its label key: unique across Zenith) on a target, and the caches the action changes. */
export interface Attempt {
  action: string;
  /** The resource's id, or the project's for an action on the project (a create). */
  target: string;
  affects: readonly QueryKey[];
}

interface KeptRefusal extends Refusal {
  target: string;
  /** The hashes of the caches the refused action would have changed. */
  affects: readonly string[];
}

/** Refusals by action and target. */
export type Refusals = Readonly<Record<string, KeptRefusal>>;

export const refusalsKey = (scope: QueryScope) => ['capabilities', scope.region, scope.projectId, 'refusals'] as const;

/** The refusal a failure stands for: a 403 from a service. */
export function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof ApiError) || error.status !== 403 || error.service === 'zenith') return null;
  return { message: error.message, service: error.service, requestId: error.requestId };
}

const slotOf = (action: string, target: string) => `${action}\u0000${target}`;

export function rememberRefusal(queryClient: QueryClient, scope: QueryScope, attempt: Attempt, refusal: Refusal) {
  const kept: KeptRefusal = { ...refusal, target: attempt.target, affects: attempt.affects.map((key) => hashKey(key)) };
  queryClient.setQueryData<Refusals>(refusalsKey(scope), (current) => ({ ...current, [slotOf(attempt.action, attempt.target)]: kept }));
}

/**
 * Forgets what an action that succeeded may have made possible: the refusals on its target (a resource), and the
 * refusals of creates in the project that would have changed a cache it changed. Another create succeeding changes
 * nothing for a create refused by policy: a key pair made by a reader does not let them make a network.
 */
export function forgetRefusals(queryClient: QueryClient, scope: QueryScope, success: Omit<Attempt, 'action'>) {
  const changed = new Set(success.affects.map((key) => hashKey(key)));
  const lifted = (kept: KeptRefusal) =>
    kept.target === scope.projectId ? kept.affects.some((key) => changed.has(key)) : kept.target === success.target;
  const current = queryClient.getQueryData<Refusals>(refusalsKey(scope));
  if (!current || !Object.values(current).some(lifted)) return;
  queryClient.setQueryData<Refusals>(refusalsKey(scope), Object.fromEntries(Object.entries(current).filter(([, kept]) => !lifted(kept))));
}

/** The refusal that greys `action` on `target`, if any. */
export function refusalFor(refusals: Refusals, action: string, target: string): Refusal | undefined {
  const kept = refusals[slotOf(action, target)];
  return kept && { message: kept.message, service: kept.service, requestId: kept.requestId };
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
