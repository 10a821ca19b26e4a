import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '@contract/catalog';
import { catalogGroups, catalogRegions } from './catalog';

const endpoint = (region: string | null, iface: 'public' | 'internal' | 'admin', url: string) => ({ id: `${region}-${iface}-${url}`, region, interface: iface, url });
const entries: CatalogEntry[] = [
  { type: 'network', name: 'neutron', endpoints: [endpoint('RegionTwo', 'public', 'http://two:9696'), endpoint('RegionOne', 'admin', 'http://one-admin:9696'), endpoint('RegionOne', 'public', 'http://one:9696')] },
  { type: 'compute', name: 'nova', endpoints: [endpoint('RegionOne', 'internal', 'http://nova-int'), endpoint('RegionOne', 'public', 'http://nova')] },
  { type: 'object-store', name: 'swift', endpoints: [endpoint('RegionTwo', 'public', 'http://swift')] },
];

describe('catalogGroups', () => {
  it('groups by service type, endpoints by region then public, internal, admin', () => {
    const groups = catalogGroups(entries, { region: '', interface: '' });
    expect(groups.map((group) => group.type)).toEqual(['compute', 'network', 'object-store']);
    expect(groups[1]!.endpoints.map((e) => `${e.region} ${e.interface}`)).toEqual(['RegionOne public', 'RegionOne admin', 'RegionTwo public']);
    expect(groups[0]!.endpoints.map((e) => e.interface)).toEqual(['public', 'internal']);
  });

  it('filters by region and interface, leaving out services with nothing left', () => {
    const groups = catalogGroups(entries, { region: 'RegionOne', interface: 'public' });
    expect(groups.map((group) => [group.type, group.endpoints.map((e) => e.url)])).toEqual([
      ['compute', ['http://nova']],
      ['network', ['http://one:9696']],
    ]);
    expect(catalogGroups(entries, { region: 'RegionThree', interface: '' })).toEqual([]);
  });

  it('lists every region once', () => {
    expect(catalogRegions([...entries, { type: 'x', name: 'x', endpoints: [endpoint(null, 'public', 'http://x')] }])).toEqual(['RegionOne', 'RegionTwo']);
  });
});
