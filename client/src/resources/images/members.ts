// The projects an image is shared with. Glance answers the owner with every member, and a member with its own
// membership only.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import type { ImageMember } from './types';
import { imagesPath } from './images';

export const imageMemberKeys = scopedQueryKeys('image', 'image-members');

export const imageMembersPath = (imageId: string) => `${imagesPath}/${encodeURIComponent(imageId)}/members`;

export async function fetchImageMembers(imageId: string, signal?: AbortSignal): Promise<ImageMember[]> {
  return (await api.get<{ members: ImageMember[] }>(imageMembersPath(imageId), { signal })).members;
}

export const imageMembersQueryOptions = (scope: QueryScope, imageId: string) =>
  queryOptions({
    queryKey: imageMemberKeys.detail(scope, imageId),
    queryFn: ({ signal }) => fetchImageMembers(imageId, signal),
  });

/** Only shared images have members; Glance refuses the call (403) for the others. */
export function useImageMembers(imageId: string, enabled: boolean) {
  return useQuery({ ...imageMembersQueryOptions(useScope(), imageId), enabled });
}
