// Key pairs the search box finds: Nova has no filter on their list and they have no id, only a name; the user's key
// pairs are few, so a name is searched in the browser over that list.
import { matchesIdOrName, type ResourceSearch } from '../../lib/search/query';
import { fetchKeypairs } from './keypairs';
import type { Keypair } from './types';

export type KeypairMatch = Pick<Keypair, 'name'>;

export const searchKeypairs: ResourceSearch<KeypairMatch> = (query, { signal }) =>
  query.kind === 'name' || query.kind === 'idPrefix'
    ? fetchKeypairs(signal).then((keypairs) => ({ items: keypairs.filter((keypair) => matchesIdOrName(query, { name: keypair.name })), method: 'client' }))
    : null;
