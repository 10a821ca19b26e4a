import type { FeatureDeclaration } from '../../lib/navigation';
import { ChartIcon } from '../../lib/ui/icons';
import { allProjectsUsageProbe } from './probes';

export const feature: FeatureDeclaration = {
  routes: () => [
    { path: 'usage', lazy: async () => ({ Component: (await import('./components/usage-page')).UsagePage }) },
    { path: 'admin/usage', lazy: async () => ({ Component: (await import('./components/all-usage-page')).AllUsagePage }) },
  ],
  nav: [
    { to: '/usage', label: 'nav.usage', icon: ChartIcon, serviceType: 'compute', order: 50, section: 'compute' },
    { to: '/admin/usage', label: 'nav.allUsage', icon: ChartIcon, serviceType: 'compute', order: 20, section: 'admin', probe: allProjectsUsageProbe },
  ],
};
