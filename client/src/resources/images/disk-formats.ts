// The disk formats this cloud's Glance accepts: the enum of `disk_format` in its image schema (GET /v2/schemas/image),
// which follows the operator's `disk_formats` setting. For images another service creates (a volume Cinder uploads).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';

interface ImageSchema {
  properties: { disk_format?: { enum?: readonly (string | null)[] } };
}

export const imageSchemaKeys = scopedQueryKeys('image', 'image-schema');

export async function fetchImageDiskFormats(signal?: AbortSignal): Promise<string[]> {
  const schema = await api.get<ImageSchema>('/api/os/image/v2/schemas/image', { signal });
  // The enum lists null too: an image may be created without a format.
  return (schema.properties.disk_format?.enum ?? []).filter((format): format is string => typeof format === 'string');
}

export const imageDiskFormatsQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: imageSchemaKeys.all(scope),
    queryFn: ({ signal }) => fetchImageDiskFormats(signal),
    // A deployment setting: it changes when the operator reconfigures Glance, not while a page is open.
    staleTime: 10 * 60_000,
  });

export function useImageDiskFormats() {
  return useQuery(imageDiskFormatsQueryOptions(useScope()));
}
