import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchImage, fetchImagePage, fetchImages } from './images';

afterEach(() => vi.unstubAllGlobals());

function stubGlance(answer: (url: string) => Response) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL) => {
      urls.push(String(input));
      return answer(String(input));
    }),
  );
  return urls;
}

describe('images', () => {
  it('asks for instance snapshots by the image_type property Nova sets on them', async () => {
    const urls = stubGlance(() => Response.json({ images: [] }));
    await fetchImages({ snapshotsOnly: true, status: 'active' });
    expect(urls).toEqual(['/api/os/image/v2/images?status=active&image_type=snapshot&limit=1000']);
  });

  it('reads one page with its filters and gives the marker of the next one', async () => {
    const urls = stubGlance(() =>
      Response.json({ images: [{ id: 'i1' }], next: '/v2/images?visibility=private&limit=1&marker=i1' }),
    );
    const page = await fetchImagePage({ visibility: 'private', name: 'my image', limit: 1 });
    expect(urls).toEqual(['/api/os/image/v2/images?visibility=private&name=my+image&limit=1']);
    expect(page).toEqual({ items: [{ id: 'i1' }], nextMarker: 'i1' });
  });

  it("shows Glance's own 404 message and request id for an image that is gone", async () => {
    stubGlance(
      () =>
        new Response('<html><body><h1>404 Not Found</h1>No image found with ID i9</body></html>', {
          status: 404,
          headers: { 'content-type': 'text/html', 'x-openstack-request-id': 'req-glance-1' },
        }),
    );
    await expect(fetchImage('i9')).rejects.toMatchObject({
      name: 'ApiError',
      status: 404,
      service: 'image',
      message: expect.stringContaining('No image found with ID i9'),
      requestId: 'req-glance-1',
    });
  });
});
