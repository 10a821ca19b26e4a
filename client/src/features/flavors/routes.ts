import { prefetchLoader, type FeatureDeclaration } from '../../lib/navigation';
import { flavorsQueryOptions } from '../../resources/flavors/flavors';
import { DiskIcon } from '../../lib/ui/icons';

export const feature: FeatureDeclaration = {
  routes: (context) => [
    { path: 'flavors', loader: prefetchLoader(context, flavorsQueryOptions), lazy: async () => ({ Component: (await import('./components/flavors-page')).FlavorsPage }) },
    { path: 'flavors/:id', lazy: async () => ({ Component: (await import('./components/flavor-detail-page')).FlavorDetailPage }) },
  ],
  nav: [{ to: '/flavors', label: 'nav.flavors', icon: DiskIcon, serviceType: 'compute', order: 30, section: 'compute' }],
};
