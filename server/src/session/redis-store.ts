import { RedisStore as RedisSessionStore } from 'connect-redis';
import { RedisStore as RedisRateLimitStore, type RedisReply } from 'rate-limit-redis';
import { createClient } from 'redis';
import type { ServerConfig } from '../config/config.js';
import { redisProjectTokenStore } from './project-token-store.js';
import { openSqliteSessionBackend, type SessionBackend } from './store.js';

export interface RedisBackendOptions {
  /** ZENITH_SESSION_REDIS_URL, as loadConfig checked it. */
  url: string;
  /** Errors of the connection once it has been up (Redis restarting, network trouble): the client reconnects by itself. */
  onError: (error: Error) => void;
}

/** Every key Zenith writes starts with this, so one Redis can serve other tenants too. */
export const redisKeyPrefix = 'zenith:';
export const redisSessionPrefix = `${redisKeyPrefix}sess:`;
export const redisProjectTokenPrefix = `${redisKeyPrefix}project-tokens:`;
const reconnectCeilingMs = 5000;

/**
 * Sessions in Redis, shared by every BFF replica pointed at it. Resolves once connected and authenticated: a Redis
 * that cannot be reached or refuses the password at startup rejects (a configuration error), whereas one that goes
 * away later is waited for, the requests meanwhile failing at once instead of queueing.
 */
export async function openRedisSessionBackend({ url, onError }: RedisBackendOptions): Promise<SessionBackend> {
  let connected = false;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 5000,
      reconnectStrategy: (retries, cause) => (connected ? Math.min(100 * 2 ** retries, reconnectCeilingMs) : cause),
    },
  });
  client.on('error', (error: Error) => {
    // Before the first connection the error is connect()'s to report.
    if (connected) onError(error);
  });
  await client.connect();
  connected = true;

  const store = new RedisSessionStore({
    client,
    prefix: redisSessionPrefix,
    // The key's TTL is the cookie's expiry, which updateSession sets to the token's. express-session would "touch"
    // every unmodified session at the end of every request to slide an idle timeout: a Redis write per request that
    // would move the key's expiry past the token's (the SQLite store's touch override, for the same reason).
    disableTouch: true,
  });
  return {
    store,
    projectTokens: redisProjectTokenStore(client, redisProjectTokenPrefix),
    rateLimitStore: (name) =>
      new RedisRateLimitStore({
        sendCommand: (...args: string[]) => client.sendCommand<RedisReply>(args),
        prefix: `${redisKeyPrefix}login-limit:${name}:`,
      }),
    async close() {
      if (client.isOpen) await client.close();
    },
  };
}

/** The backend the configuration asks for: Redis when ZENITH_SESSION_REDIS_URL is set, else the SQLite file. */
export async function openSessionBackend(
  server: Pick<ServerConfig, 'sessionDb' | 'sessionRedisUrl'>,
  onRedisError: (error: Error) => void,
): Promise<SessionBackend> {
  return server.sessionRedisUrl
    ? openRedisSessionBackend({ url: server.sessionRedisUrl, onError: onRedisError })
    : openSqliteSessionBackend(server.sessionDb);
}
