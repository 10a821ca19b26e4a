import { prefetchLoader, type FeatureDeclaration } from '../../lib/navigation';
import { floatingIpPageQueryOptions } from '../../resources/floating-ips/floating-ips';
import { listCodec } from '../../resources/floating-ips/list-state';
import { FloatingIpIcon } from './components/floating-ip-icon';

export const feature: FeatureDeclaration = {
  routes: (context) => [
    {
      path: 'floating-ips',
      loader: prefetchLoader(context, (scope, search) => floatingIpPageQueryOptions(scope, listCodec.parse(search))),
      lazy: async () => ({ Component: (await import('./components/floating-ips-page')).FloatingIpsPage }),
    },
  ],
  nav: [{ to: '/floating-ips', label: 'nav.floatingIps', icon: FloatingIpIcon, serviceType: 'network', order: 46, section: 'network' }],
};
