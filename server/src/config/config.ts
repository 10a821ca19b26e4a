import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EndpointInterface } from '../openstack/keystone-types.js';
import { ConfigError, findCloudsFile, readCloudEntry, type CloudEntry, type SearchContext } from './clouds-yaml.js';

export interface CloudConfig {
  /** The clouds.yaml entry used, or undefined when the cloud came from OS_AUTH_URL. */
  name: string | undefined;
  /** Keystone v3 base URL, always ending in /v3. */
  authUrl: string;
  /** Region preferred at login when the user does not pick one and the catalog has it. */
  region: string | undefined;
  interface: EndpointInterface;
  /** PEM text of OS_CACERT / `cacert`. */
  ca: string | undefined;
  verify: boolean;
}

export type TrustProxy = boolean | number | string;

export interface LoginRateLimit {
  windowMs: number;
  maxFailuresPerIp: number;
  maxFailuresPerUsername: number;
}

export interface ServerConfig {
  host: string;
  port: number;
  stateDir: string;
  sessionDb: string;
  /**
   * ZENITH_SESSION_REDIS_URL: sessions (and the sign-in rate-limit counters) in Redis, shared by several replicas;
   * undefined keeps them in the SQLite file. Holds the Redis password: log it only through urlForLogs.
   */
  sessionRedisUrl: string | undefined;
  /** ZENITH_SESSION_SECRET; when absent one is generated and kept in stateDir. */
  sessionSecret: string | undefined;
  secureCookies: boolean;
  trustProxy: TrustProxy;
  logLevel: string;
  clientDist: string;
  /** ZENITH_SOURCEMAPS: serve the client's source maps (off: browsers get a 404 and the scripts name none). */
  sourceMaps: boolean;
  loginRateLimit: LoginRateLimit;
  /** ZENITH_SHUTDOWN_DRAIN_SECONDS: how long requests in flight at SIGTERM may take before their connections are closed. */
  shutdownDrainMs: number;
  /**
   * ZENITH_UPSTREAM_TIMEOUT_SECONDS: how long a call to an OpenStack service may go without a byte either way before
   * the BFF gives up on it (504). Idle time, not total time: an image upload or download lasts as long as bytes flow.
   */
  upstreamTimeoutMs: number;
  /**
   * ZENITH_TOKEN_RECHECK_SECONDS: how often, at most, the BFF asks Keystone whether a session's token still stands.
   * Services cache a token they accepted for minutes, so a token revoked in Keystone would otherwise go on working.
   * 0 turns the questions off (services that check revocations themselves: keystonemiddleware's check_revocations_for_cached).
   */
  tokenRecheckMs: number;
}

export interface AppConfig {
  cloud: CloudConfig;
  server: ServerConfig;
}

export interface LoadContext {
  env: NodeJS.ProcessEnv;
  cwd?: string;
  home?: string;
  siteDir?: string;
}

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig({ env, cwd = process.cwd(), home = homedir(), siteDir }: LoadContext): AppConfig {
  return { cloud: loadCloudConfig({ env, cwd, home, siteDir }), server: loadServerConfig(env, cwd) };
}

/**
 * OS_CLOUD names a clouds.yaml entry (found along openstacksdk's search path); without it, OS_AUTH_URL
 * describes the cloud alone. OS_AUTH_URL, OS_REGION_NAME, OS_INTERFACE and OS_CACERT override the entry,
 * as they do for the openstack CLI. Passwords are never read: every user signs in with their own.
 */
export function loadCloudConfig(context: SearchContext): CloudConfig {
  const { env } = context;
  const cloudName = env.OS_CLOUD?.trim() || undefined;
  let entry: CloudEntry = {};
  if (cloudName) {
    const file = findCloudsFile(context);
    if (!file) {
      throw new ConfigError(
        `OS_CLOUD=${cloudName} but no clouds.yaml was found (set OS_CLIENT_CONFIG_FILE, or put one in ` +
          `./, ~/.config/openstack/ or /etc/openstack/)`,
      );
    }
    entry = readCloudEntry(file, cloudName);
  }
  const authUrl = env.OS_AUTH_URL?.trim() || entry.authUrl;
  if (!authUrl) {
    throw new ConfigError(
      cloudName
        ? `Cloud "${cloudName}" has no auth.auth_url`
        : 'No OpenStack cloud configured: set OS_CLOUD (with a clouds.yaml) or OS_AUTH_URL',
    );
  }
  const caFile = env.OS_CACERT?.trim() || entry.cacert;
  return {
    name: cloudName,
    authUrl: keystoneV3Url(authUrl),
    region: env.OS_REGION_NAME?.trim() || entry.regionName,
    interface: endpointInterface(env.OS_INTERFACE?.trim() || entry.interface || 'public'),
    ca: caFile ? readCa(caFile) : undefined,
    verify: entry.verify ?? true,
  };
}

