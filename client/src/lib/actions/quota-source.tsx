// Where an action dialog reads the project's quota usage from, to show a create's quota impact before submit. The
// app provides it (from the overview's quota queries), so lib needs no feature.
import { skipToken, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { quotaExcesses, type QuotaFigure } from '../ui/quota-impact';

export type QuotaService = 'compute' | 'network' | 'block-storage' | 'load-balancer';

/** A scoped query key: service, region, project, resource. */
type QuotaQueryKey = readonly [string, string, string, string];

export type QuotaQueryOptions = (service: QuotaService) => UseQueryOptions<QuotaFigure[], Error, QuotaFigure[], QuotaQueryKey>;

/** For actions without a quota impact: a query that never runs. */
export const noQuotaQuery: UseQueryOptions<QuotaFigure[], Error, QuotaFigure[], QuotaQueryKey> = {
  queryKey: ['quota-impact', 'none', 'none', 'none'],
  queryFn: skipToken,
};

export const QuotaSourceContext = createContext<QuotaQueryOptions | null>(null);

/**
 * A create's quota check: the service's figures, whether `adds` would go over a limit, and `refresh` to read the
 * usage again after the attempt. Without a service (or a source) nothing is read and nothing is blocked.
 */
export function useQuotaCheck(service: QuotaService | undefined, adds: Readonly<Record<string, number>>) {
  const source = useContext(QuotaSourceContext);
  const queryClient = useQueryClient();
  const options = service && source ? source(service) : undefined;
  const figures = useQuery(options ?? noQuotaQuery);
  return {
    /** Undefined when this create is not counted against a quota. */
    figures: options ? (figures.data ?? []) : undefined,
    over: options !== undefined && quotaExcesses(figures.data, adds).length > 0,
    refresh: () => (options ? void queryClient.invalidateQueries({ queryKey: options.queryKey }) : undefined),
  };
}
