// The template export has no navigation entry of its own: the list pages' "Export as template" and the page's
// "Whole project" lead to it.
import type { FeatureDeclaration } from '../../lib/navigation';

export const feature: FeatureDeclaration = {
  routes: () => [
    {
      path: 'stacks/export',
      lazy: async () => ({ Component: (await import('./components/stack-export-page')).StackExportPage }),
    },
  ],
  nav: [],
};
