// The report period lives in the URL (?start=YYYY-MM-DD&end=YYYY-MM-DD), so a report can be linked to and reloaded.
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { defaultPeriod, periodProblem } from '../../../resources/usage/report';
import type { UsagePeriod } from '../../../resources/usage/types';

export function usePeriod() {
  const [search, setSearch] = useSearchParams();
  const period = useMemo<UsagePeriod>(() => {
    const fallback = defaultPeriod(new Date());
    return { start: search.get('start') ?? fallback.start, end: search.get('end') ?? fallback.end };
  }, [search]);
  return {
    period,
    problem: periodProblem(period),
    setPeriod: (next: UsagePeriod) => setSearch({ start: next.start, end: next.end }),
  };
}
