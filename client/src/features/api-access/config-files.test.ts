/// <reference types="node" />
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CatalogEntry } from '@contract/catalog';
import {
  applicationCredentialCloudsYaml,
  cloudName,
  cloudsYaml,
  ec2rc,
  endpointUrl,
  openrc,
  type CloudProfile,
} from './config-files';

const profile: CloudProfile = {
  authUrl: 'http://127.0.0.1:5000/v3',
  username: 'demo',
  userDomainName: 'Default',
  projectId: 'adc28bd88afb4aefb5d562b627518fae',
  projectName: 'demo',
  projectDomainName: 'Default',
  region: 'RegionOne',
  interface: 'public',
};
// Names Keystone accepts that a careless template would break: quotes, $, a newline, a YAML indicator, unicode.
const nasty: CloudProfile = {
  ...profile,
  username: "o'brien \"$(id)\"",
  userDomainName: 'Dom: ain #1',
  projectName: 'proj\nnext: line',
  projectDomainName: '- été',
  region: 'Région `2`',
};

const directory = mkdtempSync(join(tmpdir(), 'zenith-openrc-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Sources the file in bash with `password` on stdin and answers the OS_* variables it left set. */
function sourced(text: string, password: string): Record<string, string> {
  const file = join(directory, 'openrc.sh');
  writeFileSync(file, text);
  const out = execFileSync('bash', ['-c', '. "$1" >/dev/null; env -0', 'bash', file], {
    input: `${password}\n`,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, OS_TENANT_NAME: 'left over', OS_APPLICATION_CREDENTIAL_ID: 'left over' },
  });
  const entries = out.split('\0').filter((line) => line.startsWith('OS_')).map((line) => {
    const at = line.indexOf('=');
    return [line.slice(0, at), line.slice(at + 1)] as const;
  });
  return Object.fromEntries(entries);
}

describe('cloudsYaml', () => {
  it('signs in with a password it does not hold, for the user, project and region', () => {
    const text = cloudsYaml(profile);
    expect(parse(text)).toEqual({
      clouds: {
        'demo-RegionOne': {
          auth_type: 'password',
          auth: {
            auth_url: 'http://127.0.0.1:5000/v3',
            username: 'demo',
            user_domain_name: 'Default',
            project_id: 'adc28bd88afb4aefb5d562b627518fae',
            project_name: 'demo',
            project_domain_name: 'Default',
          },
          region_name: 'RegionOne',
          interface: 'public',
          identity_api_version: 3,
        },
      },
    });
    expect(text).not.toMatch(/^\s*password:/m);
    expect(text).toContain('# It holds no password. The password goes');
    expect(text).toContain('openstack --os-cloud demo-RegionOne server list');
  });

  it('keeps every value exactly as written, whatever it contains', () => {
    const cloud = Object.values((parse(cloudsYaml(nasty)) as { clouds: Record<string, { auth: Record<string, string>; region_name: string }> }).clouds)[0]!;
    expect(cloud.auth).toMatchObject({ username: nasty.username, user_domain_name: nasty.userDomainName, project_name: nasty.projectName, project_domain_name: nasty.projectDomainName });
    expect(cloud.region_name).toBe(nasty.region);
  });

  it('names the cloud after the project and region, with characters any shell and YAML take bare', () => {
    expect(cloudName('demo', 'RegionOne')).toBe('demo-RegionOne');
    expect(cloudName('my project', 'Région 2')).toBe('my-project-R-gion-2');
    expect(cloudName('', '')).toBe('openstack');
  });
});

describe('openrc', () => {
  it('asks for the password like the usual openrc, and sets the variables the CLI reads', () => {
    const text = openrc(profile);
    expect(text).toContain('read -sr OS_PASSWORD_INPUT');
    expect(text).not.toMatch(/OS_PASSWORD=(?!"\$OS_PASSWORD_INPUT")/);
    expect(sourced(text, 'pa ss$word\'"')).toEqual({
      OS_AUTH_URL: 'http://127.0.0.1:5000/v3',
      OS_IDENTITY_API_VERSION: '3',
      OS_AUTH_TYPE: 'password',
      OS_USERNAME: 'demo',
      OS_USER_DOMAIN_NAME: 'Default',
      OS_PROJECT_ID: 'adc28bd88afb4aefb5d562b627518fae',
      OS_PROJECT_NAME: 'demo',
      OS_PROJECT_DOMAIN_NAME: 'Default',
      OS_REGION_NAME: 'RegionOne',
      OS_INTERFACE: 'public',
      OS_PASSWORD: 'pa ss$word\'"',
    });
  });

  it('exports names with quotes, $, backquotes and newlines exactly, and runs nothing they contain', () => {
    const variables = sourced(openrc(nasty), 'x');
    expect(variables).toMatchObject({
      OS_USERNAME: nasty.username,
      OS_USER_DOMAIN_NAME: nasty.userDomainName,
      OS_PROJECT_NAME: nasty.projectName,
      OS_PROJECT_DOMAIN_NAME: nasty.projectDomainName,
      OS_REGION_NAME: nasty.region,
    });
  });
});

const catalog: CatalogEntry[] = [
  {
    type: 'ec2',
    name: 'nova-ec2',
    endpoints: [
      { id: '1', region: 'RegionOne', interface: 'public', url: 'http://ec2.one:8788/' },
      { id: '2', region: 'RegionTwo', interface: 'public', url: 'http://ec2.two:8788' },
    ],
  },
];

describe('ec2rc', () => {
  it('exports the access key, the secret and the catalog’s ec2 endpoint', () => {
    const ec2Url = endpointUrl(catalog, 'ec2', 'RegionOne', 'public');
    expect(ec2Url).toBe('http://ec2.one:8788');
    const file = join(directory, 'ec2rc.sh');
    writeFileSync(file, ec2rc({ access: 'a1b2', secret: 's3cr3t', projectName: 'demo', username: 'demo', ec2Url }));
    const env = execFileSync('bash', ['-c', '. "$1"; printf "%s|%s|%s|%s" "$EC2_ACCESS_KEY" "$EC2_SECRET_KEY" "$EC2_URL" "$AWS_SECRET_ACCESS_KEY"', 'bash', file], {
      encoding: 'utf8',
    });
    expect(env).toBe('a1b2|s3cr3t|http://ec2.one:8788|s3cr3t');
  });

  it('says so in a comment when the catalog has no ec2 endpoint', () => {
    expect(endpointUrl(catalog, 'ec2', 'RegionOne', 'internal')).toBeUndefined();
    const text = ec2rc({ access: 'a', secret: 's', projectName: 'demo', username: 'demo' });
    expect(text).not.toContain('EC2_URL=');
    expect(text).toMatch(/^# This cloud's catalog has no ec2 endpoint/m);
  });
});

describe('applicationCredentialCloudsYaml', () => {
  it('signs in with the credential’s id and secret', () => {
    const text = applicationCredentialCloudsYaml({
      authUrl: profile.authUrl,
      region: 'RegionOne',
      interface: 'public',
      id: '3f7a',
      name: 'ci "runner"',
      secret: 'c2VjcmV0-_x',
    });
    expect(parse(text)).toEqual({
      clouds: {
        'ci-runner-RegionOne': {
          auth_type: 'v3applicationcredential',
          auth: { auth_url: profile.authUrl, application_credential_id: '3f7a', application_credential_secret: 'c2VjcmV0-_x' },
          region_name: 'RegionOne',
          interface: 'public',
          identity_api_version: 3,
        },
      },
    });
    expect(text).toContain('openstack --os-cloud ci-runner-RegionOne token issue');
  });
});
