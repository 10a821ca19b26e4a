// The key pair actions as a page offers them; the list is read again after each attempt.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import type { ActionSummary } from '../../../lib/actions/use-action-runner';
import { useScope } from '../../../lib/scope';
import { keypairActions } from '../actions';
import { keypairKeys } from '../../../resources/keypairs/keypairs';
import type { Keypair } from '../../../resources/keypairs/types';

const identify = (keypair: Keypair) => ({ id: keypair.name, name: keypair.name });

export function useKeypairActions({ onSucceeded }: { onSucceeded?: (keypair: Keypair, action: ActionSummary<Keypair>) => void } = {}) {
  const scope = useScope();
  const queryClient = useQueryClient();
  const onAttempted = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: keypairKeys.all(scope) }),
    [queryClient, scope],
  );
  return useResourceActions<Keypair>({ actions: keypairActions, identify, onAttempted, onSucceeded });
}
