import { prefetchLoader, type FeatureDeclaration } from '../../lib/navigation';
import { ServerIcon } from '../../lib/ui/icons';

export const feature: FeatureDeclaration = {
  routes: (context) => [
    {
      path: 'everywhere',
      // The fan-out starts beside the page's chunk; within a minute of the last one, the cached lines show at once.
      loader: prefetchLoader(context, async () => (await import('../../resources/everywhere/everywhere')).everywhereServersQueryOptions()),
      lazy: async () => ({ Component: (await import('./components/everywhere-page')).EverywherePage }),
    },
  ],
  nav: [{ to: '/everywhere', label: 'nav.everywhere', icon: ServerIcon, serviceType: 'compute', order: 11, section: 'compute' }],
};
