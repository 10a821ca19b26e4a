import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchFlavor, fetchFlavors } from './flavors';

afterEach(() => vi.unstubAllGlobals());

const tiny = {
  id: 'f1',
  name: 'm1.tiny',
  vcpus: 1,
  ram: 512,
  disk: 1,
  'OS-FLV-EXT-DATA:ephemeral': 0,
  'os-flavor-access:is_public': true,
};

function stubNova(maxMicroversion: string, flavorBody: Record<string, unknown>) {
  const requests: { url: string; headers: Record<string, string> }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL, init?: RequestInit) => {
      const url = String(input);
      if (url.startsWith('/api/versions/')) return Response.json({ serviceType: 'compute', minMicroversion: '2.1', maxMicroversion });
      requests.push({ url, headers: init?.headers as Record<string, string> });
      return Response.json(url.includes('/detail') ? { flavors: [flavorBody] } : { flavor: flavorBody });
    }),
  );
  return requests;
}

describe('fetchFlavors', () => {
  it("asks for the project's accessible flavors (is_public=None) at the newest microversion up to 2.75", async () => {
    const requests = stubNova('2.96', { ...tiny, swap: 0, description: null });
    const flavors = await fetchFlavors();
    expect(requests[0]?.url).toBe('/api/os/compute/flavors/detail?is_public=None');
    expect(requests[0]?.headers['OpenStack-API-Version']).toBe('compute 2.75');
    expect(flavors).toEqual([{ ...tiny, swap: 0, description: null }]);
  });

  it('reads the "" an older Nova answers for no swap as 0 MiB', async () => {
    // (The API client remembers the version document of the first test: the cloud's age does not matter here.)
    const requests = stubNova('2.60', { ...tiny, swap: '' });
    expect((await fetchFlavors())[0]?.swap).toBe(0);
    expect((await fetchFlavor('f1')).swap).toBe(0);
    expect(requests[1]?.url).toBe('/api/os/compute/flavors/f1');
  });
});
