import { prefetchLoader, type FeatureDeclaration } from '../../lib/navigation';
import { VolumeIcon } from './components/volume-icon';

export const feature: FeatureDeclaration = {
  routes: (context) => [
    {
      path: 'volumes',
      loader: prefetchLoader(context, async (scope, search) => {
        const [{ listCodec }, { volumePageQueryOptions }] = await Promise.all([
          import('../../resources/volumes/list-state'),
          import('../../resources/volumes/volumes'),
        ]);
        return volumePageQueryOptions(scope, listCodec.parse(search));
      }),
      lazy: async () => ({ Component: (await import('./components/volumes-page')).VolumesPage }),
    },
    {
      path: 'volumes/:id',
      lazy: async () => ({ Component: (await import('./components/volume-detail-page')).VolumeDetailPage }),
    },
  ],
  nav: [{ to: '/volumes', label: 'nav.volumes', icon: VolumeIcon, serviceType: 'block-storage', order: 25, section: 'compute' }],
};
