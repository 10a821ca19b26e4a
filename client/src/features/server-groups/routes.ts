import { prefetchLoader, type FeatureDeclaration } from '../../lib/navigation';
import { ServerGroupIcon } from './components/server-group-icon';

export const feature: FeatureDeclaration = {
  routes: (context) => [
    {
      path: 'server-groups',
      loader: prefetchLoader(context, async (scope) => (await import('../../resources/server-groups/server-groups')).serverGroupsQueryOptions(scope)),
      lazy: async () => ({ Component: (await import('./components/server-groups-page')).ServerGroupsPage }),
    },
    {
      path: 'server-groups/:id',
      lazy: async () => ({ Component: (await import('./components/server-group-detail-page')).ServerGroupDetailPage }),
    },
  ],
  nav: [{ to: '/server-groups', label: 'nav.serverGroups', icon: ServerGroupIcon, serviceType: 'compute', order: 37, section: 'compute' }],
};
