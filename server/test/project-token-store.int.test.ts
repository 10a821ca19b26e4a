// The project token store in Redis, against a private Redis (its own port and no persistence, so the shared one on
// 6390 is left alone): the same behaviour as the SQLite store's unit tests, and the key's prefix and expiry.
import type { ChildProcess } from 'node:child_process';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisProjectTokenStore } from '../src/session/project-token-store.js';
import { describeProjectTokenStore, held } from '../src/session/project-token-store.suite.js';
import { redisProjectTokenPrefix } from '../src/session/redis-store.js';
import { startPrivateRedis } from './support.js';

const redisPort = 6392;
let redis: ChildProcess | undefined;
let client: ReturnType<typeof createClient> | undefined;

beforeAll(async () => {
  redis = await startPrivateRedis(redisPort);
  client = createClient({ url: `redis://127.0.0.1:${redisPort}/0` });
  await client.connect();
});

afterAll(async () => {
  if (client?.isOpen) await client.close();
  redis?.kill('SIGKILL');
});

function connected(): ReturnType<typeof createClient> {
  if (!client) throw new Error('Redis is not connected');
  return client;
}

describeProjectTokenStore('Redis', () => Promise.resolve(redisProjectTokenStore(connected(), redisProjectTokenPrefix)));

describe('project tokens in Redis', () => {
  it('are one hash per session under the Zenith prefix, expiring when the session does', async () => {
    const store = redisProjectTokenStore(connected(), redisProjectTokenPrefix);
    const expiresAt = new Date(Date.now() + 60_000);
    await store.change('keyed', [held('p1', 't1')], [], expiresAt.toISOString());
    const key = `${redisProjectTokenPrefix}keyed`;
    expect(key.startsWith('zenith:')).toBe(true);
    expect(await connected().hKeys(key)).toEqual(['t1']);
    expect(Math.abs((await connected().pExpireTime(key)) - expiresAt.getTime())).toBeLessThan(5);
  });
});
