// The loading and error states of data a form or a section needs, else the content built from that data.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorNotice } from './error-notice';
import { LoadingState } from './loading-state';

export function QueryGate<T>({ query, loading, children }: { query: UseQueryResult<T>; loading: string; children: (data: T) => ReactNode }) {
  if (query.error) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data === undefined) return <LoadingState label={loading} className="py-3" />;
  return <>{children(query.data)}</>;
}
