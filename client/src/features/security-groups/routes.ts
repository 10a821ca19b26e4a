import type { FeatureDeclaration } from '../../lib/navigation';
import { ShieldIcon } from './components/shield-icon';

export const feature: FeatureDeclaration = {
  routes: [
    {
      path: 'security-groups',
      lazy: async () => ({ Component: (await import('./components/security-groups-page')).SecurityGroupsPage }),
    },
    {
      path: 'security-groups/:id',
      lazy: async () => ({ Component: (await import('./components/security-group-detail-page')).SecurityGroupDetailPage }),
    },
  ],
  nav: [{ to: '/security-groups', label: 'security-groups.nav', icon: ShieldIcon, serviceType: 'network', order: 48, section: 'network' }],
};
