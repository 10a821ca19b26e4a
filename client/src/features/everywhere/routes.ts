import { prefetchLoader, type FeatureDeclaration } from '../../lib/navigation';
import { DiskIcon, GlobeIcon, ServerIcon } from '../../lib/ui/icons';

const everywhere = () => import('../../resources/everywhere/everywhere');

export const feature: FeatureDeclaration = {
  // Each read across projects starts beside its page's chunk; within a minute of the last one, the cached lines show at once.
  routes: (context) => [
    {
      path: 'everywhere',
      loader: prefetchLoader(context, async () => (await everywhere()).everywhereServersQueryOptions()),
      lazy: async () => ({ Component: (await import('./components/everywhere-page')).EverywherePage }),
    },
    {
      path: 'everywhere/volumes',
      loader: prefetchLoader(context, async () => (await everywhere()).everywhereVolumesQueryOptions()),
      lazy: async () => ({ Component: (await import('./components/everywhere-volumes-page')).EverywhereVolumesPage }),
    },
    {
      path: 'everywhere/floating-ips',
      loader: prefetchLoader(context, async () => (await everywhere()).everywhereFloatingIpsQueryOptions()),
      lazy: async () => ({ Component: (await import('./components/everywhere-floating-ips-page')).EverywhereFloatingIpsPage }),
    },
  ],
  nav: [
    { to: '/everywhere', label: 'nav.everywhere', icon: ServerIcon, serviceType: 'compute', order: 11, section: 'compute' },
    { to: '/everywhere/volumes', label: 'nav.everywhereVolumes', icon: DiskIcon, serviceType: 'block-storage', order: 12, section: 'compute' },
    { to: '/everywhere/floating-ips', label: 'nav.everywhereFloatingIps', icon: GlobeIcon, serviceType: 'network', order: 13, section: 'compute' },
  ],
};
