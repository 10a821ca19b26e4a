import type { FeatureDeclaration } from '../../lib/navigation';
import { UsersIcon } from '../../lib/ui/icons';
import { roleAssignmentsProbe } from './probes';

export const feature: FeatureDeclaration = {
  routes: () => [{ path: 'admin/identity', lazy: async () => ({ Component: (await import('./components/identity-page')).IdentityPage }) }],
  nav: [{ to: '/admin/identity', label: 'nav.identity', icon: UsersIcon, serviceType: 'identity', order: 40, section: 'admin', probe: roleAssignmentsProbe }],
};
