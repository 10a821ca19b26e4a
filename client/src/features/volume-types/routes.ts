import { prefetchLoader, type FeatureDeclaration } from '../../lib/navigation';
import { DiskIcon } from '../../lib/ui/icons';
import { allVolumeTypesQueryOptions, volumeTypesQueryOptions } from '../../resources/volume-types/volume-types';

export const feature: FeatureDeclaration = {
  routes: (context) => [
    {
      path: 'volume-types',
      loader: prefetchLoader(context, volumeTypesQueryOptions),
      lazy: async () => ({ Component: (await import('./components/volume-types-page')).VolumeTypesPage }),
    },
    {
      path: 'admin/volume-types',
      loader: prefetchLoader(context, allVolumeTypesQueryOptions),
      lazy: async () => ({ Component: (await import('./components/admin-volume-types-page')).AdminVolumeTypesPage }),
    },
    {
      path: 'admin/volume-types/:id',
      lazy: async () => ({ Component: (await import('./components/volume-type-detail-page')).VolumeTypeDetailPage }),
    },
  ],
  nav: [
    { to: '/volume-types', label: 'volume-types.nav', icon: DiskIcon, serviceType: 'block-storage', order: 27, section: 'compute' },
    {
      to: '/admin/volume-types',
      label: 'volume-types.admin.nav',
      icon: DiskIcon,
      serviceType: 'block-storage',
      order: 35,
      section: 'admin',
      requiresRole: 'admin',
    },
  ],
};
