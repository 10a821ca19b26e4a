// The key pair actions, declared once (lib/actions): the API call and the `openstack` command doing the same.
// Creating and importing are not actions on an existing key pair: the KeypairCreator form does them.
import type { ActionDeclaration, AnyActionDeclaration } from '../../lib/actions/types';
import type { QueryScope } from '../../lib/api/query-keys';
import { keypairKeys, keypairMicroversion, keypairPath } from '../../resources/keypairs/keypairs';
import type { Keypair } from '../../resources/keypairs/types';

const affectsKeypairs = (scope: QueryScope) => [keypairKeys.all(scope)];

export const deleteKeypair: ActionDeclaration<Keypair> = {
  id: 'delete',
  removes: true,
  label: 'keypairs.actions.delete.label',
  succeeded: 'keypairs.actions.delete.succeeded',
  // A key pair has no state that forbids deleting it: instances keep their copy of the public key.
  unavailableReason: () => null,
  affects: affectsKeypairs,
  request: (keypair) => [{ method: 'DELETE', path: keypairPath(keypair.name), microversion: keypairMicroversion }],
  cli: (keypair) => [['keypair', 'delete', keypair.name]],
  confirmation: { message: 'keypairs.actions.delete.confirm', destructive: true },
  bulk: true,
};

export const keypairActions: readonly AnyActionDeclaration<Keypair>[] = [deleteKeypair];
export const bulkKeypairActions = keypairActions.filter((action) => action.bulk);

export const identifyKeypair = (keypair: Keypair) => ({ id: keypair.name, name: keypair.name, page: `/keypairs/${encodeURIComponent(keypair.name)}` });
