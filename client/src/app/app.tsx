import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { RouterProvider } from 'react-router';
import { prefetchRoute, RoutePrefetchContext } from './route-prefetch';
import type { createAppRouter } from './router';

export function App({ queryClient, router }: { queryClient: QueryClient; router: ReturnType<typeof createAppRouter> }) {
  const prefetch = useCallback((to: string) => prefetchRoute(router.routes, to), [router]);
  return (
    <QueryClientProvider client={queryClient}>
      <RoutePrefetchContext.Provider value={prefetch}>
        <RouterProvider router={router} />
      </RoutePrefetchContext.Provider>
    </QueryClientProvider>
  );
}
