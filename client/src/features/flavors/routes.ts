import type { FeatureDeclaration } from '../../lib/navigation';
import { DiskIcon } from '../../lib/ui/icons';

export const feature: FeatureDeclaration = {
  routes: [
    { path: 'flavors', lazy: async () => ({ Component: (await import('./components/flavors-page')).FlavorsPage }) },
    { path: 'flavors/:id', lazy: async () => ({ Component: (await import('./components/flavor-detail-page')).FlavorDetailPage }) },
  ],
  nav: [{ to: '/flavors', label: 'flavors.nav', icon: DiskIcon, serviceType: 'compute', order: 30, section: 'compute' }],
};
