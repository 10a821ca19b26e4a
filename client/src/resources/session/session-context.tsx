import { createContext, useContext } from 'react';
import type { Session } from './types';

export const SignedInSessionContext = createContext<Session | null>(null);

/** The session of a signed-in page (the shell and what it renders sit behind the session gate). */
export function useSignedInSession(): Session {
  const session = useContext(SignedInSessionContext);
  if (!session) throw new Error('useSignedInSession outside the session gate');
  return session;
}
