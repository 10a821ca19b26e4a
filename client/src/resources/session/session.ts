import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError } from '../../lib/api/api-error';
import { api } from '../../lib/api/client';
import { adoptBootstrap } from '../../lib/api/bootstrap';
import { isKeyInScope } from '../../lib/api/query-keys';
import type { Bootstrap } from '@contract/bootstrap';
import type { SessionView } from '@contract/session';
import type { Scope } from '../../lib/scope';

export const sessionQueryKey = ['auth', 'session'] as const;

/** index.html said this page load has no session: the first read answers that without asking again. */
let signedOutAtStart = false;

export async function fetchSession({ signal }: { signal?: AbortSignal } = {}): Promise<SessionView> {
  if (signedOutAtStart) {
    signedOutAtStart = false;
    // What the BFF's 401 would say, minus its session-end code: a first visit, not a session that ended.
    throw new ApiError(401, 'zenith', 'Not signed in');
  }
  const session = await api.get<SessionView>('/api/auth/session', { signal });
  api.setSession({ csrfToken: session.csrfToken, region: session.region, projectId: session.project.id });
  return session;
}

export const sessionQueryOptions = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: fetchSession,
  staleTime: 60_000,
  // A 401 is an answer (no session), not a failure to retry, nor to ask again because the gate mounted.
  retry: false,
  retryOnMount: false,
});

/**
 * Starts the page from what the BFF wrote into index.html: the session (and the version documents of its region)
 * as if GET /api/auth/session and /api/versions/<type> had just answered, so the shell and the page's loaders start
 * their own reads at once. Without a bootstrap (the Vite dev server) nothing is known and everything is asked.
 */
export function startFromBootstrap(queryClient: QueryClient, bootstrap: Bootstrap | undefined) {
  if (!bootstrap) return;
  const session = adoptBootstrap(api, bootstrap);
  if (session === null) {
    signedOutAtStart = true;
    return;
  }
  queryClient.setQueryData(sessionQueryKey, session);
}

/** The scope a session's pages work in. */
export function sessionScope(session: SessionView): Scope {
  return { region: session.region, projectId: session.project.id, projectName: session.project.name, services: session.services };
}

export function useSession() {
  return useQuery(sessionQueryOptions);
}

// setTimeout takes at most 2^31-1 ms (about 24.8 days).
const longestTimer = 2_147_483_647;

/**
 * When the session's token expires, asks the BFF again: it answers 401, and the user goes to the login page
 * saying the session expired, instead of finding out on their next click.
 */
export function useSessionExpiry(expiresAt: string | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!expiresAt) return;
    const remaining = Date.parse(expiresAt) - Date.now();
    if (Number.isNaN(remaining)) return;
    const timer = window.setTimeout(
      () => void queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
      Math.min(Math.max(remaining + 1000, 0), longestTimer),
    );
    return () => window.clearTimeout(timer);
  }, [expiresAt, queryClient]);
}

const isSessionKey = (key: readonly unknown[]) => key.length === 2 && key[0] === 'auth' && key[1] === 'session';

const scopeOf = (session: SessionView) => ({ region: session.region, projectId: session.project.id });

/**
 * Makes `next` the session of this page (after login, rescope, or a change made in another tab). Whatever was
 * cached for a scope the page is leaving goes, and everything goes when the user changed: nothing read for one
 * project or user can be shown for another.
 */
export function adoptSession(queryClient: QueryClient, next: SessionView) {
  // A page that started signed out (on the login page, say) now has a session: index.html's word is over.
  signedOutAtStart = false;
  const previous = queryClient.getQueryData<SessionView>(sessionQueryKey);
  api.setSession({ csrfToken: next.csrfToken, region: next.region, projectId: next.project.id });
  if (previous && previous.user.id !== next.user.id) {
    queryClient.removeQueries({ predicate: (query) => !isSessionKey(query.queryKey) });
  } else if (previous && (previous.project.id !== next.project.id || previous.region !== next.region)) {
    const left = scopeOf(previous);
    queryClient.removeQueries({ predicate: (query) => isKeyInScope(query.queryKey, left) });
  }
  queryClient.setQueryData(sessionQueryKey, next);
}

/** Stops in-flight reads of the current scope before it changes, so none lands after the switch. */
export async function cancelScopedQueries(queryClient: QueryClient) {
  const current = queryClient.getQueryData<SessionView>(sessionQueryKey);
  if (current) await queryClient.cancelQueries({ predicate: (query) => isKeyInScope(query.queryKey, scopeOf(current)) });
}
