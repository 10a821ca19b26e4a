import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchVolumes } from './volumes';

afterEach(() => vi.unstubAllGlobals());

describe('volumes', () => {
  it('asks Cinder (block-storage) for the available bootable volumes, page after page', async () => {
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string | URL) => {
        urls.push(String(input));
        return Response.json(
          urls.length === 1
            ? { volumes: [{ id: 'v1' }], volumes_links: [{ rel: 'next', href: 'http://cinder/v3/p/volumes/detail?marker=v1' }] }
            : { volumes: [{ id: 'v2' }] },
        );
      }),
    );
    const volumes = await fetchVolumes({ status: 'available', bootable: true });
    expect(volumes.map((volume) => volume.id)).toEqual(['v1', 'v2']);
    expect(urls).toEqual([
      '/api/os/block-storage/volumes/detail?status=available&bootable=true',
      '/api/os/block-storage/volumes/detail?status=available&bootable=true&marker=v1',
    ]);
  });

  it("passes Cinder's itemNotFound message and request id through", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ itemNotFound: { code: 404, message: 'Volume v9 could not be found.' } }), {
            status: 404,
            headers: { 'content-type': 'application/json', 'x-openstack-request-id': 'req-cinder-1' },
          }),
      ),
    );
    await expect(fetchVolumes()).rejects.toMatchObject({
      status: 404,
      service: 'block-storage',
      message: 'Volume v9 could not be found.',
      requestId: 'req-cinder-1',
    });
  });
});
