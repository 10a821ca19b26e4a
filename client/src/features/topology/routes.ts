import type { FeatureDeclaration } from '../../lib/navigation';
import { NetworkIcon } from '../../lib/ui/icons';

export const feature: FeatureDeclaration = {
  routes: () => [{ path: 'topology', lazy: async () => ({ Component: (await import('./components/topology-page')).TopologyPage }) }],
  nav: [{ to: '/topology', label: 'nav.topology', icon: NetworkIcon, serviceType: 'network', order: 49, section: 'network' }],
};
