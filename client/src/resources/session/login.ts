import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import type { ApplicationCredentialLoginInput, LoginChallenge, LoginInput, SessionView } from '@contract/session';
import { announceSessionChange } from './session-channel';
import { adoptSession } from './session';

/** Every way in: a password (which may be answered with a TOTP challenge), its TOTP step, an application credential. */
export type SignInRequest =
  | { method: 'password'; input: LoginInput }
  | { method: 'totp'; passcode: string }
  | { method: 'applicationCredential'; input: ApplicationCredentialLoginInput };

/** A session, or (password sign-in of a user whose multi-factor rules want it) the request for a TOTP code. */
export type SignInAnswer = SessionView | LoginChallenge;

export function isChallenge(answer: SignInAnswer): answer is LoginChallenge {
  return 'challenge' in answer;
}

export function signIn(request: SignInRequest): Promise<SignInAnswer> {
  switch (request.method) {
    case 'password':
      return api.post<SignInAnswer>('/api/auth/login', request.input);
    case 'totp':
      return api.post<SessionView>('/api/auth/login/totp', { passcode: request.passcode });
    case 'applicationCredential':
      return api.post<SessionView>('/api/auth/login/application-credential', request.input);
  }
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (answer) => {
      if (isChallenge(answer)) return;
      // Nothing cached for a previous user or session may survive a login.
      queryClient.clear();
      adoptSession(queryClient, answer);
      announceSessionChange('login');
    },
  });
}
