// Launching and updating a stack have no navigation entry: the stacks list opens the launch page ("Launch stack"),
// a stack's page its update page, and the export page hands its template to the launch page (router state).
import { prefetchLoader, type FeatureDeclaration } from '../../lib/navigation';

export const feature: FeatureDeclaration = {
  routes: (context) => [
    {
      path: 'stacks/launch',
      // What the editor's hints need is read while the page's code loads.
      loader: prefetchLoader(context, async (scope) => (await import('../../resources/stacks/stacks')).resourceTypesQueryOptions(scope)),
      lazy: async () => ({ Component: (await import('./components/launch-stack-page')).LaunchStackPage }),
    },
    {
      path: 'stacks/:name/:id/update',
      loader: prefetchLoader(context, async (scope) => (await import('../../resources/stacks/stacks')).resourceTypesQueryOptions(scope)),
      lazy: async () => ({ Component: (await import('./components/update-stack-page')).UpdateStackPage }),
    },
  ],
  nav: [],
  commands: [{ to: '/stacks/launch', label: 'nav.commands.launchStack', serviceType: 'orchestration' }],
};
