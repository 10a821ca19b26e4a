import type { SessionView } from '@contract/session';
import { useTranslation } from 'react-i18next';

/** How the session was made, in words: an application credential (named), password and TOTP, or password. */
export function useSignedInWith(session: SessionView): string {
  const { t } = useTranslation();
  const credential = session.signIn.applicationCredential;
  if (credential) return t('user.method.applicationCredential', { name: credential.name });
  return session.signIn.methods.includes('totp') ? t('user.method.totp') : t('user.method.password');
}
