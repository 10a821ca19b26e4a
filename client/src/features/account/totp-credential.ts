// What removing an authenticator means for signing in, from the user's own multi-factor rules in Keystone.
import type { AccountView } from '@contract/session';

/** One of the user's TOTP credentials, with the account it belongs to (whose rules say what removing it means). */
export interface OwnTotpCredential {
  id: string;
  account: AccountView;
}

export type RemovalConsequence =
  /** Every rule needs a TOTP code and no authenticator would be left: Keystone refuses the next sign-in. */
  | { kind: 'lockedOut'; rules: string[][] }
  /** Every rule needs a TOTP code; the other authenticators still make codes Keystone accepts. */
  | { kind: 'othersLeft'; count: number }
  /** No rule (in force) needs a TOTP code: the password alone still signs in. */
  | { kind: 'notRequired' };

/**
 * Keystone's rules are lists of methods, any one of which suffices, and apply only when multi-factor auth is enabled
 * on the user; a TOTP code is checked against every `totp` credential of the user.
 */
export function removalConsequence(removed: readonly OwnTotpCredential[]): RemovalConsequence {
  const account = removed[0]?.account;
  if (!account) return { kind: 'notRequired' };
  const { mfaEnabled, mfaRules } = account.user;
  if (!mfaEnabled || mfaRules.length === 0 || !mfaRules.every((rule) => rule.includes('totp'))) return { kind: 'notRequired' };
  const left = account.totpCredentials.filter((credential) => !removed.some((gone) => gone.id === credential.id)).length;
  return left === 0 ? { kind: 'lockedOut', rules: mfaRules } : { kind: 'othersLeft', count: left };
}
