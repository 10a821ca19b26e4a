import type { FeatureDeclaration } from '../../lib/navigation';
import { ImageIcon } from './components/image-icon';

export const feature: FeatureDeclaration = {
  routes: [
    {
      path: 'images',
      lazy: async () => ({ Component: (await import('./components/images-page')).ImagesPage }),
    },
    {
      path: 'images/:id',
      lazy: async () => ({ Component: (await import('./components/image-detail-page')).ImageDetailPage }),
    },
  ],
  nav: [{ to: '/images', label: 'images.nav', icon: ImageIcon, serviceType: 'image', order: 20, section: 'compute' }],
};
