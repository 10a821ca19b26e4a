import { prefetchLoader, type FeatureDeclaration } from '../../lib/navigation';
import { listCodec } from '../../resources/servers/list-state';
import { serverPageQueryOptions } from '../../resources/servers/servers';
import { ServerIcon } from '../../lib/ui/icons';
import { allProjectsServersProbe } from './probes';

export const feature: FeatureDeclaration = {
  routes: (context) => [
    {
      path: 'instances',
      loader: prefetchLoader(context, (scope, search) => serverPageQueryOptions(scope, listCodec.parse(search))),
      lazy: async () => ({ Component: (await import('./components/instances-page')).InstancesPage }),
    },
    {
      path: 'instances/:id',
      lazy: async () => ({ Component: (await import('./components/instance-detail-page')).InstanceDetailPage }),
    },
    {
      path: 'admin/instances',
      loader: prefetchLoader(context, (scope, search) => serverPageQueryOptions(scope, listCodec.parse(search), 'all-projects')),
      lazy: async () => ({ Component: (await import('./components/all-instances-page')).AllInstancesPage }),
    },
  ],
  nav: [
    { to: '/instances', label: 'nav.instances', icon: ServerIcon, serviceType: 'compute', order: 10, section: 'compute' },
    { to: '/admin/instances', label: 'nav.allInstances', icon: ServerIcon, serviceType: 'compute', order: 5, section: 'admin', probe: allProjectsServersProbe },
  ],
};
