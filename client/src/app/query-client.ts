import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api/api-error';

/**
 * A 4xx is the service's answer, not a glitch: retrying it only delays the error the user must see. Neither is a
 * service that went quiet past the BFF's upstream timeout (504 upstream_timeout): each retry would wait that long
 * again. Anything else (a service refusing connections while it restarts) is tried twice more, 1 s then 2 s later,
 * so a page shows a stopped service's error within seconds, and its Retry button is the user's from then on.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  if (error instanceof ApiError && error.code === 'upstream_timeout') return false;
  return failureCount < 2;
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
}
