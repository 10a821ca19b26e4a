import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchAllPages, fetchListPage, nextMarkerOf } from './openstack-list';

afterEach(() => vi.unstubAllGlobals());

describe('nextMarkerOf', () => {
  it("reads Glance's next URL", () => {
    expect(nextMarkerOf({ images: [], next: '/v2/images?limit=1&marker=abc' }, 'images')).toBe('abc');
  });

  it("reads Nova, Neutron and Cinder's next link", () => {
    const body = {
      flavors: [],
      flavors_links: [
        { rel: 'previous', href: 'http://nova/v2.1/flavors?marker=old' },
        { rel: 'next', href: 'http://nova/v2.1/flavors?limit=2&marker=m2' },
      ],
    };
    expect(nextMarkerOf(body, 'flavors')).toBe('m2');
  });

  it('says there is no next page when neither dialect says so', () => {
    expect(nextMarkerOf({ images: [], first: '/v2/images' }, 'images')).toBeUndefined();
    expect(nextMarkerOf({ networks: [], networks_links: [{ rel: 'previous', href: '/x?marker=a' }] }, 'networks')).toBeUndefined();
  });
});

describe('fetchAllPages', () => {
  it('asks page after page with the marker of the previous one, then stops', async () => {
    const urls: string[] = [];
    const pages: Record<string, unknown> = {
      '': { networks: [{ id: 'a' }, { id: 'b' }], networks_links: [{ rel: 'next', href: 'http://n/v2.0/networks?marker=b' }] },
      b: { networks: [{ id: 'c' }] },
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string | URL) => {
        urls.push(String(input));
        const marker = new URL(String(input), 'http://spa').searchParams.get('marker') ?? '';
        return Response.json(pages[marker]);
      }),
    );
    const all = await fetchAllPages<{ id: string }>(
      { path: '/api/os/network/v2.0/networks', collection: 'networks', params: { shared: true } },
      2,
    );
    expect(all.map((network) => network.id)).toEqual(['a', 'b', 'c']);
    expect(urls).toEqual([
      '/api/os/network/v2.0/networks?shared=true&limit=2',
      '/api/os/network/v2.0/networks?shared=true&limit=2&marker=b',
    ]);
  });

  it('stops when a service repeats its marker instead of looping forever', async () => {
    const fetchStub = vi.fn(async () =>
      Response.json({ images: [{ id: 'a' }], next: '/v2/images?marker=a' }),
    );
    vi.stubGlobal('fetch', fetchStub);
    const all = await fetchAllPages({ path: '/api/os/image/v2/images', collection: 'images' });
    expect(all).toHaveLength(2);
    expect(fetchStub).toHaveBeenCalledTimes(2);
  });
});

describe('fetchListPage', () => {
  it('refuses an answer without the collection rather than returning nothing', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Response.json({ itemNotFound: { message: 'x' } })));
    await expect(fetchListPage({ path: '/api/os/compute/flavors/detail', collection: 'flavors' })).rejects.toThrow(
      /without "flavors"/,
    );
  });

  it("passes the service's error through as an ApiError with its request id", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ NeutronError: { message: 'Policy does not allow', type: 'PolicyNotAuthorized' } }), {
            status: 403,
            headers: { 'content-type': 'application/json', 'x-openstack-request-id': 'req-9' },
          }),
      ),
    );
    await expect(fetchListPage({ path: '/api/os/network/v2.0/ports', collection: 'ports' })).rejects.toMatchObject({
      name: 'ApiError',
      status: 403,
      service: 'network',
      message: 'Policy does not allow',
      requestId: 'req-9',
    });
  });
});
