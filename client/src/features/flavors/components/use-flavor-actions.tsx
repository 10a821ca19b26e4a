// The flavor admin actions as a page offers them: menu items, the dialog, the failures, the flavor and its access
// list read again after each attempt.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from '../../../lib/actions/action-dialog';
import type { AnyActionDeclaration } from '../../../lib/actions/types';
import { useActionRunner, type ActionSummary } from '../../../lib/actions/use-action-runner';
import { useScope } from '../../../lib/scope';
import type { MenuItem } from '../../../lib/ui/menu';
import { flavorAdminActions } from '../actions';
import { flavorAccessKeys, flavorKeys } from '../api/flavors';
import type { Flavor } from '../types';

const identify = (flavor: Flavor) => ({ id: flavor.id, name: flavor.name });

export function useFlavorActions({ onSucceeded }: { onSucceeded?: (flavor: Flavor, action: ActionSummary<Flavor>) => void } = {}) {
  const { t } = useTranslation();
  const scope = useScope();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<{ action: AnyActionDeclaration<Flavor>; flavors: Flavor[] } | null>(null);

  const onAttempted = useCallback(
    (flavor: Flavor) => {
      void queryClient.invalidateQueries({ queryKey: flavorKeys.all(scope) });
      void queryClient.invalidateQueries({ queryKey: flavorAccessKeys.detail(scope, flavor.id) });
    },
    [queryClient, scope],
  );
  const runner = useActionRunner<Flavor>({ identify, onAttempted, onSucceeded });

  const trigger = useCallback(
    (action: AnyActionDeclaration<Flavor>, flavors: Flavor[]) => {
      if (action.input || action.confirmation || flavors.length > 1) setDialog({ action, flavors });
      else void runner.run(action, flavors, undefined);
    },
    [runner],
  );

  const menuItems = (flavor: Flavor): MenuItem[] =>
    flavorAdminActions.map((action) => {
      const reason = action.unavailableReason(flavor);
      return {
        id: action.id,
        label: t(action.label),
        unavailableReason: reason ? t(reason) : null,
        destructive: action.confirmation?.destructive,
        onSelect: () => trigger(action, [flavor]),
      };
    });

  const dialogElement = dialog && (
    <ActionDialog action={dialog.action} resources={dialog.flavors} nameOf={(flavor) => flavor.name} run={runner.run} onClose={() => setDialog(null)} />
  );

  return { menuItems, trigger, dialogElement, failures: runner.failures, dismissFailure: runner.dismiss };
}
