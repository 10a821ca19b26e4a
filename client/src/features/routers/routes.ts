import type { FeatureDeclaration } from '../../lib/navigation';
import { RouterIcon } from './components/router-icon';

export const feature: FeatureDeclaration = {
  routes: [
    {
      path: 'routers',
      lazy: async () => ({ Component: (await import('./components/routers-page')).RoutersPage }),
    },
    {
      path: 'routers/:id',
      lazy: async () => ({ Component: (await import('./components/router-detail-page')).RouterDetailPage }),
    },
  ],
  nav: [{ to: '/routers', label: 'routers.nav', icon: RouterIcon, serviceType: 'network', order: 44, section: 'network' }],
};
