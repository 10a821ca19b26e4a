// The instance actions as a page offers them: menu items with the reason an action is unavailable, a dialog for
// those needing input or confirmation, the failures to show, and polling of every server an action succeeded on.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from '../../../lib/actions/action-dialog';
import type { AnyActionDeclaration } from '../../../lib/actions/types';
import { useActionRunner, type ActionSummary } from '../../../lib/actions/use-action-runner';
import { useScope } from '../../../lib/scope';
import type { MenuItem } from '../../../lib/ui/menu';
import { floatingIpKeys } from '../../floating-ips/api/floating-ips';
import { imageKeys } from '../../images/api/images';
import { portKeys } from '../../ports/api/ports';
import { volumeKeys } from '../../volumes/api/volumes';
import { serverActions } from '../actions';
import { watchServer } from '../api/server-watch';
import type { Server } from '../types';

const identify = (server: Server) => ({ id: server.id, name: server.name });

export function useServerActions() {
  const { t } = useTranslation();
  const scope = useScope();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<{ action: AnyActionDeclaration<Server>; servers: Server[] } | null>(null);

  // Succeeded or refused, the server is read again: a refusal (409) often means the page showed a stale state.
  const onAttempted = useCallback((server: Server, action: ActionSummary<Server>) => watchServer(server.id, action.done), []);
  const onSucceeded = useCallback(
    () => {
      // What the actions change besides the server itself: ports, floating IPs, volumes, images (snapshots).
      for (const keys of [portKeys, floatingIpKeys, volumeKeys, imageKeys]) {
        void queryClient.invalidateQueries({ queryKey: keys.all(scope) });
      }
    },
    [queryClient, scope],
  );
  const runner = useActionRunner<Server>({ identify, onSucceeded, onAttempted });

  const trigger = useCallback(
    (action: AnyActionDeclaration<Server>, servers: Server[]) => {
      if (action.input || action.confirmation || servers.length > 1) setDialog({ action, servers });
      else void runner.run(action, servers, undefined);
    },
    [runner],
  );

  const menuItems = (server: Server): MenuItem[] =>
    serverActions.map((action) => {
      const reason = action.unavailableReason(server);
      return {
        id: action.id,
        label: t(action.label),
        unavailableReason: reason ? t(reason) : null,
        destructive: action.confirmation?.destructive,
        onSelect: () => trigger(action, [server]),
      };
    });

  const dialogElement = dialog && (
    <ActionDialog
      action={dialog.action}
      resources={dialog.servers}
      nameOf={(server) => server.name}
      run={runner.run}
      onClose={() => setDialog(null)}
    />
  );

  return { menuItems, trigger, dialogElement, failures: runner.failures, dismissFailure: runner.dismiss };
}
