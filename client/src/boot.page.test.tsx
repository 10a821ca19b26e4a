// @vitest-environment jsdom
// The app started as main.tsx starts it, from a page the BFF served with a bootstrap block: the session and the
// compute microversions known at once, so the first page's reads go out without asking for them first.
import { render, screen } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootstrapElementId, type Bootstrap } from '@contract/bootstrap';
import type { SessionView } from '@contract/session';
import { App } from './app/app';
import { createQueryClient } from './app/query-client';
import { startEarlyReads } from './app/early-reads';
import { appRoutes } from './app/router';
import { takeBootstrap } from './lib/api/bootstrap';
import { api } from './lib/api/client';
import { startFromBootstrap } from './resources/session/session';
import { FakeBff } from './testing/fake-bff';
import sessionDemo from './testing/fixtures/session-demo.json';
import { servers } from './testing/fixtures';
import { cleanupApp, rowOf } from './testing/render-app';

afterEach(() => {
  cleanupApp();
  api.requestLog.clear();
  api.setSession(null);
});

const listPath = '/api/os/compute/servers/detail';
// The cloud's newest, as index.html says it: a page that asked /api/versions/compute would get the fixture's 2.93.
const compute = { serviceType: 'compute', version: 'v2.1', minMicroversion: '2.1', maxMicroversion: '2.90' };

function servedWith(bootstrap: Bootstrap | undefined) {
  if (bootstrap) {
    const element = document.createElement('script');
    element.type = 'application/json';
    element.id = bootstrapElementId;
    element.textContent = JSON.stringify(bootstrap);
    document.head.append(element);
  }
}

function start(path: string, bff: FakeBff) {
  vi.stubGlobal('fetch', bff.fetch);
  const bootstrap = takeBootstrap();
  // As main.tsx does before the app's code has loaded.
  const url = new URL(path, 'http://zenith.test');
  startEarlyReads(bootstrap, url);
  const queryClient = createQueryClient();
  startFromBootstrap(queryClient, bootstrap);
  const router = createMemoryRouter(appRoutes(queryClient), { initialEntries: [path] });
  render(<App queryClient={queryClient} router={router} />);
  return router;
}

const session = { ...sessionDemo, expiresAt: new Date(Date.now() + 3_600_000).toISOString() } as SessionView;

describe('starting from index.html\'s bootstrap', () => {
  it('reads the page\'s data at once: no session read, no version read, the microversion index.html gave', async () => {
    // A region of its own: the API client's version cache outlives the test.
    servedWith({ session: { ...session, region: 'RegionBoot', regions: ['RegionBoot'] }, versions: [compute] });
    const bff = new FakeBff().on('GET', listPath, { servers });
    start('/instances', bff);
    expect(await rowOf(servers[0]!.name)).toBeTruthy();
    expect(bff.calls('GET', '/api/auth/session')).toHaveLength(0);
    expect(bff.calls('GET', '/api/versions/compute')).toHaveLength(0);
    const list = api.requestLog.entries().find((entry) => entry.path.startsWith(listPath) && entry.purpose !== 'probe');
    // The list asks for 2.93: the cloud index.html describes stops at 2.90 (the fixture's goes to 2.93).
    expect(list?.headers).toMatchObject({ 'OpenStack-API-Version': 'compute 2.90' });
    // Read once: nothing stale is left in the document for anyone to read again.
    expect(document.getElementById(bootstrapElementId)).toBeNull();
  });

  it('has the page\'s first read on the wire from the bootstrap alone, before the app\'s code runs', async () => {
    const bff = new FakeBff().on('GET', listPath, { servers });
    vi.stubGlobal('fetch', bff.fetch);
    startEarlyReads({ session: { ...session, region: 'RegionEarly', regions: ['RegionEarly'] }, versions: [compute] }, { pathname: '/instances', search: '?limit=50' });
    await vi.waitFor(() => expect(bff.calls('GET', listPath)).toHaveLength(1));
    expect(bff.calls('GET', listPath)[0]?.url.searchParams.get('limit')).toBe('51');
    api.setSession(null);
  });

  it('lets the route take the early read instead of asking again: one call in all', async () => {
    servedWith({ session: { ...session, region: 'RegionJoin', regions: ['RegionJoin'] }, versions: [compute] });
    const bff = new FakeBff().on('GET', listPath, { servers });
    start('/instances?limit=50&sort=name&direction=asc', bff);
    expect(await rowOf(servers[0]!.name)).toBeTruthy();
    // (The admin section's probe reads the same path, for all projects.)
    expect(bff.calls('GET', listPath).filter((call) => !call.url.searchParams.has('all_tenants'))).toHaveLength(1);
  });

  it.each([
    ['/instances', '?limit=50&name=web', '/api/os/compute/servers/detail', async (search: URLSearchParams) => {
      const [{ fetchServerPage }, { listCodec }] = await Promise.all([import('./resources/servers/servers'), import('./resources/servers/list-state')]);
      return fetchServerPage(listCodec.parse(search));
    }],
    ['/volumes', '?limit=100&status=available', '/api/os/block-storage/volumes/detail', async (search: URLSearchParams) => {
      const [{ fetchVolumePage }, { listCodec }] = await Promise.all([import('./resources/volumes/volumes'), import('./resources/volumes/list-state')]);
      return fetchVolumePage(listCodec.parse(search));
    }],
  ])('%s: the early read is the request the page\'s fetcher makes', async (pathname, search, path, fetchPage) => {
    const bff = new FakeBff().on('GET', path, { servers: [], volumes: [] });
    vi.stubGlobal('fetch', bff.fetch);
    const blockStorage = { serviceType: 'block-storage', version: 'v3.0', minMicroversion: '3.0', maxMicroversion: '3.70' };
    startEarlyReads({ session: { ...session, region: `Region${pathname}` }, versions: [compute, blockStorage] }, { pathname, search });
    await vi.waitFor(() => expect(bff.calls('GET', path)).toHaveLength(1));
    await fetchPage(new URLSearchParams(search));
    expect(bff.calls('GET', path)).toHaveLength(1);
    api.setSession(null);
  });

  it('starts no early read for a page without one, nor signed out', () => {
    const bff = new FakeBff();
    vi.stubGlobal('fetch', bff.fetch);
    startEarlyReads({ session, versions: [compute] }, { pathname: '/images', search: '' });
    startEarlyReads({ session: null, versions: [] }, { pathname: '/instances', search: '' });
    startEarlyReads(undefined, { pathname: '/instances', search: '' });
    expect(bff.calls('GET', listPath)).toHaveLength(0);
  });

  it('goes to the login page without asking when index.html says there is no session', async () => {
    servedWith({ session: null, versions: [] });
    const bff = new FakeBff();
    const router = start('/instances', bff);
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.state).toMatchObject({ from: '/instances' });
    expect(bff.calls('GET', '/api/auth/session')).toHaveLength(0);
  });

  it('asks for everything without a bootstrap (the Vite dev server\'s page)', async () => {
    servedWith(undefined);
    const bff = new FakeBff().on('GET', listPath, { servers });
    start('/instances', bff);
    expect(await rowOf(servers[0]!.name)).toBeTruthy();
    expect(bff.calls('GET', '/api/auth/session')).toHaveLength(1);
    expect(bff.calls('GET', '/api/versions/compute')).toHaveLength(1);
  });
});
