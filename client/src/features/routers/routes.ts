import { prefetchLoader, type FeatureDeclaration } from '../../lib/navigation';
import { listCodec } from '../../resources/routers/list-state';
import { routerPageQueryOptions } from '../../resources/routers/routers';
import { RouterIcon } from './components/router-icon';

export const feature: FeatureDeclaration = {
  routes: (context) => [
    {
      path: 'routers',
      loader: prefetchLoader(context, (scope, search) => routerPageQueryOptions(scope, listCodec.parse(search))),
      lazy: async () => ({ Component: (await import('./components/routers-page')).RoutersPage }),
    },
    {
      path: 'routers/:id',
      lazy: async () => ({ Component: (await import('./components/router-detail-page')).RouterDetailPage }),
    },
  ],
  nav: [{ to: '/routers', label: 'nav.routers', icon: RouterIcon, serviceType: 'network', order: 44, section: 'network' }],
};
