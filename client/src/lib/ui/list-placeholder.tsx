// What a table shows instead of rows: the error (with retry), the loading state, or why it is empty.
import type { ReactNode } from 'react';
import { EmptyState } from './empty-state';
import { ErrorNotice } from './error-notice';
import { LoadingState } from './loading-state';

export interface ListQueryState {
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/** Undefined when there are rows to show. */
export function listPlaceholder({
  query,
  empty,
  loading,
  emptyTitle,
  emptyHint,
}: {
  query: ListQueryState;
  empty: boolean;
  loading: string;
  emptyTitle: string;
  /** A hint or a way out (e.g. "clear the filters"). */
  emptyHint?: ReactNode;
}): ReactNode {
  if (query.error) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} className="my-2" />;
  if (query.isPending) return <LoadingState label={loading} />;
  if (!empty) return undefined;
  return (
    <EmptyState title={emptyTitle} className="my-2 border-0">
      {emptyHint}
    </EmptyState>
  );
}
