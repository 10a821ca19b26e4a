import type { FeatureDeclaration } from '../../lib/navigation';
import { FloatingIpIcon } from './components/floating-ip-icon';

export const feature: FeatureDeclaration = {
  routes: [
    {
      path: 'floating-ips',
      lazy: async () => ({ Component: (await import('./components/floating-ips-page')).FloatingIpsPage }),
    },
  ],
  nav: [{ to: '/floating-ips', label: 'floating-ips.nav', icon: FloatingIpIcon, serviceType: 'network', order: 46, section: 'network' }],
};
