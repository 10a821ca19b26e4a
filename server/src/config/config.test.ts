import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryDirectory, removeTemporaryDirectories } from '../testing/harness.js';
import { cloudsFileCandidates, ConfigError, findCloudsFile } from './clouds-yaml.js';
import { keystoneV3Url, loadConfig, urlForLogs } from './config.js';

function cloudsYaml(clouds: Record<string, { authUrl: string; region?: string; extra?: string }>): string {
  const entries = Object.entries(clouds).map(
    ([name, cloud]) => `  ${name}:
    auth:
      auth_url: ${cloud.authUrl}
      username: someone
      password: "s3cret-password"
      project_name: demo
    ${cloud.region ? `region_name: ${cloud.region}` : ''}
${cloud.extra ?? ''}`,
  );
  return `clouds:\n${entries.join('\n')}\n`;
}

/** A fake filesystem layout: a working directory, a home and a site directory, all empty. */
function layout() {
  const root = temporaryDirectory('config');
  const dirs = { cwd: join(root, 'work'), home: join(root, 'home'), siteDir: join(root, 'etc', 'openstack') };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  return { root, ...dirs };
}

function write(file: string, text: string): string {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe('clouds.yaml search order', () => {
  it('follows openstacksdk: OS_CLIENT_CONFIG_FILE, ./, user config dir, site dir; .yaml before .yml', () => {
    const candidates = cloudsFileCandidates({
      env: { OS_CLIENT_CONFIG_FILE: '/custom/clouds.yaml' },
      cwd: '/work',
      home: '/home/me',
      siteDir: '/etc/openstack',
    });
    expect(candidates).toEqual([
      '/custom/clouds.yaml',
      '/work/clouds.yaml',
      '/work/clouds.yml',
      '/home/me/.config/openstack/clouds.yaml',
      '/home/me/.config/openstack/clouds.yml',
      '/etc/openstack/clouds.yaml',
      '/etc/openstack/clouds.yml',
    ]);
  });

  it('looks in XDG_CONFIG_HOME before ~/.config', () => {
    const candidates = cloudsFileCandidates({ env: { XDG_CONFIG_HOME: '/xdg' }, cwd: '/work', home: '/home/me' });
    expect(candidates.indexOf('/xdg/openstack/clouds.yaml')).toBeLessThan(
      candidates.indexOf('/home/me/.config/openstack/clouds.yaml'),
    );
  });

  it('takes the first file that exists', () => {
    const dirs = layout();
    const inHome = write(join(dirs.home, '.config', 'openstack', 'clouds.yaml'), cloudsYaml({ a: { authUrl: 'http://home' } }));
    write(join(dirs.siteDir, 'clouds.yaml'), cloudsYaml({ a: { authUrl: 'http://site' } }));
    expect(findCloudsFile({ env: {}, ...dirs })).toBe(inHome);

    const inCwd = write(join(dirs.cwd, 'clouds.yml'), cloudsYaml({ a: { authUrl: 'http://cwd' } }));
    expect(findCloudsFile({ env: {}, ...dirs })).toBe(inCwd);

    const explicit = write(join(dirs.root, 'elsewhere.yaml'), cloudsYaml({ a: { authUrl: 'http://explicit' } }));
    expect(findCloudsFile({ env: { OS_CLIENT_CONFIG_FILE: explicit }, ...dirs })).toBe(explicit);
  });

  it('skips an OS_CLIENT_CONFIG_FILE that does not exist', () => {
    const dirs = layout();
    const inSite = write(join(dirs.siteDir, 'clouds.yaml'), cloudsYaml({ a: { authUrl: 'http://site' } }));
    expect(findCloudsFile({ env: { OS_CLIENT_CONFIG_FILE: join(dirs.root, 'missing.yaml') }, ...dirs })).toBe(inSite);
  });
});

describe('loadConfig: the cloud', () => {
  it('uses the cloud named by OS_CLOUD, with its region and interface', () => {
    const dirs = layout();
    write(
      join(dirs.cwd, 'clouds.yaml'),
      cloudsYaml({
        one: { authUrl: 'http://one.example:5000/v3', region: 'RegionOne' },
        two: { authUrl: 'https://two.example/identity', region: 'RegionTwo', extra: '    interface: internal' },
      }),
    );
    const config = loadConfig({ env: { OS_CLOUD: 'two' }, ...dirs });
    expect(config.cloud).toEqual({
      name: 'two',
      authUrl: 'https://two.example/identity/v3',
      region: 'RegionTwo',
      interface: 'internal',
      ca: undefined,
      verify: true,
    });
  });

  it('takes the first of `regions` when region_name is absent, and reads verify and cacert', () => {
    const dirs = layout();
    write(join(dirs.cwd, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nfake\n-----END CERTIFICATE-----\n');
    write(
      join(dirs.cwd, 'clouds.yaml'),
      cloudsYaml({ c: { authUrl: 'https://c.example:5000', extra: '    regions: [North, South]\n    verify: false\n    cacert: ca.pem' } }),
    );
    const { cloud } = loadConfig({ env: { OS_CLOUD: 'c' }, ...dirs });
    expect(cloud.region).toBe('North');
    expect(cloud.verify).toBe(false);
    expect(cloud.ca).toContain('BEGIN CERTIFICATE');
  });

  it('never keeps a password from clouds.yaml', () => {
    const dirs = layout();
    write(join(dirs.cwd, 'clouds.yaml'), cloudsYaml({ a: { authUrl: 'http://a.example/v3' } }));
    expect(JSON.stringify(loadConfig({ env: { OS_CLOUD: 'a' }, ...dirs }))).not.toContain('s3cret-password');
  });

  it('describes the cloud from OS_* variables alone when OS_CLOUD is unset', () => {
    const dirs = layout();
    const { cloud } = loadConfig({
      env: { OS_AUTH_URL: 'http://keystone.example:5000/', OS_REGION_NAME: 'East', OS_INTERFACE: 'publicURL', OS_PASSWORD: 'x' },
      ...dirs,
    });
    expect(cloud).toMatchObject({ name: undefined, authUrl: 'http://keystone.example:5000/v3', region: 'East', interface: 'public' });
  });

  it('lets OS_REGION_NAME and OS_INTERFACE override the clouds.yaml entry, as the openstack CLI does', () => {
    const dirs = layout();
    write(join(dirs.cwd, 'clouds.yaml'), cloudsYaml({ a: { authUrl: 'http://a.example/v3', region: 'RegionOne' } }));
    const { cloud } = loadConfig({ env: { OS_CLOUD: 'a', OS_REGION_NAME: 'RegionTwo', OS_INTERFACE: 'admin' }, ...dirs });
    expect(cloud.region).toBe('RegionTwo');
    expect(cloud.interface).toBe('admin');
  });

  it('explains what is missing when no cloud is configured', () => {
    expect(() => loadConfig({ env: {}, ...layout() })).toThrow(/set OS_CLOUD .* or OS_AUTH_URL/);
  });

  it('explains a missing clouds.yaml and an unknown cloud name', () => {
    const dirs = layout();
    expect(() => loadConfig({ env: { OS_CLOUD: 'nowhere' }, ...dirs })).toThrow(/no clouds.yaml was found/);
    write(join(dirs.cwd, 'clouds.yaml'), cloudsYaml({ a: { authUrl: 'http://a.example/v3' } }));
    expect(() => loadConfig({ env: { OS_CLOUD: 'b' }, ...dirs })).toThrow(ConfigError);
    expect(() => loadConfig({ env: { OS_CLOUD: 'b' }, ...dirs })).toThrow(/has no cloud "b" \(it has: a\)/);
  });

  it('refuses an unknown interface', () => {
    expect(() => loadConfig({ env: { OS_AUTH_URL: 'http://k/v3', OS_INTERFACE: 'private' }, ...layout() })).toThrow(/interface/);
  });
});

describe('keystoneV3Url', () => {
  it.each([
    ['http://k:5000', 'http://k:5000/v3'],
    ['http://k:5000/', 'http://k:5000/v3'],
    ['http://k:5000/v3/', 'http://k:5000/v3'],
    ['http://k:5000/v2.0', 'http://k:5000/v3'],
    ['https://k/identity', 'https://k/identity/v3'],
  ])('%s → %s', (given, expected) => {
    expect(keystoneV3Url(given)).toBe(expected);
  });

  it('refuses what is not an http(s) URL', () => {
    expect(() => keystoneV3Url('keystone:5000')).toThrow(ConfigError);
    expect(() => keystoneV3Url('not a url')).toThrow(ConfigError);
  });
});

describe('loadConfig: ZENITH_* settings', () => {
  it('has safe defaults: loopback, 8080, .zenith state, no secure cookies, no trusted proxy', () => {
    const dirs = layout();
    const { server } = loadConfig({ env: { OS_AUTH_URL: 'http://k/v3' }, ...dirs });
    expect(server).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      stateDir: join(dirs.cwd, '.zenith'),
      sessionDb: join(dirs.cwd, '.zenith', 'sessions.db'),
      sessionRedisUrl: undefined,
      sessionSecret: undefined,
      secureCookies: false,
      trustProxy: false,
      logLevel: 'info',
      shutdownDrainMs: 10_000,
      upstreamTimeoutMs: 60_000,
      tokenRecheckMs: 30_000,
    });
  });

  it('reads every setting', () => {
    const dirs = layout();
    const { server } = loadConfig({
      env: {
        OS_AUTH_URL: 'http://k/v3',
        ZENITH_HOST: '0.0.0.0',
        ZENITH_PORT: '9000',
        ZENITH_STATE_DIR: '/var/lib/zenith',
        ZENITH_SESSION_DB: 'db/s.db',
        ZENITH_SESSION_SECRET: 'x'.repeat(40),
        ZENITH_SECURE_COOKIES: 'true',
        ZENITH_TRUST_PROXY: 'loopback',
        ZENITH_LOG_LEVEL: 'debug',
        ZENITH_SESSION_REDIS_URL: 'redis://:pw@10.0.0.5:6390/2',
        ZENITH_SHUTDOWN_DRAIN_SECONDS: '2.5',
        ZENITH_UPSTREAM_TIMEOUT_SECONDS: '90',
        ZENITH_TOKEN_RECHECK_SECONDS: '5',
      },
      ...dirs,
    });
    expect(server).toMatchObject({
      host: '0.0.0.0',
      port: 9000,
      stateDir: '/var/lib/zenith',
      sessionDb: join(dirs.cwd, 'db', 's.db'),
      sessionSecret: 'x'.repeat(40),
      secureCookies: true,
      trustProxy: 'loopback',
      logLevel: 'debug',
      sessionRedisUrl: 'redis://:pw@10.0.0.5:6390/2',
      shutdownDrainMs: 2500,
      upstreamTimeoutMs: 90_000,
      tokenRecheckMs: 5000,
    });
  });

  it('parses a hop count for ZENITH_TRUST_PROXY and refuses nonsense', () => {
    const env = { OS_AUTH_URL: 'http://k/v3' };
    expect(loadConfig({ env: { ...env, ZENITH_TRUST_PROXY: '1' }, ...layout() }).server.trustProxy).toBe(1);
    expect(() => loadConfig({ env: { ...env, ZENITH_PORT: '99999' }, ...layout() })).toThrow(/ZENITH_PORT/);
    expect(() => loadConfig({ env: { ...env, ZENITH_SECURE_COOKIES: 'maybe' }, ...layout() })).toThrow(/ZENITH_SECURE_COOKIES/);
    expect(() => loadConfig({ env: { ...env, ZENITH_LOG_LEVEL: 'loud' }, ...layout() })).toThrow(/ZENITH_LOG_LEVEL/);
    expect(() => loadConfig({ env: { ...env, ZENITH_SESSION_SECRET: 'short' }, ...layout() })).toThrow(/32 characters/);
    expect(() => loadConfig({ env: { ...env, ZENITH_SHUTDOWN_DRAIN_SECONDS: '-1' }, ...layout() })).toThrow(/DRAIN/);
    expect(() => loadConfig({ env: { ...env, ZENITH_UPSTREAM_TIMEOUT_SECONDS: '0' }, ...layout() })).toThrow(/UPSTREAM_TIMEOUT/);
    expect(() => loadConfig({ env: { ...env, ZENITH_TOKEN_RECHECK_SECONDS: 'soon' }, ...layout() })).toThrow(/TOKEN_RECHECK/);
  });

  it('refuses a Redis URL it cannot use, with an error that never shows the password', () => {
    const env = { OS_AUTH_URL: 'http://k/v3' };
    const errorFor = (url: string) => {
      try {
        loadConfig({ env: { ...env, ZENITH_SESSION_REDIS_URL: url, ZENITH_SESSION_SECRET: 'x'.repeat(40) }, ...layout() });
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error(`${url} was accepted`);
    };
    expect(errorFor('http://:s3cret@redis:6379/')).toBe(
      'ZENITH_SESSION_REDIS_URL http://:***@redis:6379/ is not a redis:// or rediss:// URL',
    );
    expect(errorFor('redis://:s3cret@redis:6379/sessions')).toMatch(/^ZENITH_SESSION_REDIS_URL redis:\/\/:\*\*\*@redis:6379\/sessions: the path/);
    expect(errorFor(':s3cret@redis')).toBe('ZENITH_SESSION_REDIS_URL is not a URL (expected redis://[:password@]host[:port][/db])');
    expect(errorFor('redis://user:s3cret@/0')).toMatch(/names no host|not a URL/);
  });

  it('wants the replicas\' shared cookie secret with Redis', () => {
    const env = { OS_AUTH_URL: 'http://k/v3', ZENITH_SESSION_REDIS_URL: 'rediss://redis.internal' };
    expect(() => loadConfig({ env, ...layout() })).toThrow('ZENITH_SESSION_REDIS_URL needs ZENITH_SESSION_SECRET, the same on every replica');
    expect(loadConfig({ env: { ...env, ZENITH_SESSION_SECRET: 'x'.repeat(40) }, ...layout() }).server.sessionRedisUrl).toBe(
      'rediss://redis.internal',
    );
  });

  it('shows a URL in logs without its password', () => {
    expect(urlForLogs('redis://zenith:s3cret@127.0.0.1:6390/0')).toBe('redis://zenith:***@127.0.0.1:6390/0');
    expect(urlForLogs('redis://127.0.0.1')).toBe('redis://127.0.0.1');
  });
});

afterAll(removeTemporaryDirectories);
