// The user's key pairs: list, one by name, generate (the private key is handed out once), import a public key.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { fetchAllPages } from '../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import type { GeneratedKeypair, Keypair, KeypairGeneration, KeypairImport } from './types';

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

/** Nova generates the key pair and answers with its private key, which it does not keep. */
export async function generateKeypair(generation: KeypairGeneration): Promise<GeneratedKeypair> {
  const { keypair } = await api.post<{ keypair: GeneratedKeypair }>(
    keypairsPath,
    { keypair: { name: generation.name, type: generation.type } },
    { microversion: keypairMicroversion },
  );
  return keypair;
}

export async function importKeypair(keypairImport: KeypairImport): Promise<Keypair> {
  const { keypair } = await api.post<{ keypair: Keypair }>(
    keypairsPath,
    { keypair: { name: keypairImport.name, public_key: keypairImport.publicKey, type: keypairImport.type } },
    { microversion: keypairMicroversion },
  );
  return keypair;
}

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

/**
 * The private key lives only in this mutation's result, for the component to offer as a download: it is never
 * written to the query cache (the list is refetched instead, without it), and the mutation is dropped from the
 * mutation cache as soon as no component holds it (gcTime 0).
 */
export function useGenerateKeypair() {
  const scope = useScope();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: generateKeypair,
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keypairKeys.all(scope) }),
  });
}

export function useImportKeypair() {
  const scope = useScope();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importKeypair,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keypairKeys.all(scope) }),
  });
}
