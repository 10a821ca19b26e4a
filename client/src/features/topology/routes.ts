import { allLoaders, prefetchLoader, type FeatureDeclaration } from '../../lib/navigation';
import { NetworkIcon } from '../../lib/ui/icons';

export const feature: FeatureDeclaration = {
  routes: (context) => [
    {
      path: 'topology',
      // Networks and routers draw the first nodes, ports and servers fill in: all four asked for beside the page's
      // code (the graph's library is most of it), each read's code loaded with it, out of the entry chunk.
      loader: allLoaders(
        prefetchLoader(context, async (scope) => (await import('../../resources/networks/networks')).usableNetworksQueryOptions(scope)),
        prefetchLoader(context, async (scope) => (await import('../../resources/routers/routers')).routersQueryOptions(scope)),
        prefetchLoader(context, async (scope) => (await import('../../resources/ports/ports')).portsQueryOptions(scope)),
        prefetchLoader(context, async (scope) => (await import('./api/topology')).topologyServersQueryOptions(scope)),
      ),
      lazy: async () => ({ Component: (await import('./components/topology-page')).TopologyPage }),
    },
  ],
  nav: [{ to: '/topology', label: 'nav.topology', icon: NetworkIcon, serviceType: 'network', order: 49, section: 'network' }],
};
