import { prefetchLoader, type FeatureDeclaration } from '../../lib/navigation';
import { listCodec } from '../../resources/load-balancers/list-state';
import { loadBalancerPageQueryOptions } from '../../resources/load-balancers/load-balancers';
import { LoadBalancerIcon } from './components/load-balancer-icon';

export const feature: FeatureDeclaration = {
  routes: (context) => [
    {
      path: 'load-balancers',
      loader: prefetchLoader(context, (scope, search) => loadBalancerPageQueryOptions(scope, listCodec.parse(search))),
      lazy: async () => ({ Component: (await import('./components/load-balancers-page')).LoadBalancersPage }),
    },
    {
      path: 'load-balancers/create',
      lazy: async () => ({ Component: (await import('./components/create-load-balancer-page')).CreateLoadBalancerPage }),
    },
    {
      path: 'load-balancers/:id',
      lazy: async () => ({ Component: (await import('./components/load-balancer-detail-page')).LoadBalancerDetailPage }),
    },
  ],
  nav: [{ to: '/load-balancers', label: 'nav.loadBalancers', icon: LoadBalancerIcon, serviceType: 'load-balancer', order: 47, section: 'network' }],
  commands: [{ to: '/load-balancers/create', label: 'nav.commands.createLoadBalancer', serviceType: 'load-balancer' }],
};
