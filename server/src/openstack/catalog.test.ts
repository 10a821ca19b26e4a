import { describe, expect, it } from 'vitest';
import { sampleCatalog, sampleProjectId } from '../testing/harness.js';
import { serviceTypeCandidates } from '../contract/service-types.js';
import { catalogRegions, catalogServices, chooseRegion, selectEndpoint } from './catalog.js';
import type { KeystoneCatalogEntry } from './keystone-types.js';

const catalog = sampleCatalog();
const publicIn = (region: string) => ({ region, interface: 'public' as const });

describe('selectEndpoint', () => {
  it('finds a service by type, region and interface, without a trailing slash', () => {
    expect(selectEndpoint(catalog, { serviceType: 'compute', ...publicIn('RegionOne') })).toBe('http://compute.example:8774/v2.1');
    expect(selectEndpoint(catalog, { serviceType: 'image', ...publicIn('RegionOne') })).toBe('http://image.example:9292');
  });

  it('honours the interface', () => {
    expect(selectEndpoint(catalog, { serviceType: 'compute', region: 'RegionOne', interface: 'internal' })).toBe(
      'http://compute.internal:8774/v2.1',
    );
    expect(selectEndpoint(catalog, { serviceType: 'compute', region: 'RegionOne', interface: 'admin' })).toBeUndefined();
  });

  it('honours the region', () => {
    const twoRegions: KeystoneCatalogEntry[] = [
      {
        id: 'n',
        type: 'network',
        endpoints: [
          { id: '1', interface: 'public', region: 'RegionOne', region_id: 'RegionOne', url: 'http://one:9696' },
          { id: '2', interface: 'public', region: 'RegionTwo', region_id: 'RegionTwo', url: 'http://two:9696' },
        ],
      },
    ];
    expect(selectEndpoint(twoRegions, { serviceType: 'network', ...publicIn('RegionTwo') })).toBe('http://two:9696');
    expect(selectEndpoint(twoRegions, { serviceType: 'network', ...publicIn('RegionThree') })).toBeUndefined();
  });

  it('keeps the project id Keystone substituted into the URL', () => {
    expect(selectEndpoint(catalog, { serviceType: 'volumev3', ...publicIn('RegionOne') })).toBe(
      `http://volume.example:8776/v3/${sampleProjectId}`,
    );
  });

  it('finds block storage under any of its service-types-authority names', () => {
    for (const alias of ['block-storage', 'volumev3', 'volumev2', 'volume', 'block-store']) {
      expect(selectEndpoint(catalog, { serviceType: alias, ...publicIn('RegionOne') })).toBe(
        `http://volume.example:8776/v3/${sampleProjectId}`,
      );
    }
  });

  it('prefers the exact type asked for over another member of its family', () => {
    const both: KeystoneCatalogEntry[] = [
      { id: '2', type: 'volumev2', endpoints: [{ id: 'a', interface: 'public', region: 'R', region_id: 'R', url: 'http://v2' }] },
      { id: '3', type: 'volumev3', endpoints: [{ id: 'b', interface: 'public', region: 'R', region_id: 'R', url: 'http://v3' }] },
    ];
    expect(selectEndpoint(both, { serviceType: 'volumev2', ...publicIn('R') })).toBe('http://v2');
    expect(selectEndpoint(both, { serviceType: 'volumev3', ...publicIn('R') })).toBe('http://v3');
    // The official type is absent: its aliases are tried in authority order.
    expect(selectEndpoint(both, { serviceType: 'block-storage', ...publicIn('R') })).toBe('http://v3');
  });

  it('does not invent services', () => {
    expect(selectEndpoint(catalog, { serviceType: 'orchestration', ...publicIn('RegionOne') })).toBeUndefined();
    expect(serviceTypeCandidates('compute')).toEqual(['compute']);
  });

  it('reads the deprecated `region` when region_id is null', () => {
    const legacy: KeystoneCatalogEntry[] = [
      { id: 'x', type: 'compute', endpoints: [{ id: 'e', interface: 'public', region: 'Old', region_id: null, url: 'http://old' }] },
    ];
    expect(selectEndpoint(legacy, { serviceType: 'compute', ...publicIn('Old') })).toBe('http://old');
  });
});

describe('catalog summaries', () => {
  it('lists every region once, in catalog order', () => {
    expect(catalogRegions(catalog)).toEqual(['RegionOne', 'RegionTwo']);
  });

  it('lists the services with an endpoint of the interface in the region', () => {
    expect(catalogServices(catalog, 'RegionOne', 'public')).toEqual([
      { type: 'compute', name: 'nova', url: 'http://compute.example:8774/v2.1' },
      { type: 'volumev3', name: 'cinderv3', url: `http://volume.example:8776/v3/${sampleProjectId}` },
      { type: 'image', name: 'glance', url: 'http://image.example:9292' },
    ]);
    expect(catalogServices(catalog, 'RegionOne', 'admin')).toEqual([]);
    expect(catalogServices(catalog, 'Elsewhere', 'public')).toEqual([]);
  });
});

describe('chooseRegion', () => {
  it('accepts a requested region only when the catalog has it', () => {
    expect(chooseRegion(catalog, 'RegionTwo')).toBe('RegionTwo');
    expect(chooseRegion(catalog, 'Atlantis', 'RegionOne')).toBeUndefined();
  });

  it('falls back to the first preferred region the catalog has, then to the first region', () => {
    expect(chooseRegion(catalog, undefined, 'Atlantis', 'RegionTwo')).toBe('RegionTwo');
    expect(chooseRegion(catalog, undefined, undefined)).toBe('RegionOne');
    expect(chooseRegion([], undefined, 'RegionOne')).toBeUndefined();
  });
});
