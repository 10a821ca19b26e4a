import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ApiError } from '../../lib/api/api-error';
import { api } from '../../lib/api/client';
import type { LoginLocationState } from './login-state';
import { announceSessionChange } from './session-channel';

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      try {
        await api.post<void>('/api/auth/logout');
      } catch (error) {
        // Already gone on the server: the user is signed out all the same.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
    onSuccess: async () => {
      api.setSession(null);
      announceSessionChange('logout');
      const state: LoginLocationState = { notice: { kind: 'signedOut' } };
      // Leave the signed-in pages first, so none of them refetches what is cleared next.
      await navigate('/login', { replace: true, state });
      queryClient.clear();
    },
  });
}
