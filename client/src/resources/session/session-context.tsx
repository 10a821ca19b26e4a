import { createContext, useContext } from 'react';
import type { SessionView } from '@contract/session';

export const SignedInSessionContext = createContext<SessionView | null>(null);

/** The session of a signed-in page (the shell and what it renders sit behind the session gate). */
export function useSignedInSession(): SessionView {
  const session = useContext(SignedInSessionContext);
  if (!session) throw new Error('useSignedInSession outside the session gate');
  return session;
}
