// Polls one snapshot while Cinder changes it; renders nothing. The list mounts one per row that is changing.
import { useVolumeSnapshot } from '../../../resources/volume-snapshots/volume-snapshots';

export function SnapshotPoller({ id }: { id: string }) {
  useVolumeSnapshot(id, { fresh: true });
  return null;
}
