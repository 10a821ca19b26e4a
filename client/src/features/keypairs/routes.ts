import type { FeatureDeclaration } from '../../lib/navigation';
import { KeyIcon } from './components/key-icon';

export const feature: FeatureDeclaration = {
  routes: [
    {
      path: 'keypairs',
      lazy: async () => ({ Component: (await import('./components/keypairs-page')).KeypairsPage }),
    },
    {
      path: 'keypairs/:name',
      lazy: async () => ({ Component: (await import('./components/keypair-detail-page')).KeypairDetailPage }),
    },
  ],
  nav: [{ to: '/keypairs', label: 'keypairs.nav', icon: KeyIcon, serviceType: 'compute', order: 35, section: 'compute' }],
};
