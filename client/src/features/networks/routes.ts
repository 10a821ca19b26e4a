import { prefetchLoader, type FeatureDeclaration } from '../../lib/navigation';
import { listCodec } from '../../resources/networks/list-state';
import { networkPageQueryOptions } from '../../resources/networks/networks';
import { NetworkIcon } from '../../lib/ui/icons';

export const feature: FeatureDeclaration = {
  routes: (context) => [
    {
      path: 'networks',
      loader: prefetchLoader(context, (scope, search) => networkPageQueryOptions(scope, listCodec.parse(search))),
      lazy: async () => ({ Component: (await import('./components/networks-page')).NetworksPage }),
    },
    {
      path: 'networks/:id',
      lazy: async () => ({ Component: (await import('./components/network-detail-page')).NetworkDetailPage }),
    },
  ],
  nav: [{ to: '/networks', label: 'nav.networks', icon: NetworkIcon, serviceType: 'network', order: 40, section: 'network' }],
};
