// The BFF's /api/account endpoints: the user as Keystone describes them, the own-password change, and TOTP
// self-registration (removal is a declared action, see actions.ts). Not scoped to a project: the cache is cleared at
// every sign-in and sign-out.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../lib/api/client';
import type { LoginLocationState } from '../../resources/session/login-state';
import { announceSessionChange } from '../../resources/session/session-channel';
import type { AccountView, ChangePasswordInput, TotpEnrollment } from '@contract/session';

export const accountQueryKey = ['account'] as const;

const accountQueryOptions = queryOptions({
  queryKey: accountQueryKey,
  queryFn: ({ signal }) => api.get<AccountView>('/api/account', { signal }),
});

export function useAccount() {
  return useQuery(accountQueryOptions);
}

/** On success the BFF has ended the session (Keystone revoked its tokens): the user signs in with the new password. */
export function useChangePassword(account: { username: string; userDomain: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => api.post<void>('/api/account/password', input),
    onSuccess: async () => {
      api.setSession(null);
      announceSessionChange('logout');
      const state: LoginLocationState = { notice: { kind: 'passwordChanged' }, account };
      await navigate('/login', { replace: true, state });
      queryClient.clear();
    },
  });
}

export function useStartTotp() {
  return useMutation({ mutationFn: () => api.post<TotpEnrollment>('/api/account/totp') });
}

export function useConfirmTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (passcode: string) => api.post<{ id: string }>('/api/account/totp/confirm', { passcode }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountQueryOptions.queryKey }),
  });
}
