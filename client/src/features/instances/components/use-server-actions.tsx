// The instance actions as a page offers them; every server an action was attempted on is polled until it settles.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ActionSummary } from '../../../lib/actions/use-action-runner';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { useScope } from '../../../lib/scope';
import { floatingIpKeys } from '../../../resources/floating-ips/floating-ips';
import { imageKeys } from '../../../resources/images/images';
import { portKeys } from '../../../resources/ports/ports';
import { volumeKeys } from '../../../resources/volumes/volumes';
import { serverActions } from '../actions';
import { watchServer } from '../../../resources/servers/server-watch';
import type { Server } from '../../../resources/servers/types';

const identify = (server: Server) => ({ id: server.id, name: server.name });

export function useServerActions() {
  const scope = useScope();
  const queryClient = useQueryClient();
  // Succeeded or refused, the server is read again: a refusal (409) often means the page showed a stale state.
  const onAttempted = useCallback((server: Server, action: ActionSummary<Server>) => watchServer(server.id, action.done), []);
  const onSucceeded = useCallback(() => {
    // What the actions change besides the server itself: ports, floating IPs, volumes, images (snapshots).
    for (const keys of [portKeys, floatingIpKeys, volumeKeys, imageKeys]) {
      void queryClient.invalidateQueries({ queryKey: keys.all(scope) });
    }
  }, [queryClient, scope]);
  return useResourceActions<Server>({ actions: serverActions, identify, onSucceeded, onAttempted });
}
