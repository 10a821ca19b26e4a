// The key pair actions as a page offers them: menu items, the confirmation dialog, the failures to show, and the
// list read again after a change.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from '../../../lib/actions/action-dialog';
import type { AnyActionDeclaration } from '../../../lib/actions/types';
import { useActionRunner, type ActionSummary } from '../../../lib/actions/use-action-runner';
import { useScope } from '../../../lib/scope';
import type { MenuItem } from '../../../lib/ui/menu';
import { keypairActions } from '../actions';
import { keypairKeys } from '../api/keypairs';
import type { Keypair } from '../types';

const identify = (keypair: Keypair) => ({ id: keypair.name, name: keypair.name });

export function useKeypairActions({ onSucceeded }: { onSucceeded?: (keypair: Keypair, action: ActionSummary<Keypair>) => void } = {}) {
  const { t } = useTranslation();
  const scope = useScope();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<{ action: AnyActionDeclaration<Keypair>; keypairs: Keypair[] } | null>(null);

  const onAttempted = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: keypairKeys.all(scope) }),
    [queryClient, scope],
  );
  const runner = useActionRunner<Keypair>({ identify, onAttempted, onSucceeded });

  const trigger = useCallback(
    (action: AnyActionDeclaration<Keypair>, keypairs: Keypair[]) => {
      if (action.input || action.confirmation || keypairs.length > 1) setDialog({ action, keypairs });
      else void runner.run(action, keypairs, undefined);
    },
    [runner],
  );

  const menuItems = (keypair: Keypair): MenuItem[] =>
    keypairActions.map((action) => {
      const reason = action.unavailableReason(keypair);
      return {
        id: action.id,
        label: t(action.label),
        unavailableReason: reason ? t(reason) : null,
        destructive: action.confirmation?.destructive,
        onSelect: () => trigger(action, [keypair]),
      };
    });

  const dialogElement = dialog && (
    <ActionDialog
      action={dialog.action}
      resources={dialog.keypairs}
      nameOf={(keypair) => keypair.name}
      run={runner.run}
      onClose={() => setDialog(null)}
    />
  );

  return { menuItems, trigger, dialogElement, failures: runner.failures, dismissFailure: runner.dismiss };
}
