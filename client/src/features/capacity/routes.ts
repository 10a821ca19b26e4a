import type { FeatureDeclaration } from '../../lib/navigation';
import { ServerIcon } from '../../lib/ui/icons';
import { hypervisorsProbe } from './probes';

export const feature: FeatureDeclaration = {
  routes: () => [{ path: 'admin/capacity', lazy: async () => ({ Component: (await import('./components/capacity-page')).CapacityPage }) }],
  nav: [{ to: '/admin/capacity', label: 'nav.capacity', icon: ServerIcon, serviceType: 'placement', order: 30, section: 'admin', probe: hypervisorsProbe }],
};
