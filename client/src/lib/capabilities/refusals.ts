// The actions the cloud refused by policy (403) in this scope, remembered so the page offers them no more: the
// menu item stays, disabled, with the service's reason. Kept in the query cache under the scope's prefix, so a
// project or region switch (or another user) forgets them, as does a reload.
//
// A refusal covers the action in the scope, unless the resource belonged to another project (a shared network,
// a public image): the policy then refused it for that owner's resource, and only that resource's item is greyed.
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

/** The project a resource belongs to, read from the field OpenStack services name it by; undefined if none. */
export function ownerOf(resource: unknown): string | undefined {
  if (typeof resource !== 'object' || resource === null) return undefined;
  const fields = resource as Record<string, unknown>;
  for (const name of ['project_id', 'tenant_id', 'os-vol-tenant-attr:tenant_id', 'owner']) {
    const value = fields[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/**
 * Where a refusal of `action` on `resource` is kept: the action alone, or the action and the resource when the
 * resource is another project's.
 */
export function refusalSlot(scope: QueryScope, action: string, resource: unknown, resourceId: string): string {
  const owner = ownerOf(resource);
  return owner !== undefined && owner !== scope.projectId ? `${action}\u0000${resourceId}` : action;
}

export function rememberRefusal(queryClient: QueryClient, scope: QueryScope, slot: string, refusal: Refusal) {
  queryClient.setQueryData<Refusals>(refusalsKey(scope), (current) => ({ ...current, [slot]: refusal }));
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
