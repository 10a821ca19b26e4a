import { prefetchLoader, type FeatureDeclaration } from '../../lib/navigation';
import { networkExtensionProbe } from '../../resources/network-extensions/network-extensions';
import { siteConnections, vpnListQueryOptions } from '../../resources/vpn/vpn';
import { VpnIcon } from './components/vpn-icon';

/** VPNaaS is a Neutron service plugin: the entry shows only where neutron-server loaded it. */
const vpnaasProbe = networkExtensionProbe('vpnaas', 'vpn');

export const feature: FeatureDeclaration = {
  routes: (context) => [
    {
      path: 'vpn',
      // The first tab's list; the others are read when opened.
      loader: prefetchLoader(context, (scope) => vpnListQueryOptions(siteConnections, scope)),
      lazy: async () => ({ Component: (await import('./components/vpn-page')).VpnPage }),
    },
    {
      path: 'vpn/:tab/:id',
      lazy: async () => ({ Component: (await import('./components/vpn-detail-page')).VpnDetailPage }),
    },
  ],
  nav: [{ to: '/vpn', label: 'nav.vpn', icon: VpnIcon, serviceType: 'network', order: 47, section: 'network', probe: vpnaasProbe }],
};
