// Reads every project's quotas for the review table, a few projects at a time, showing rows as their answers
// arrive; the progress (done/total) is what the page shows while it loads. Octavia's quotas, where the catalog has
// it, are read once for all projects alongside (five calls, not five per project).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useScope } from '../../lib/scope';
import { hasService } from '@contract/service-types';
import type { KeystoneProject } from '@contract/projects';
import { fetchOctaviaUsageOfAll, type OctaviaUsageOfAll } from '../load-balancers/quotas';
import type { ProjectQuotas } from './types';
import { fetchAllProjectQuotas, quotaKeys } from './quotas';

export interface QuotaReviewState {
  quotas: ReadonlyMap<string, ProjectQuotas>;
  done: number;
  total: number;
  /** Every project's load balancer figures, or why Octavia could not be read; undefined while read or without Octavia. */
  loadBalancers?: OctaviaUsageOfAll | Error;
}

/** How often arrived answers are shown: often enough to see progress, rarely enough not to re-sort 1,000 rows per answer. */
const flushEveryMs = 150;

export function useQuotaReview(projects: readonly KeystoneProject[] | undefined, generation: number): QuotaReviewState {
  const scope = useScope();
  const queryClient = useQueryClient();
  const [state, setState] = useState<QuotaReviewState>({ quotas: new Map(), done: 0, total: 0 });
  const loadBalancer = hasService(scope.services, 'load-balancer');

  useEffect(() => {
    if (!projects) return;
    const controller = new AbortController();
    const arrived = new Map<string, ProjectQuotas>();
    let done = 0;
    let loadBalancers: QuotaReviewState['loadBalancers'];
    const flush = () => setState({ quotas: new Map(arrived), done, total: projects.length, loadBalancers });
    if (loadBalancer && projects.length > 0) {
      void fetchOctaviaUsageOfAll(controller.signal)
        .then(
        (answer) => {
          loadBalancers = answer;
        },
        (error: unknown) => {
          loadBalancers = error instanceof Error ? error : new Error(String(error));
        },
        )
        .finally(() => {
          if (!controller.signal.aborted) flush();
        });
    }
    const timer = setInterval(flush, flushEveryMs);
    // Shows at once that a new read started (total known, nothing done yet).
    const start = setTimeout(flush, 0);
    void fetchAllProjectQuotas(
      projects,
      (project, quotas, count) => {
        // Reads cut short by leaving the page answer with their sections aborted: never an edit page's data.
        if (controller.signal.aborted) return;
        done = count;
        if (quotas instanceof Error) return;
        arrived.set(project.id, quotas);
        // The edit page opens at once with what the table already read.
        queryClient.setQueryData(quotaKeys.detail(scope, project.id), quotas);
      },
      controller.signal,
    )
      .then(flush)
      .catch(() => undefined)
      .finally(() => clearInterval(timer));
    return () => {
      controller.abort();
      clearTimeout(start);
      clearInterval(timer);
    };
  }, [projects, generation, queryClient, scope, loadBalancer]);

  return state;
}
