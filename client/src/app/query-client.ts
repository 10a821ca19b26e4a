import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api/api-error';

/** A 4xx is the service's answer, not a glitch: retrying it only delays the error the user must see. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
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
