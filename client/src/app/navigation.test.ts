import { describe, expect, it } from 'vitest';
import { navEntries, visibleNavEntries } from './navigation';

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

  it('lists the overview, which every cloud has', () => {
    expect(visibleNavEntries(navEntries, []).map((entry) => entry.to)).toEqual(['/']);
  });
});
