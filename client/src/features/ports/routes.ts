import { prefetchLoader, type FeatureDeclaration } from '../../lib/navigation';
import { listCodec } from '../../resources/ports/list-state';
import { portPageQueryOptions } from '../../resources/ports/ports';
import { PortIcon } from './components/port-icon';

export const feature: FeatureDeclaration = {
  routes: (context) => [
    {
      path: 'ports',
      loader: prefetchLoader(context, (scope, search) => portPageQueryOptions(scope, listCodec.parse(search))),
      lazy: async () => ({ Component: (await import('./components/ports-page')).PortsPage }),
    },
    {
      path: 'ports/:id',
      lazy: async () => ({ Component: (await import('./components/port-detail-page')).PortDetailPage }),
    },
  ],
  nav: [{ to: '/ports', label: 'nav.ports', icon: PortIcon, serviceType: 'network', order: 42, section: 'network' }],
};
