import { prefetchLoader, type FeatureDeclaration } from '../../lib/navigation';
import { DiskIcon } from '../../lib/ui/icons';
import { qosSpecsProbe } from './probes';

// The resource's code loads with the page, not in the entry chunk.
const volumeTypes = () => import('../../resources/volume-types/volume-types');

export const feature: FeatureDeclaration = {
  routes: (context) => [
    {
      path: 'volume-types',
      loader: prefetchLoader(context, async (scope) => (await volumeTypes()).volumeTypesQueryOptions(scope)),
      lazy: async () => ({ Component: (await import('./components/volume-types-page')).VolumeTypesPage }),
    },
    {
      path: 'admin/volume-types',
      loader: prefetchLoader(context, async (scope) => (await volumeTypes()).allVolumeTypesQueryOptions(scope)),
      lazy: async () => ({ Component: (await import('./components/admin-volume-types-page')).AdminVolumeTypesPage }),
    },
    {
      path: 'admin/volume-types/:id',
      lazy: async () => ({ Component: (await import('./components/volume-type-detail-page')).VolumeTypeDetailPage }),
    },
  ],
  nav: [
    { to: '/volume-types', label: 'nav.volumeTypes', icon: DiskIcon, serviceType: 'block-storage', order: 27, section: 'compute' },
    {
      to: '/admin/volume-types',
      label: 'nav.allVolumeTypes',
      icon: DiskIcon,
      serviceType: 'block-storage',
      order: 35,
      section: 'admin',
      probe: qosSpecsProbe,
    },
  ],
};
