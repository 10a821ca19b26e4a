// The user's EC2 credentials: the list (read through the BFF, without secrets), and the create and delete calls
// with their `openstack ec2 credentials ...` equivalents, for the actions that send them.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Ec2CredentialsResponse } from '@contract/catalog';
import type { ActionRequest, CliArgv } from '../../lib/actions/types';
import { api } from '../../lib/api/client';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import type { CreatedEc2Credential, Ec2CredentialCreate, ListedEc2Credential } from './types';

export const ec2CredentialKeys = scopedQueryKeys('identity', 'ec2-credentials');

const ec2CredentialsPath = (userId: string) => `/api/os/identity/users/${encodeURIComponent(userId)}/credentials/OS-EC2`;

/** Every EC2 credential of the signed-in user (all projects), without secrets, sorted by project then access key. */
export async function fetchEc2Credentials(signal?: AbortSignal): Promise<ListedEc2Credential[]> {
  const { credentials } = await api.get<Ec2CredentialsResponse>('/api/auth/ec2-credentials', { signal });
  return [...credentials].sort((a, b) => (a.tenant_id ?? '').localeCompare(b.tenant_id ?? '') || a.access.localeCompare(b.access));
}

export const ec2CredentialsQueryOptions = (scope: QueryScope) =>
  queryOptions({ queryKey: ec2CredentialKeys.all(scope), queryFn: ({ signal }) => fetchEc2Credentials(signal) });

export function useEc2Credentials() {
  return useQuery(ec2CredentialsQueryOptions(useScope()));
}

/** Keystone generates the access key and the secret; its answer is the only one Zenith ever reads the secret from. */
export function createEc2CredentialRequest(userId: string, projectId: string): ActionRequest<CreatedEc2Credential> {
  const body: Ec2CredentialCreate = { tenant_id: projectId };
  return { method: 'POST', path: ec2CredentialsPath(userId), body };
}

export const createEc2CredentialCli = (userId: string, projectId: string): CliArgv => [
  'ec2',
  'credentials',
  'create',
  '--project',
  projectId,
  '--user',
  userId,
];

export function deleteEc2CredentialRequest(credential: Pick<ListedEc2Credential, 'access' | 'user_id'>): ActionRequest {
  return { method: 'DELETE', path: `${ec2CredentialsPath(credential.user_id)}/${encodeURIComponent(credential.access)}` };
}

export const deleteEc2CredentialCli = (credential: Pick<ListedEc2Credential, 'access' | 'user_id'>): CliArgv => [
  'ec2',
  'credentials',
  'delete',
  '--user',
  credential.user_id,
  credential.access,
];
