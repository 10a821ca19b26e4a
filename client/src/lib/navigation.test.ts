import { describe, expect, it } from 'vitest';
import { navGroups, visibleNavEntries } from './navigation';

describe('visibleNavEntries', () => {
  const entries = [
    { to: '/', serviceType: undefined },
    { to: '/compute/servers', serviceType: 'compute' },
    { to: '/volumes', serviceType: 'block-storage' },
    { to: '/stacks', serviceType: 'orchestration' },
  ];

  it("shows pages whose service is in the catalog, under any of its names, and pages that need none", () => {
    const services = [
      { type: 'compute', name: 'nova' },
      { type: 'volumev3', name: 'cinderv3' },
    ];
    expect(visibleNavEntries(entries, services).map((entry) => entry.to)).toEqual(['/', '/compute/servers', '/volumes']);
  });

  it('shows only service-less pages for an empty catalog', () => {
    expect(visibleNavEntries(entries, []).map((entry) => entry.to)).toEqual(['/']);
  });

  it('hides the pages that need a role the token does not carry', () => {
    const adminPages = [{ to: '/admin/quotas', serviceType: 'compute', requiresRole: 'admin' }];
    const services = [{ type: 'compute', name: 'nova' }];
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