export function keystoneV3Url(authUrl: string): string {
  let url: URL;
  try {
    url = new URL(authUrl);
  } catch {
    throw new ConfigError(`auth_url "${authUrl}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`auth_url "${authUrl}" is not an http(s) URL`);
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/v2\.0$/, '');
  url.pathname = path.endsWith('/v3') ? path : `${path}/v3`;
  url.search = '';
  url.hash = '';
  return url.toString();
}

/** keystoneauth accepts the v2-era spellings (publicURL...) too. */
function endpointInterface(value: string): EndpointInterface {
  const normalized = value.toLowerCase().replace(/url$/, '');
  if (normalized === 'public' || normalized === 'internal' || normalized === 'admin') return normalized;
  throw new ConfigError(`interface "${value}" is not one of public, internal, admin`);
}

function readCa(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read CA bundle ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function loadServerConfig(env: NodeJS.ProcessEnv, cwd: string): ServerConfig {
  const stateDir = resolve(cwd, env.ZENITH_STATE_DIR?.trim() || '.zenith');
  const logLevel = env.ZENITH_LOG_LEVEL?.trim() || 'info';
  const sessionRedisUrl = redisUrlOf(env.ZENITH_SESSION_REDIS_URL);
  const sessionSecret = sessionSecretOf(env.ZENITH_SESSION_SECRET);
  // Each replica would otherwise sign cookies with a secret of its own, and refuse every other replica's cookies.
  if (sessionRedisUrl && !sessionSecret) {
    throw new ConfigError('ZENITH_SESSION_REDIS_URL needs ZENITH_SESSION_SECRET, the same on every replica');
  }
  if (!logLevels.includes(logLevel)) throw new ConfigError(`ZENITH_LOG_LEVEL must be one of ${logLevels.join(', ')}`);
  return {
    host: env.ZENITH_HOST?.trim() || '127.0.0.1',
    port: portOf(env.ZENITH_PORT),
    stateDir,
    sessionDb: env.ZENITH_SESSION_DB?.trim() ? resolve(cwd, env.ZENITH_SESSION_DB.trim()) : join(stateDir, 'sessions.db'),
    sessionRedisUrl,
    sessionSecret,
    secureCookies: booleanOf('ZENITH_SECURE_COOKIES', env.ZENITH_SECURE_COOKIES, false),
    trustProxy: trustProxyOf(env.ZENITH_TRUST_PROXY),
    logLevel,
    clientDist: join(repositoryRoot, 'client', 'dist'),
    sourceMaps: booleanOf('ZENITH_SOURCEMAPS', env.ZENITH_SOURCEMAPS, false),
    loginRateLimit: { windowMs: 15 * 60_000, maxFailuresPerIp: 30, maxFailuresPerUsername: 10 },
    // Long enough for a slow image upload's last bytes, short enough that an orchestrator's own kill timeout is not hit first.
    shutdownDrainMs: secondsOf('ZENITH_SHUTDOWN_DRAIN_SECONDS', env, { byDefault: 10, min: 0 }) * 1000,
    // A minute: Nova and Cinder answer within seconds even when busy, and a proxy in front of the BFF (nginx's
    // proxy_read_timeout) commonly gives up at 60 s, after which the user would only see the proxy's own page.
    upstreamTimeoutMs: secondsOf('ZENITH_UPSTREAM_TIMEOUT_SECONDS', env, { byDefault: 60, min: 1 }) * 1000,
    // Half a minute: one small Keystone call per active session and half-minute, against the 300 s a service's
    // token cache (keystonemiddleware's token_cache_time) would otherwise keep a revoked token working.
    tokenRecheckMs: secondsOf('ZENITH_TOKEN_RECHECK_SECONDS', env, { byDefault: 30, min: 0 }) * 1000,
  };
}

/**
 * node-redis's URL form: redis:// (or rediss:// for TLS), an optional user and password, a host, an optional port
 * and database number. Errors never repeat the password: a bad value is shown through urlForLogs, or not at all.
 */
function redisUrlOf(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new ConfigError('ZENITH_SESSION_REDIS_URL is not a URL (expected redis://[:password@]host[:port][/db])');
  }
  const shown = urlForLogs(trimmed);
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError(`ZENITH_SESSION_REDIS_URL ${shown} is not a redis:// or rediss:// URL`);
  }
  if (!url.hostname) throw new ConfigError(`ZENITH_SESSION_REDIS_URL ${shown} names no host`);
  if (!/^(\/\d*)?$/.test(url.pathname)) {
    throw new ConfigError(`ZENITH_SESSION_REDIS_URL ${shown}: the path can only be a database number`);
  }
  return trimmed;
}

/** A URL as it may appear in logs and errors: its password replaced by ***. */
export function urlForLogs(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(not a URL)';
  }
}

/** A number of seconds from the environment, within [min, 3600]. */
function secondsOf(name: string, env: NodeJS.ProcessEnv, { byDefault, min }: { byDefault: number; min: number }): number {
  const value = env[name];
  if (!value?.trim()) return byDefault;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < min || seconds > 3600) {
    throw new ConfigError(`${name} "${value}" is not a number of seconds between ${min} and 3600`);
  }
  return seconds;
}

/** express-session signs with HMAC-SHA256: a short secret would make cookie forgery a matter of guessing. */
function sessionSecretOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (value.length < 32) throw new ConfigError('ZENITH_SESSION_SECRET must be at least 32 characters');
  return value;
}

function portOf(value: string | undefined): number {
  if (!value?.trim()) return 8080;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new ConfigError(`ZENITH_PORT "${value}" is not a port`);
  return port;
}

function booleanOf(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value.trim() === '') return fallback;
  const normalized = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(normalized)) return true;
  if (['false', '0', 'no', 'off'].includes(normalized)) return false;
  throw new ConfigError(`${name} must be true or false, not "${value}"`);
}

/**
 * Express's own `trust proxy` values: a hop count, or addresses/subnets such as "loopback". `true` is accepted
 * but trusts any X-Forwarded-For, which would let a client pick the IP the login rate limit counts.
 */
function trustProxyOf(value: string | undefined): TrustProxy {
  const trimmed = value?.trim();
  if (!trimmed) return false;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (['true', 'false'].includes(trimmed.toLowerCase())) return trimmed.toLowerCase() === 'true';
  return trimmed;
}
