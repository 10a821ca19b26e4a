// The flavor admin actions as a page offers them; the flavor and its access list are read again after each attempt.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import type { ActionSummary } from '../../../lib/actions/use-action-runner';
import { useScope } from '../../../lib/scope';
import { flavorAdminActions } from '../actions';
import { flavorAccessKeys, flavorKeys } from '../../../resources/flavors/flavors';
import type { Flavor } from '../../../resources/flavors/types';

const identify = (flavor: Flavor) => ({ id: flavor.id, name: flavor.name });

export function useFlavorActions({ onSucceeded }: { onSucceeded?: (flavor: Flavor, action: ActionSummary<Flavor>) => void } = {}) {
  const scope = useScope();
  const queryClient = useQueryClient();
  const onAttempted = useCallback(
    (flavor: Flavor) => {
      void queryClient.invalidateQueries({ queryKey: flavorKeys.all(scope) });
      void queryClient.invalidateQueries({ queryKey: flavorAccessKeys.detail(scope, flavor.id) });
    },
    [queryClient, scope],
  );
  return useResourceActions<Flavor>({ actions: flavorAdminActions, identify, onAttempted, onSucceeded });
}
