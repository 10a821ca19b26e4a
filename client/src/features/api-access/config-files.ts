// The files that take the user from the dashboard to the CLI and the SDKs: clouds.yaml and an openrc for their own
// user, project and region (no password in either: clouds.yaml says where it goes, openrc asks for it), an ec2rc for
// an EC2 credential just created, and a clouds.yaml for an application credential just created. Pure text builders:
// every value is quoted (JSON strings are YAML double-quoted scalars; shell values single-quoted), so a name with
// spaces, quotes, `$` or a newline arrives in the tool exactly as written.
import type { CatalogEntry } from '@contract/catalog';
import { shellQuote } from '../../lib/ui/shell-quote';

export type EndpointInterface = 'public' | 'internal' | 'admin';

/** Who, where and how the files sign in: the session's user, project, region and interface. */
export interface CloudProfile {
  authUrl: string;
  username: string;
  userDomainName: string;
  projectId: string;
  projectName: string;
  projectDomainName: string;
  region: string;
  interface: EndpointInterface;
}

const yamlString = (value: string) => JSON.stringify(value);

/** Comment lines never break out of the comment: a newline in a value becomes a space. */
const commentSafe = (value: string) => value.replace(/[\r\n]+/g, ' ');

/** A clouds.yaml entry name from the project and region: letters, digits, `.`, `_` and `-` only. */
export function cloudName(projectName: string, region: string): string {
  const name = `${projectName}-${region}`.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
  return name === '' ? 'openstack' : name;
}

export function cloudsYaml(profile: CloudProfile, name = cloudName(profile.projectName, profile.region)): string {
  return [
    `# clouds.yaml for user ${commentSafe(profile.username)} (domain ${commentSafe(profile.userDomainName)}) in project ${commentSafe(profile.projectName)}, region ${commentSafe(profile.region)}.`,
    '# Save it as ~/.config/openstack/clouds.yaml (or ./clouds.yaml, or name it in OS_CLIENT_CONFIG_FILE), then:',
    `#   openstack --os-cloud ${shellQuote(name)} server list`,
    '#',
    '# It holds no password. The password goes, from the safest:',
    "#   - nowhere: the openstack CLI asks for it when run in a terminal;",
    '#   - in the environment: OS_PASSWORD (read -rs OS_PASSWORD && export OS_PASSWORD);',
    '#   - in a secure.yaml next to this file (mode 600), under clouds: <name>: auth: password: ...;',
    '#   - or here, as `password: ...` under auth (then keep this file private: chmod 600 clouds.yaml).',
    'clouds:',
    `  ${yamlString(name)}:`,
    '    auth_type: password',
    '    auth:',
    `      auth_url: ${yamlString(profile.authUrl)}`,
    `      username: ${yamlString(profile.username)}`,
    `      user_domain_name: ${yamlString(profile.userDomainName)}`,
    `      project_id: ${yamlString(profile.projectId)}`,
    `      project_name: ${yamlString(profile.projectName)}`,
    `      project_domain_name: ${yamlString(profile.projectDomainName)}`,
    `    region_name: ${yamlString(profile.region)}`,
    `    interface: ${yamlString(profile.interface)}`,
    '    identity_api_version: 3',
    '',
  ].join('\n');
}

/** The usual openrc v3: `source` it, type the password when asked, and the OS_* variables are set in that shell. */
export function openrc(profile: CloudProfile): string {
  const exported = (variable: string, value: string) => `export ${variable}=${shellQuote(value)}`;
  return [
    '#!/usr/bin/env bash',
    `# openrc for user ${commentSafe(profile.username)} in project ${commentSafe(profile.projectName)}, region ${commentSafe(profile.region)} (Keystone v3).`,
    '# Source it in bash or zsh (`. ./openrc.sh`): it asks for your password and sets the OS_* variables that the',
    '# openstack CLI and the SDKs read. The password stays in that shell\'s environment, never in this file.',
    exported('OS_AUTH_URL', profile.authUrl),
    'export OS_IDENTITY_API_VERSION=3',
    'export OS_AUTH_TYPE=password',
    exported('OS_USERNAME', profile.username),
    exported('OS_USER_DOMAIN_NAME', profile.userDomainName),
    exported('OS_PROJECT_ID', profile.projectId),
    exported('OS_PROJECT_NAME', profile.projectName),
    exported('OS_PROJECT_DOMAIN_NAME', profile.projectDomainName),
    '# Keystone v2.0 and application credential variables from an earlier openrc would change how the CLI signs in.',
    'unset OS_TENANT_ID OS_TENANT_NAME OS_APPLICATION_CREDENTIAL_ID OS_APPLICATION_CREDENTIAL_SECRET OS_TOKEN',
    exported('OS_REGION_NAME', profile.region),
    exported('OS_INTERFACE', profile.interface),
    'echo "Please enter your OpenStack Password for project $OS_PROJECT_NAME as user $OS_USERNAME: "',
    'read -sr OS_PASSWORD_INPUT',
    'export OS_PASSWORD="$OS_PASSWORD_INPUT"',
    'unset OS_PASSWORD_INPUT',
    '',
  ].join('\n');
}

