// The image names of one page of servers in one Glance call (`GET /v2/images?id=in:a,b,c`), never the whole image
// list and never one call per row: the cost of a list page stays one servers call plus this one.
import { keepPreviousData, queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { fetchListPage } from '../../lib/api/openstack-list';
import type { QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import { readLookupSource, type LookupSource } from '../../lib/ui/lookup-cell';
import type { Image } from './types';
import { imageKeys, imagesPath } from './images';

/**
 * Longest request URL sent for one batch. Glance deployed under uWSGI refuses a request head (URL plus headers,
 * the token among them) beyond its 4 KiB default buffer; 3000 characters leave room for the headers and let one
 * call carry about 75 distinct images, more than a page of servers ever uses.
 */
export const maxBatchUrlLength = 3000;

function batchParams(ids: readonly string[]) {
  // Without a limit Glance would answer only its default page of 25 images.
  return { id: `in:${ids.join(',')}`, limit: ids.length };
}

function batchUrl(ids: readonly string[]): string {
  const { id, limit } = batchParams(ids);
  return `${imagesPath}?${new URLSearchParams({ id, limit: String(limit) }).toString()}`;
}

/** The distinct ids in a stable order (the query key does not change with the order of the rows). */
export function distinctImageIds(ids: Iterable<string | undefined | null>): string[] {
  const distinct = new Set<string>();
  // An id with a comma cannot be written inside `in:`; Glance ids are UUIDs, so such an id names no image.
  for (const id of ids) if (id && !id.includes(',')) distinct.add(id);
  return [...distinct].sort();
}

/** Splits the ids into as few batches as the URL length allows. */
export function imageIdBatches(ids: readonly string[], maxUrlLength = maxBatchUrlLength): string[][] {
  const batches: string[][] = [];
  let batch: string[] = [];
  for (const id of ids) {
    if (batch.length > 0 && batchUrl([...batch, id]).length > maxUrlLength) {
      batches.push(batch);
      batch = [];
    }
    batch.push(id);
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** The visible images among `ids`, by id. Deleted images and images the project cannot see are absent. */
export async function fetchImagesByIds(
  ids: readonly string[],
  signal?: AbortSignal,
): Promise<ReadonlyMap<string, Image>> {
  const batches = imageIdBatches(distinctImageIds(ids));
  const pages = await Promise.all(
    batches.map((batch) =>
      fetchListPage<Image>({ path: imagesPath, collection: 'images', params: batchParams(batch), signal }),
    ),
  );
  return new Map(pages.flatMap((page) => page.items).map((image) => [image.id, image]));
}

export const imagesByIdsQueryOptions = (scope: QueryScope, ids: readonly string[]) => {
  const distinct = distinctImageIds(ids);
  return queryOptions({
    queryKey: imageKeys.list(scope, { view: 'by-ids', ids: distinct }),
    queryFn: ({ signal }) => fetchImagesByIds(distinct, signal),
    enabled: distinct.length > 0,
    // Image names hardly ever change; the next page's names replace these without a blank in between.
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
};

/** The images among `ids` as a lookup for rows not shown (an export's): the same batched read, or the cached answer. */
export function readImagesLookup(queryClient: QueryClient, scope: QueryScope, ids: Iterable<string | undefined | null>): Promise<LookupSource<string, Image>> {
  return readLookupSource(() => queryClient.ensureQueryData(imagesByIdsQueryOptions(scope, distinctImageIds(ids))));
}

/** Images by id for a page of rows: `data?.get(server.image.id)?.name`. Makes no call for an empty list. */
export function useImagesByIds(ids: Iterable<string | undefined | null>) {
  return useQuery(imagesByIdsQueryOptions(useScope(), distinctImageIds(ids)));
}
