import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubJsonFetch } from '../../testing/stub-fetch';
import { distinctImageIds, fetchImagesByIds, imageIdBatches, maxBatchUrlLength } from './images-by-ids';

afterEach(() => vi.unstubAllGlobals());

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

// Glance answers only the images that exist: here, every id but the last of each call.
const stubGlance = () =>
  stubJsonFetch((url) => {
    const ids = (url.searchParams.get('id') ?? '').replace(/^in:/, '').split(',');
    return { images: ids.slice(0, -1).map((id) => ({ id, name: `image ${id.slice(-3)}` })) };
  });

describe('fetchImagesByIds', () => {
  it("asks Glance once for a page's distinct image ids, with a limit that fits them all", async () => {
    const urls = stubGlance();
    const images = await fetchImagesByIds([uuid(2), uuid(1), uuid(2), uuid(3), uuid(1)]);
    expect(urls).toHaveLength(1);
    const params = urls[0]!.searchParams;
    expect(urls[0]!.pathname).toBe('/api/os/image/v2/images');
    expect(params.get('id')).toBe(`in:${uuid(1)},${uuid(2)},${uuid(3)}`);
    expect(params.get('limit')).toBe('3');
    expect([...images.keys()]).toEqual([uuid(1), uuid(2)]);
    expect(images.get(uuid(2))?.name).toBe('image 002');
  });

  it('makes no call at all when the page has no image (boot from volume, empty page)', async () => {
    const urls = stubGlance();
    const images = await fetchImagesByIds(distinctImageIds(['', undefined, null]));
    expect(urls).toEqual([]);
    expect(images.size).toBe(0);
  });

  it('splits ids into as few calls as the URL length allows, every URL within it', async () => {
    const urls = stubGlance();
    const ids = Array.from({ length: 200 }, (_, index) => uuid(index));
    await fetchImagesByIds(ids);
    expect(urls.length).toBe(imageIdBatches(ids).length);
    expect(urls.length).toBeGreaterThan(1);
    expect(urls.length).toBeLessThanOrEqual(4);
    for (const url of urls) expect((url.pathname + url.search).length).toBeLessThanOrEqual(maxBatchUrlLength);
    const asked = urls.flatMap((url) => (url.searchParams.get('id') ?? '').replace(/^in:/, '').split(','));
    expect(asked.sort()).toEqual([...ids].sort());
  });
});

describe('imageIdBatches', () => {
  it('keeps a batch whole while it fits, and never makes an empty one', () => {
    const ids = [uuid(1), uuid(2), uuid(3)];
    expect(imageIdBatches(ids)).toEqual([ids]);
    expect(imageIdBatches(ids, 1)).toEqual([[uuid(1)], [uuid(2)], [uuid(3)]]);
    expect(imageIdBatches([])).toEqual([]);
  });
});

describe('distinctImageIds', () => {
  it('drops duplicates, blanks and ids that cannot be written in an in: list, in a stable order', () => {
    expect(distinctImageIds(['b', 'a', 'b', '', null, undefined, 'x,y'])).toEqual(['a', 'b']);
  });
});
