// The account page's action on the user's own Keystone credentials, declared once (lib/actions): removing an
// authenticator is deleting the user's `totp` credential, which Keystone's policy lets its owner do.
import type { ActionDeclaration } from '../../lib/actions/types';
import { accountQueryKey } from './api';
import { TotpRemovalConsequence } from './components/totp-removal-consequence';
import type { OwnTotpCredential } from './totp-credential';

export const removeTotpCredential: ActionDeclaration<OwnTotpCredential> = {
  id: 'remove-totp-credential',
  label: 'account.totp.remove.label',
  unavailableReason: () => null,
  // The account view counts the user's TOTP credentials.
  affects: () => [accountQueryKey],
  request: (credential) => [{ method: 'DELETE', path: `/api/os/identity/credentials/${encodeURIComponent(credential.id)}` }],
  cli: (credential) => [['credential', 'delete', credential.id]],
  confirmation: { message: 'account.totp.remove.confirm', destructive: true, Details: TotpRemovalConsequence },
};

export const identifyTotpCredential = (credential: OwnTotpCredential) => ({ id: credential.id, name: credential.id });
