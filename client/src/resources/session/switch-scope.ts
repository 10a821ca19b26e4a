import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import type { ScopeTarget, SessionView } from '@contract/session';
import { announceSessionChange } from './session-channel';
import { adoptSession, cancelScopedQueries } from './session';

/** Switches project and/or region: the BFF rescopes its token, the page drops the cache of the scope it left. */
export function useSwitchScope() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (target: ScopeTarget) => {
      await cancelScopedQueries(queryClient);
      return api.post<SessionView>('/api/auth/scope', target);
    },
    onSuccess: (session) => {
      adoptSession(queryClient, session);
      announceSessionChange('scope');
    },
  });
}
