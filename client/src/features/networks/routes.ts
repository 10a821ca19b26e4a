import type { FeatureDeclaration } from '../../lib/navigation';
import { NetworkIcon } from '../../lib/ui/icons';

export const feature: FeatureDeclaration = {
  routes: [
    {
      path: 'networks',
      lazy: async () => ({ Component: (await import('./components/networks-page')).NetworksPage }),
    },
    {
      path: 'networks/:id',
      lazy: async () => ({ Component: (await import('./components/network-detail-page')).NetworkDetailPage }),
    },
  ],
  nav: [{ to: '/networks', label: 'networks.nav', icon: NetworkIcon, serviceType: 'network', order: 40, section: 'network' }],
};
