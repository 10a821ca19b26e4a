// The user's application credentials: the list (Keystone never lists a secret), and the create and delete calls with
// their `openstack application credential ...` equivalents, for the actions that send them.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ActionRequest, CliArgv } from '../../lib/actions/types';
import { fetchAllPages } from '../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import type { ApplicationCredential, ApplicationCredentialCreate, CreatedApplicationCredential, OwnedApplicationCredential } from './types';

export const applicationCredentialKeys = scopedQueryKeys('identity', 'application-credentials');

const applicationCredentialsPath = (userId: string) => `/api/os/identity/users/${encodeURIComponent(userId)}/application_credentials`;

/** Every application credential of the user (all projects), by name. */
export async function fetchApplicationCredentials(userId: string, signal?: AbortSignal): Promise<OwnedApplicationCredential[]> {
  const credentials = await fetchAllPages<ApplicationCredential>({
    path: applicationCredentialsPath(userId),
    collection: 'application_credentials',
    signal,
  });
  return credentials.map((credential) => ({ ...credential, user_id: userId })).sort((a, b) => a.name.localeCompare(b.name));
}

export const applicationCredentialsQueryOptions = (scope: QueryScope, userId: string) =>
  queryOptions({
    queryKey: applicationCredentialKeys.list(scope, { userId }),
    queryFn: ({ signal }) => fetchApplicationCredentials(userId, signal),
  });

export function useApplicationCredentials(userId: string) {
  return useQuery(applicationCredentialsQueryOptions(useScope(), userId));
}

export function createApplicationCredentialRequest(
  userId: string,
  body: ApplicationCredentialCreate,
): ActionRequest<{ application_credential: CreatedApplicationCredential }> {
  return { method: 'POST', path: applicationCredentialsPath(userId), body };
}

/** The same credential with the CLI (which creates it for the user and project it is signed in as). */
export function createApplicationCredentialCli({ application_credential: credential }: ApplicationCredentialCreate): CliArgv {
  return [
    'application',
    'credential',
    'create',
    ...(credential.description ? ['--description', credential.description] : []),
    ...(credential.expires_at ? ['--expiration', credential.expires_at] : []),
    ...credential.roles.flatMap((role) => ['--role', role.name]),
    ...(credential.unrestricted ? ['--unrestricted'] : []),
    ...(credential.access_rules?.length ? ['--access-rules', JSON.stringify(credential.access_rules)] : []),
    credential.name,
  ];
}

export function deleteApplicationCredentialRequest(credential: Pick<OwnedApplicationCredential, 'id' | 'user_id'>): ActionRequest {
  return { method: 'DELETE', path: `${applicationCredentialsPath(credential.user_id)}/${encodeURIComponent(credential.id)}` };
}

export const deleteApplicationCredentialCli = (credentialId: string): CliArgv => ['application', 'credential', 'delete', credentialId];
