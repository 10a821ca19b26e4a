// Polls one server while it changes; renders nothing. The list mounts one per row that is changing.
import type { QueryScope } from '../../../lib/api/query-keys';
import { useServerPolling } from '../../../resources/servers/servers';

export function ServerPoller({ scope, id }: { scope: QueryScope; id: string }) {
  useServerPolling(scope, id);
  return null;
}
