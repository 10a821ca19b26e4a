import { prefetchLoader, type FeatureDeclaration } from '../../lib/navigation';
import { keypairsQueryOptions } from '../../resources/keypairs/keypairs';
import { KeyIcon } from './components/key-icon';

export const feature: FeatureDeclaration = {
  routes: (context) => [
    {
      path: 'keypairs',
      loader: prefetchLoader(context, keypairsQueryOptions),
      lazy: async () => ({ Component: (await import('./components/keypairs-page')).KeypairsPage }),
    },
    {
      path: 'keypairs/:name',
      lazy: async () => ({ Component: (await import('./components/keypair-detail-page')).KeypairDetailPage }),
    },
  ],
  nav: [{ to: '/keypairs', label: 'nav.keypairs', icon: KeyIcon, serviceType: 'compute', order: 35, section: 'compute' }],
};
