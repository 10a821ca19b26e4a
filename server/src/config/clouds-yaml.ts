import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { isRecord } from '../http/errors.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface SearchContext {
  env: NodeJS.ProcessEnv;
  cwd: string;
  home: string;
  /** /etc/openstack unless a test says otherwise. */
  siteDir?: string;
}

/** What Zenith takes from a clouds.yaml entry: where the cloud is, never who logs in. */
export interface CloudEntry {
  authUrl?: string;
  regionName?: string;
  interface?: string;
  cacert?: string;
  verify?: boolean;
}

/**
 * openstacksdk's search list: OS_CLIENT_CONFIG_FILE first, then clouds.yaml / clouds.yml in the current
 * directory, the user's config directory (XDG_CONFIG_HOME, then ~/.config) and /etc/openstack.
 * The first file that exists wins.
 */
export function cloudsFileCandidates({ env, cwd, home, siteDir = '/etc/openstack' }: SearchContext): string[] {
  const directories = [
    cwd,
    env.XDG_CONFIG_HOME ? join(env.XDG_CONFIG_HOME, 'openstack') : undefined,
    join(home, '.config', 'openstack'),
    siteDir,
  ].filter((directory): directory is string => directory !== undefined);
  const files = directories.flatMap((directory) => [join(directory, 'clouds.yaml'), join(directory, 'clouds.yml')]);
  if (env.OS_CLIENT_CONFIG_FILE) files.unshift(resolve(cwd, env.OS_CLIENT_CONFIG_FILE));
  return [...new Set(files)];
}

export function findCloudsFile(context: SearchContext): string | undefined {
  return cloudsFileCandidates(context).find((file) => existsSync(file));
}

export function readCloudEntry(file: string, cloudName: string): CloudEntry {
  let document: unknown;
  try {
    document = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const clouds = isRecord(document) ? document.clouds : undefined;
  if (!isRecord(clouds)) throw new ConfigError(`${file} has no "clouds" section`);
  const cloud = clouds[cloudName];
  if (!isRecord(cloud)) {
    throw new ConfigError(`${file} has no cloud "${cloudName}" (it has: ${Object.keys(clouds).join(', ') || 'none'})`);
  }
  const auth = isRecord(cloud.auth) ? cloud.auth : {};
  return {
    authUrl: stringOf(auth.auth_url),
    regionName: stringOf(cloud.region_name) ?? firstRegion(cloud.regions),
    interface: stringOf(cloud.interface) ?? stringOf(cloud.endpoint_type),
    cacert: resolveNextTo(file, stringOf(cloud.cacert)),
    verify: typeof cloud.verify === 'boolean' ? cloud.verify : undefined,
  };
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** `regions` may list names or `{name, values}` objects; openstacksdk defaults to the first one. */
function firstRegion(regions: unknown): string | undefined {
  if (!Array.isArray(regions)) return undefined;
  const first: unknown = regions[0];
  return stringOf(first) ?? (isRecord(first) ? stringOf(first.name) : undefined);
}

function resolveNextTo(file: string, path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  return isAbsolute(path) ? path : resolve(file, '..', path);
}
