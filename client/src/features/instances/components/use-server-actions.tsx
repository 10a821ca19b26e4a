// The instance actions as a page offers them: the generic actions hook (which reads again what each action affects),
// plus the polling of every server an action was attempted on, until it settles.
import { useCallback } from 'react';
import type { ActionSummary } from '../../../lib/actions/use-action-runner';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { identifyServer, serverActions } from '../actions';
import { watchServer } from '../../../resources/servers/server-watch';
import type { Server } from '../../../resources/servers/types';

export function useServerActions() {
  // Succeeded or refused, the server is read again: a refusal (409) often means the page showed a stale state.
  const onAttempted = useCallback((server: Server, action: ActionSummary<Server>) => watchServer(server.id, action.done), []);
  return useResourceActions<Server>({ actions: serverActions, identify: identifyServer, onAttempted });
}
