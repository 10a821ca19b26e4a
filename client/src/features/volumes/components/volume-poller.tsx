// Polls one volume while it changes; renders nothing. The list mounts one per row that is changing.
import type { QueryScope } from '../../../lib/api/query-keys';
import { useVolumePolling } from '../../../resources/volumes/volumes';

export function VolumePoller({ scope, id }: { scope: QueryScope; id: string }) {
  useVolumePolling(scope, id);
  return null;
}
