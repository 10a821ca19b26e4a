import type { FeatureDeclaration } from '../../lib/navigation';
import { prefetchLoader } from '../../lib/navigation';
import { catalogQueryOptions } from './catalog';
import { ApiIcon } from './components/api-icon';

export const feature: FeatureDeclaration = {
  routes: (context) => [
    {
      path: 'api-access',
      loader: prefetchLoader(context, catalogQueryOptions),
      lazy: async () => ({ Component: (await import('./components/api-access-page')).ApiAccessPage }),
    },
  ],
  nav: [{ to: '/api-access', label: 'nav.apiAccess', icon: ApiIcon, serviceType: 'identity', order: 90 }],
};
