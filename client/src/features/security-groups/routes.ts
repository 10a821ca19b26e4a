import { prefetchLoader, type FeatureDeclaration } from '../../lib/navigation';
import { listCodec } from '../../resources/security-groups/list-state';
import { securityGroupPageQueryOptions } from '../../resources/security-groups/security-groups';
import { ShieldIcon } from './components/shield-icon';

export const feature: FeatureDeclaration = {
  routes: (context) => [
    {
      path: 'security-groups',
      loader: prefetchLoader(context, (scope, search) => securityGroupPageQueryOptions(scope, listCodec.parse(search))),
      lazy: async () => ({ Component: (await import('./components/security-groups-page')).SecurityGroupsPage }),
    },
    {
      path: 'security-groups/:id',
      lazy: async () => ({ Component: (await import('./components/security-group-detail-page')).SecurityGroupDetailPage }),
    },
  ],
  nav: [{ to: '/security-groups', label: 'nav.securityGroups', icon: ShieldIcon, serviceType: 'network', order: 48, section: 'network' }],
};
