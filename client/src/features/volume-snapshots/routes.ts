import { prefetchLoader, type FeatureDeclaration } from '../../lib/navigation';
import { SnapshotIcon } from './components/snapshot-icon';

// `volumes/snapshots` is a static segment: react-router ranks it above the volumes feature's `volumes/:id`.
export const feature: FeatureDeclaration = {
  routes: (context) => [
    {
      path: 'volumes/snapshots',
      loader: prefetchLoader(context, async (scope, search) => {
        const [{ listCodec }, { volumeSnapshotListPageQueryOptions }] = await Promise.all([
          import('../../resources/volume-snapshots/list-state'),
          import('../../resources/volume-snapshots/volume-snapshots'),
        ]);
        return volumeSnapshotListPageQueryOptions(scope, listCodec.parse(search));
      }),
      lazy: async () => ({ Component: (await import('./components/snapshots-page')).SnapshotsPage }),
    },
    {
      path: 'volumes/snapshots/:id',
      lazy: async () => ({ Component: (await import('./components/snapshot-detail-page')).SnapshotDetailPage }),
    },
  ],
  // Right after Volumes in the compute section.
  nav: [{ to: '/volumes/snapshots', label: 'nav.volumeSnapshots', icon: SnapshotIcon, serviceType: 'block-storage', order: 26, section: 'compute' }],
};
