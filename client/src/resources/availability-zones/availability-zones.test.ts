import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchAvailableZoneNames } from './availability-zones';

afterEach(() => vi.unstubAllGlobals());

describe('fetchAvailableZoneNames', () => {
  it.each(['compute', 'block-storage'] as const)('offers the %s zones that are up, by name', async (service) => {
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string | URL) => {
        urls.push(String(input));
        return Response.json({
          availabilityZoneInfo: [
            { zoneName: 'zone-b', zoneState: { available: true }, hosts: null },
            { zoneName: 'zone-down', zoneState: { available: false }, hosts: null },
            { zoneName: 'zone-a', zoneState: { available: true }, hosts: null },
          ],
        });
      }),
    );
    expect(await fetchAvailableZoneNames(service)).toEqual(['zone-a', 'zone-b']);
    expect(urls).toEqual([`/api/os/${service}/os-availability-zone`]);
  });
});
