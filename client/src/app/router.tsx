import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter } from 'react-router';
import { sessionQueryOptions } from '../resources/session/session';
import { featureRoutes } from './navigation';
import { AppLoading } from './routes/app-loading';
import { RouteErrorPage } from './routes/route-error';
import { SessionGate } from './session-gate';

/** Every page is its own chunk, loaded when first visited; the login page never loads the shell. */
export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    {
      HydrateFallback: AppLoading,
      ErrorBoundary: RouteErrorPage,
      children: [
        {
          path: '/login',
          lazy: async () => ({ Component: (await import('../features/auth/components/login-page')).LoginPage }),
        },
        {
          Component: SessionGate,
          // Ask for the session while the shell's code downloads, not after.
          loader: () => {
            void queryClient.prefetchQuery(sessionQueryOptions);
            return null;
          },
          children: [
            {
              lazy: async () => ({ Component: (await import('./shell/app-shell')).AppShell }),
              children: [
                {
                  index: true,
                  lazy: async () => ({
                    Component: (await import('../features/overview/components/overview-page')).OverviewPage,
                  }),
                },
                ...featureRoutes,
                {
                  path: '*',
                  lazy: async () => ({ Component: (await import('./routes/not-found')).NotFoundPage }),
                },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
