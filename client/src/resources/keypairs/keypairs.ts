// The user's key pairs: list, one by name, and the action creating one (generated: the private key is handed out
// once; or imported from a public key).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ActionDeclaration, ActionRequest, ProjectTarget } from '../../lib/actions/types';
import { api } from '../../lib/api/client';
import { fetchAllPages } from '../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import type { GeneratedKeypair, Keypair, KeypairType } from './types';

export const keypairKeys = scopedQueryKeys('compute', 'keypairs');

// 2.2 adds the type (ssh/x509), 2.35 paging with limit/marker. Stay below 2.92, which stops Nova generating keys.
export const keypairMicroversion = '2.35';
export const keypairsPath = '/api/os/compute/os-keypairs';

export const keypairPath = (name: string) => `${keypairsPath}/${encodeURIComponent(name)}`;

export async function fetchKeypairs(signal?: AbortSignal): Promise<Keypair[]> {
  const entries = await fetchAllPages<{ keypair: Keypair }>({
    path: keypairsPath,
    collection: 'keypairs',
    microversion: keypairMicroversion,
    signal,
  });
  return entries.map((entry) => entry.keypair).sort((a, b) => a.name.localeCompare(b.name));
}

export async function fetchKeypair(name: string, signal?: AbortSignal): Promise<Keypair> {
  const { keypair } = await api.get<{ keypair: Keypair }>(keypairPath(name), {
    microversion: keypairMicroversion,
    signal,
  });
  return keypair;
}

/** Creating a key pair: Nova generates it when no public key is given, and then answers with its private key once. */
export interface KeypairCreation {
  name: string;
  type: KeypairType;
  /** An OpenSSH public key line or a PEM certificate to import; absent, Nova generates the key pair. */
  publicKey?: string;
  /** The file the public key was read from, for the equivalent command line. */
  publicKeyFile?: string;
}

export const keypairCreateRequest = ({ name, type, publicKey }: KeypairCreation): ActionRequest<{ keypair: Keypair | GeneratedKeypair }> => ({
  method: 'POST',
  path: keypairsPath,
  body: { keypair: publicKey === undefined ? { name, type } : { name, public_key: publicKey, type } },
  microversion: keypairMicroversion,
});

/**
 * Creating or importing a key pair: one Nova call, so one action (a refusal of either greys both). The private key of
 * a generated one lives only in the submission's accepted answers, which the form drops once it took the key: it is
 * never in the query cache (the list is read again instead, and Nova never lists it) nor in the request log.
 */
export const createKeypair: ActionDeclaration<ProjectTarget, KeypairCreation> = {
  id: 'create-keypair',
  label: 'resources.keypairs.form.create',
  unavailableReason: () => null,
  affects: (scope) => [keypairKeys.all(scope)],
  request: (_project, creation) => [keypairCreateRequest(creation)],
  cli: (_project, { name, type, publicKey, publicKeyFile }) => [
    ['keypair', 'create', ...(publicKey === undefined ? [] : ['--public-key', publicKeyFile ?? '<file>']), '--type', type, name],
  ],
};

export const keypairsQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: keypairKeys.all(scope),
    queryFn: ({ signal }) => fetchKeypairs(signal),
  });

export const keypairQueryOptions = (scope: QueryScope, name: string) =>
  queryOptions({
    queryKey: keypairKeys.detail(scope, name),
    queryFn: ({ signal }) => fetchKeypair(name, signal),
  });

export function useKeypairs() {
  return useQuery(keypairsQueryOptions(useScope()));
}

export function useKeypair(name: string | undefined) {
  const scope = useScope();
  return useQuery({ ...keypairQueryOptions(scope, name ?? ''), enabled: name !== undefined && name !== '' });
}
