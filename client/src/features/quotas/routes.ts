import type { FeatureDeclaration } from '../../lib/navigation';
import { GaugeIcon } from '../../lib/ui/icons';

export const feature: FeatureDeclaration = {
  routes: [
    { path: 'admin/quotas', lazy: async () => ({ Component: (await import('./components/quota-review-page')).QuotaReviewPage }) },
    { path: 'admin/quotas/defaults', lazy: async () => ({ Component: (await import('./components/quota-edit-page')).DefaultQuotasPage }) },
    { path: 'admin/quotas/:projectId', lazy: async () => ({ Component: (await import('./components/quota-edit-page')).QuotaEditPage }) },
  ],
  nav: [{ to: '/admin/quotas', label: 'quotas.nav', icon: GaugeIcon, serviceType: 'identity', order: 10, section: 'admin', requiresRole: 'admin' }],
};
