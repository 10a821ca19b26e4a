// The launch wizard has no navigation entry: the instances list opens it ("Launch instance"), and images, volumes
// and volume snapshots can link to it with `?image=<id>`, `?volume=<id>` or `?volumeSnapshot=<id>` to start from
// that source.
import type { FeatureDeclaration } from '../../lib/navigation';

export const feature: FeatureDeclaration = {
  routes: () => [
    {
      path: '/instances/launch',
      lazy: async () => ({ Component: (await import('./components/launch-instance-page')).LaunchInstancePage }),
    },
  ],
  nav: [],
  commands: [{ to: '/instances/launch', label: 'nav.commands.launchInstance', serviceType: 'compute' }],
};
