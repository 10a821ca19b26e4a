// The upload form has no navigation entry: the image list links to it ("Upload image").
import type { FeatureDeclaration } from '../../app/navigation';

export const feature: FeatureDeclaration = {
  routes: [
    {
      path: '/images/upload',
      lazy: async () => ({ Component: (await import('./components/image-upload-page')).ImageUploadPage }),
    },
  ],
  nav: [],
};
