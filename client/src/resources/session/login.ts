import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import type { LoginInput, SessionView } from '@contract/session';
import { announceSessionChange } from './session-channel';
import { adoptSession } from './session';

export function login(input: LoginInput): Promise<SessionView> {
  return api.post<SessionView>('/api/auth/login', input);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      // Nothing cached for a previous user or session may survive a login.
      queryClient.clear();
      adoptSession(queryClient, session);
      announceSessionChange('login');
    },
  });
}