/** The URL of a service's endpoint in the region and interface, without a trailing slash. */
export function endpointUrl(entries: readonly CatalogEntry[], type: string, region: string, endpointInterface: EndpointInterface): string | undefined {
  for (const entry of entries) {
    if (entry.type !== type) continue;
    const endpoint = entry.endpoints.find((candidate) => candidate.region === region && candidate.interface === endpointInterface);
    if (endpoint) return endpoint.url.replace(/\/+$/, '');
  }
  return undefined;
}

export interface Ec2rcInput {
  access: string;
  secret: string;
  projectName: string;
  username: string;
  /** The catalog's `ec2` endpoint, when the cloud has one. */
  ec2Url?: string;
  /** The catalog's `s3` endpoint, when the cloud has one. */
  s3Url?: string;
}

/** The variables EC2- and S3-compatible tools read, for an EC2 credential whose secret was just shown. */
export function ec2rc(input: Ec2rcInput): string {
  return [
    '#!/usr/bin/env bash',
    `# EC2 credential of user ${commentSafe(input.username)} for project ${commentSafe(input.projectName)}. Source it: \`. ./ec2rc.sh\`.`,
    '# It holds the secret key: keep it private (chmod 600). Delete the credential in Keystone if it leaks.',
    `export EC2_ACCESS_KEY=${shellQuote(input.access)}`,
    `export EC2_SECRET_KEY=${shellQuote(input.secret)}`,
    input.ec2Url
      ? `export EC2_URL=${shellQuote(input.ec2Url)}`
      : "# This cloud's catalog has no ec2 endpoint in this region: set EC2_URL to its EC2-compatible API if it has one.",
    ...(input.s3Url ? [`export S3_URL=${shellQuote(input.s3Url)}`] : []),
    '# The same pair under the names the AWS tools and SDKs read:',
    'export AWS_ACCESS_KEY_ID="$EC2_ACCESS_KEY"',
    'export AWS_SECRET_ACCESS_KEY="$EC2_SECRET_KEY"',
    '',
  ].join('\n');
}

export interface ApplicationCredentialCloud {
  authUrl: string;
  region: string;
  interface: EndpointInterface;
  id: string;
  name: string;
  secret: string;
}

/** A clouds.yaml signing in with an application credential: its id and secret are all it needs. */
export function applicationCredentialCloudsYaml(credential: ApplicationCredentialCloud, name = cloudName(credential.name, credential.region)): string {
  return [
    `# clouds.yaml for the application credential ${commentSafe(credential.name)} (${credential.id}), region ${commentSafe(credential.region)}.`,
    '# It holds the credential\'s secret: keep it private (chmod 600 clouds.yaml). Then:',
    `#   openstack --os-cloud ${shellQuote(name)} token issue`,
    'clouds:',
    `  ${yamlString(name)}:`,
    '    auth_type: v3applicationcredential',
    '    auth:',
    `      auth_url: ${yamlString(credential.authUrl)}`,
    `      application_credential_id: ${yamlString(credential.id)}`,
    `      application_credential_secret: ${yamlString(credential.secret)}`,
    `    region_name: ${yamlString(credential.region)}`,
    `    interface: ${yamlString(credential.interface)}`,
    '    identity_api_version: 3',
    '',
  ].join('\n');
}
