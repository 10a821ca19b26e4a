import { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { navGroups, prefetchLoader, visibleNavEntries } from './navigation';
import type { Scope } from './scope';

describe('visibleNavEntries', () => {
  const entries = [
    { to: '/', serviceType: undefined },
    { to: '/compute/servers', serviceType: 'compute' },
    { to: '/volumes', serviceType: 'block-storage' },
    { to: '/stacks', serviceType: 'orchestration' },
  ];

  it("shows pages whose service is in the catalog, under any of its names, and pages that need none", () => {
    const services = [
      { type: 'compute', name: 'nova', url: 'http://nova.example/v2.1' },
      { type: 'volumev3', name: 'cinderv3', url: 'http://cinder.example/v3/p1' },
    ];
    expect(visibleNavEntries(entries, services).map((entry) => entry.to)).toEqual(['/', '/compute/servers', '/volumes']);
  });

  it('shows only service-less pages for an empty catalog', () => {
    expect(visibleNavEntries(entries, []).map((entry) => entry.to)).toEqual(['/']);
  });

  it('hides the pages that need a role the token does not carry', () => {
    const adminPages = [{ to: '/admin/quotas', serviceType: 'compute', requiresRole: 'admin' }];
    const services = [{ type: 'compute', name: 'nova', url: 'http://nova.example/v2.1' }];
    expect(visibleNavEntries(adminPages, services, ['member', 'reader'])).toEqual([]);
    expect(visibleNavEntries(adminPages, services, ['admin'])).toEqual(adminPages);
  });
});

describe('navGroups', () => {
  it('puts the unsectioned entries first, then each non-empty section in its fixed order', () => {
    const groups = navGroups([
      { to: '/networks', section: 'network' as const },
      { to: '/', section: undefined },
      { to: '/instances', section: 'compute' as const },
      { to: '/images', section: 'compute' as const },
    ]);
    expect(groups.map((group) => [group.section, group.entries.map((entry) => entry.to)])).toEqual([
      [undefined, ['/']],
      ['compute', ['/instances', '/images']],
      ['network', ['/networks']],
    ]);
  });
});

const scope = { projectId: 'p1', region: 'RegionOne' } as Scope;
const args = (url: string) => ({ request: new Request(url), params: {}, context: undefined }) as unknown as LoaderFunctionArgs;

describe('prefetchLoader', () => {
  it('returns at once and reads the page the URL asks for, also when the query options are imported first', async () => {
    const queryClient = new QueryClient();
    const queryFn = vi.fn(async () => ['row']);
    const loader = prefetchLoader({ queryClient, scope: async () => scope }, async (current, search) => {
      await Promise.resolve(); // as a dynamic import of the resource's module would
      return { queryKey: ['volumes', current.projectId, search.get('status')], queryFn };
    });

    expect(await loader(args('http://zenith.test/volumes?status=available'))).toBeNull();
    await vi.waitFor(() => expect(queryClient.getQueryData(['volumes', 'p1', 'available'])).toEqual(['row']));
    expect(queryFn).toHaveBeenCalledTimes(1);
  });

  it('reads nothing without a session', async () => {
    const queryClient = new QueryClient();
    const read = vi.fn();
    await prefetchLoader({ queryClient, scope: async () => null }, read)(args('http://zenith.test/volumes'));
    await Promise.resolve();
    expect(read).not.toHaveBeenCalled();
  });
});
