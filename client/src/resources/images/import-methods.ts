// Which image import methods the cloud enables (GET /v2/info/import): "Import from URL" is offered only where
// the operator enabled web-download.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import type { ImportInfo } from './types';

export const importInfoKeys = scopedQueryKeys('image', 'import-info');

export const importMethodsQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: importInfoKeys.all(scope),
    queryFn: async ({ signal }) => (await api.get<ImportInfo>('/api/os/image/v2/info/import', { signal }))['import-methods'].value,
    // A deployment setting: it changes when the operator reconfigures Glance, not while a page is open.
    staleTime: 10 * 60_000,
  });

/** True when the cloud enables web-download; false while unknown or when Glance has no import (before 2.6). */
export function useWebDownloadEnabled() {
  const methods = useQuery(importMethodsQueryOptions(useScope()));
  return { enabled: methods.data?.includes('web-download') ?? false, query: methods };
}
