import { prefetchLoader, type FeatureDeclaration } from '../../lib/navigation';
import { StackIcon } from './components/stack-icon';

export const feature: FeatureDeclaration = {
  routes: (context) => [
    {
      path: 'stacks',
      loader: prefetchLoader(context, async (scope, search) => {
        const [{ listCodec }, { stackPageQueryOptions }] = await Promise.all([
          import('../../resources/stacks/list-state'),
          import('../../resources/stacks/stacks'),
        ]);
        return stackPageQueryOptions(scope, listCodec.parse(search));
      }),
      lazy: async () => ({ Component: (await import('./components/stacks-page')).StacksPage }),
    },
    {
      path: 'stacks/:name/:id',
      lazy: async () => ({ Component: (await import('./components/stack-detail-page')).StackDetailPage }),
    },
  ],
  nav: [{ to: '/stacks', label: 'nav.stacks', icon: StackIcon, serviceType: 'orchestration', order: 60, section: 'orchestration' }],
};
