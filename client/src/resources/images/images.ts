// Glance images: one page (marker/limit) for paged tables, every page for choosers that search locally, and one image.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { fetchAllPages, fetchListPage, type ListParams } from '../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import { imagePageRequest, type ListState } from './list-state';
import type { Image, ImageFilters, ImagePageRequest } from './types';

export const imageKeys = scopedQueryKeys('image', 'images');

export const imagesPath = '/api/os/image/v2/images';
// Glance's default page is 25 images; 1000 is its default api_limit_max, so "every page" is usually one call.
const allImagesPageSize = 1000;
const defaultPageSize = 25;

function filterParams(filters: ImageFilters): ListParams {
  return {
    visibility: filters.visibility,
    status: filters.status,
    name: filters.name,
    // Nova marks the images it makes from a server with this property; Glance filters on any property.
    image_type: filters.snapshotsOnly ? 'snapshot' : undefined,
    disk_format: filters.disk_format,
    owner: filters.owner,
    sort: filters.sort,
  };
}

export function fetchImagePage(request: ImagePageRequest, signal?: AbortSignal) {
  return fetchListPage<Image>({
    path: imagesPath,
    collection: 'images',
    params: { ...filterParams(request), marker: request.marker, limit: request.limit ?? defaultPageSize },
    signal,
  });
}

export function fetchImages(filters: ImageFilters, signal?: AbortSignal) {
  return fetchAllPages<Image>(
    { path: imagesPath, collection: 'images', params: filterParams(filters), signal },
    allImagesPageSize,
  );
}

export function fetchImage(id: string, signal?: AbortSignal) {
  return api.get<Image>(`${imagesPath}/${encodeURIComponent(id)}`, { signal });
}

export const imagePageQueryOptions = (scope: QueryScope, request: ImagePageRequest) =>
  queryOptions({
    queryKey: imageKeys.list(scope, { view: 'page', ...request }),
    queryFn: ({ signal }) => fetchImagePage(request, signal),
  });

/** The images list page's read for its URL state: the page and its route loader both ask this. */
export const imageListPageQueryOptions = (scope: QueryScope, state: ListState) =>
  imagePageQueryOptions(scope, imagePageRequest(state, scope.projectId));

export const imagesQueryOptions = (scope: QueryScope, filters: ImageFilters = {}) =>
  queryOptions({
    queryKey: imageKeys.list(scope, { view: 'all', ...filters }),
    queryFn: ({ signal }) => fetchImages(filters, signal),
  });

export const imageQueryOptions = (scope: QueryScope, id: string) =>
  queryOptions({
    queryKey: imageKeys.detail(scope, id),
    queryFn: ({ signal }) => fetchImage(id, signal),
  });

export function useImages(filters: ImageFilters = {}) {
  return useQuery(imagesQueryOptions(useScope(), filters));
}

export function useImage(id: string | undefined) {
  const scope = useScope();
  return useQuery({ ...imageQueryOptions(scope, id ?? ''), enabled: id !== undefined && id !== '' });
}
