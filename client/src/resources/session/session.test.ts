import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { scopedQueryKeys } from '../../lib/api/query-keys';
import type { SessionView } from '@contract/session';
import { adoptSession, sessionQueryKey } from './session';

function session(overrides: { userId?: string; projectId?: string; region?: string } = {}): SessionView {
  const domain = { id: 'default', name: 'Default' };
  return {
    user: { id: overrides.userId ?? 'u-demo', name: 'demo', domain },
    project: { id: overrides.projectId ?? 'p-demo', name: 'demo', domain },
    roles: ['member'],
    region: overrides.region ?? 'RegionOne',
    regions: ['RegionOne', 'RegionTwo'],
    interface: 'public',
    services: [{ type: 'compute', name: 'nova', url: 'http://nova.example/v2.1' }],
    signIn: { methods: ['password'] },
    expiresAt: '2030-01-01T00:00:00Z',
    csrfToken: 'csrf',
  };
}

const servers = scopedQueryKeys('compute', 'servers');

function cacheWith(current: SessionView) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(sessionQueryKey, current);
  queryClient.setQueryData(['auth', 'projects'], []);
  queryClient.setQueryData(servers.all({ region: 'RegionOne', projectId: 'p-demo' }), ['demo server']);
  queryClient.setQueryData(servers.all({ region: 'RegionOne', projectId: 'p-other' }), ['other server']);
  return queryClient;
}

const cachedKeys = (queryClient: QueryClient) => queryClient.getQueryCache().getAll().map((query) => query.queryKey);

describe('adoptSession', () => {
  it('drops what was cached for the project the page leaves, and only that', () => {
    const queryClient = cacheWith(session());
    adoptSession(queryClient, session({ projectId: 'p-demo-2' }));
    expect(cachedKeys(queryClient)).toEqual([
      sessionQueryKey,
      ['auth', 'projects'],
      servers.all({ region: 'RegionOne', projectId: 'p-other' }),
    ]);
    expect(queryClient.getQueryData<SessionView>(sessionQueryKey)?.project.id).toBe('p-demo-2');
  });

  it('drops what was cached for the region the page leaves', () => {
    const queryClient = cacheWith(session());
    adoptSession(queryClient, session({ region: 'RegionTwo' }));
    expect(queryClient.getQueryData(servers.all({ region: 'RegionOne', projectId: 'p-demo' }))).toBeUndefined();
  });

  it('drops everything but the session when the user changed', () => {
    const queryClient = cacheWith(session());
    adoptSession(queryClient, session({ userId: 'u-admin' }));
    expect(cachedKeys(queryClient)).toEqual([sessionQueryKey]);
  });

  it('keeps the cache when the scope is the same', () => {
    const queryClient = cacheWith(session());
    adoptSession(queryClient, session());
    expect(cachedKeys(queryClient)).toHaveLength(4);
  });
});
