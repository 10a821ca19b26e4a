// Cinder's user messages about one volume (GET /v3/{project_id}/messages?resource_uuid=...; filters and sort need
// microversion 3.5): the reason an asynchronous request left the volume in `error` ("schedule allocate volume:
// Could not find any available weighted backend."), which the volume itself does not carry.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import type { VolumeMessage } from './types';

export const volumeMessageKeys = scopedQueryKeys('block-storage', 'messages');

export const messagesPath = '/api/os/block-storage/messages';
const messagesMicroversion = '3.5';

export async function fetchVolumeMessages(volumeId: string, signal?: AbortSignal): Promise<VolumeMessage[]> {
  const { messages } = await api.get<{ messages: VolumeMessage[] }>(messagesPath, {
    params: { resource_uuid: volumeId, sort: 'created_at:desc' },
    signal,
    microversion: messagesMicroversion,
  });
  return messages;
}

export const volumeMessagesQueryOptions = (scope: QueryScope, volumeId: string) =>
  queryOptions({
    queryKey: volumeMessageKeys.detail(scope, volumeId),
    queryFn: ({ signal }) => fetchVolumeMessages(volumeId, signal),
  });

export function useVolumeMessages(volumeId: string) {
  return useQuery(volumeMessagesQueryOptions(useScope(), volumeId));
}
