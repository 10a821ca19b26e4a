import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../lib/api/client';
import { scopedQueryKeys } from '../../lib/api/query-keys';
import type { SessionView } from '@contract/session';
import { adoptSession, fetchSession, sessionQueryKey, startFromBootstrap } from './session';

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

describe('startFromBootstrap', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    api.setSession(null);
  });

  it('makes the session known, for the page and for the API client', async () => {
    const queryClient = new QueryClient();
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    startFromBootstrap(queryClient, { session: session(), versions: [{ serviceType: 'compute', maxMicroversion: '2.90', minMicroversion: '2.1' }] });
    expect(queryClient.getQueryData(sessionQueryKey)).toEqual(session());
    expect(await api.serviceVersions('compute')).toMatchObject({ maxMicroversion: '2.90' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('answers the first session read of a page served signed out, and only that one', async () => {
    const fetch = vi.fn(async () => Response.json(session()));
    vi.stubGlobal('fetch', fetch);
    startFromBootstrap(new QueryClient(), { session: null, versions: [] });
    await expect(fetchSession()).rejects.toMatchObject({ status: 401, code: undefined });
    expect(fetch).not.toHaveBeenCalled();
    expect(await fetchSession()).toEqual(session());
  });

  it('forgets "signed out" once the page signs in before reading the session (started on the login page)', async () => {
    const fetch = vi.fn(async () => Response.json(session()));
    vi.stubGlobal('fetch', fetch);
    const queryClient = new QueryClient();
    startFromBootstrap(queryClient, { session: null, versions: [] });
    adoptSession(queryClient, session());
    expect(await fetchSession()).toEqual(session());
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
