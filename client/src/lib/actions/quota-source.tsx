// Where an action dialog reads the project's quota usage from, to show a create's quota impact before submit. The
// app provides it (from the overview's quota queries), so lib needs no feature.
import { createContext, useContext } from 'react';
import { skipToken, type UseQueryOptions } from '@tanstack/react-query';
import type { QuotaFigure } from '../ui/quota-impact';

export type QuotaService = 'compute' | 'network' | 'block-storage';

/** A scoped query key: service, region, project, resource. */
type QuotaQueryKey = readonly [string, string, string, string];

export type QuotaQueryOptions = (service: QuotaService) => UseQueryOptions<QuotaFigure[], Error, QuotaFigure[], QuotaQueryKey>;

/** For actions without a quota impact: a query that never runs. */
export const noQuotaQuery: UseQueryOptions<QuotaFigure[], Error, QuotaFigure[], QuotaQueryKey> = {
  queryKey: ['quota-impact', 'none', 'none', 'none'],
  queryFn: skipToken,
};

export const QuotaSourceContext = createContext<QuotaQueryOptions | null>(null);

export function useQuotaSource(): QuotaQueryOptions | null {
  return useContext(QuotaSourceContext);
}
