import type { FeatureDeclaration } from '../../lib/navigation';
import { PortIcon } from './components/port-icon';

export const feature: FeatureDeclaration = {
  routes: [
    {
      path: 'ports',
      lazy: async () => ({ Component: (await import('./components/ports-page')).PortsPage }),
    },
    {
      path: 'ports/:id',
      lazy: async () => ({ Component: (await import('./components/port-detail-page')).PortDetailPage }),
    },
  ],
  nav: [{ to: '/ports', label: 'ports.nav', icon: PortIcon, serviceType: 'network', order: 42, section: 'network' }],
};
