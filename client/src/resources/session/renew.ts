// Signing in again before the session's token ends, without leaving the page: the BFF puts a new token in the same
// user's session (same project and region) and hands out a new session id and CSRF token. The page keeps its state:
// its route, its forms and its query cache (adoptSession keeps what was read for an unchanged scope).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import type { RenewInput, SessionView } from '@contract/session';
import { isChallenge, type SignInAnswer } from './login';
import { announceSessionChange } from './session-channel';
import { adoptSession } from './session';

/** The way in again (a password, or the session's application credential's secret), then a TOTP code if asked. */
export type RenewRequest = { step: 'credentials'; input: RenewInput } | { step: 'totp'; passcode: string };

export function renewSession(request: RenewRequest): Promise<SignInAnswer> {
  // Both steps may answer with a new cookie and CSRF token: no other call of this tab may cross them.
  return request.step === 'totp'
    ? api.post<SessionView>('/api/auth/renew/totp', { passcode: request.passcode }, { renewsSession: true })
    : api.post<SignInAnswer>('/api/auth/renew', request.input, { renewsSession: true });
}

export function useRenewSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: renewSession,
    onSuccess: (answer) => {
      if (isChallenge(answer)) return;
      adoptSession(queryClient, answer);
      // Other tabs share the cookie: they read the session again for its new CSRF token.
      announceSessionChange('login');
    },
  });
}
