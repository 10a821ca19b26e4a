import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type RouteObject } from 'react-router';
import type { RouteContext } from '../lib/navigation';
import { sessionQueryOptions, sessionScope } from '../resources/session/session';
import { featureRoutes } from './navigation';
import { AppLoading } from './routes/app-loading';
import { RouteErrorPage } from './routes/route-error';
import { SessionGate } from './session-gate';

/**
 * Every page is its own chunk, loaded when first visited; the login page never loads the shell. A feature's loaders
 * read ahead in the scope of the session the shell's loader is already asking for (one request, joined).
 */
export function appRoutes(queryClient: QueryClient): RouteObject[] {
  const context: RouteContext = {
    queryClient,
    scope: () => queryClient.ensureQueryData(sessionQueryOptions).then(sessionScope, () => null),
  };
  return [
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
                ...featureRoutes(context),
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
  ];
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(appRoutes(queryClient));
}
