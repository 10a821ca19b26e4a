import { prefetchLoader, type FeatureDeclaration } from '../../lib/navigation';
import { imageListPageQueryOptions } from '../../resources/images/images';
import { listCodec } from '../../resources/images/list-state';
import { ImageIcon } from './components/image-icon';

export const feature: FeatureDeclaration = {
  routes: (context) => [
    {
      path: 'images',
      loader: prefetchLoader(context, (scope, search) => imageListPageQueryOptions(scope, listCodec.parse(search))),
      lazy: async () => ({ Component: (await import('./components/images-page')).ImagesPage }),
    },
    {
      path: 'images/:id',
      lazy: async () => ({ Component: (await import('./components/image-detail-page')).ImageDetailPage }),
    },
  ],
  nav: [{ to: '/images', label: 'nav.images', icon: ImageIcon, serviceType: 'image', order: 20, section: 'compute' }],
};
