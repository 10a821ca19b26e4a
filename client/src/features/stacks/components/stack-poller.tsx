// Polls one stack while it changes; renders nothing. The list mounts one per row that is changing.
import type { QueryScope } from '../../../lib/api/query-keys';
import { stackRef, useStackPolling } from '../../../resources/stacks/stacks';
import type { StackSummary } from '../../../resources/stacks/types';

export function StackPoller({ scope, stack }: { scope: QueryScope; stack: StackSummary }) {
  useStackPolling(scope, stackRef(stack));
  return null;
}
