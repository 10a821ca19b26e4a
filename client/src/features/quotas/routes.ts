import { prefetchLoader, type FeatureDeclaration } from '../../lib/navigation';
import { projectsAndDomainsQueryOptions } from '../../resources/identity/identity';
import { GaugeIcon } from '../../lib/ui/icons';
import { domainsProbe } from './probes';

export const feature: FeatureDeclaration = {
  routes: (context) => [
    { path: 'admin/quotas', loader: prefetchLoader(context, projectsAndDomainsQueryOptions), lazy: async () => ({ Component: (await import('./components/quota-review-page')).QuotaReviewPage }) },
    { path: 'admin/quotas/defaults', lazy: async () => ({ Component: (await import('./components/quota-edit-page')).DefaultQuotasPage }) },
    { path: 'admin/quotas/:projectId', lazy: async () => ({ Component: (await import('./components/quota-edit-page')).QuotaEditPage }) },
  ],
  nav: [{ to: '/admin/quotas', label: 'nav.quotas', icon: GaugeIcon, serviceType: 'identity', order: 10, section: 'admin', probe: domainsProbe }],
};
