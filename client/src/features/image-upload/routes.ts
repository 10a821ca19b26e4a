// The upload and import forms have no navigation entry: the image list links to them ("Upload image", "Import
// from URL", the latter only where the cloud enables web-download).
import type { FeatureDeclaration } from '../../lib/navigation';

export const feature: FeatureDeclaration = {
  routes: () => [
    {
      path: '/images/upload',
      lazy: async () => ({ Component: (await import('./components/image-upload-page')).ImageUploadPage }),
    },
    {
      path: '/images/import',
      lazy: async () => ({ Component: (await import('./components/image-import-page')).ImageImportPage }),
    },
  ],
  nav: [],
  commands: [{ to: '/images/upload', label: 'nav.commands.uploadImage', serviceType: 'image' }],
};
