// What every ProjectTokenStore backend must do, run against SQLite by the unit tests and against a private Redis by
// server/test/project-token-store.int.test.ts.
import { describe, expect, it } from 'vitest';
import type { ProjectTokenStore } from './project-token-store.js';
import type { ProjectToken } from './session.js';

export function held(projectId: string, token: string, expiresInMs = 3_600_000): ProjectToken {
  return {
    projectId,
    projectName: `name-${projectId}`,
    token,
    expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
    endpoints: [{ serviceType: 'compute', region: 'RegionOne', url: `https://nova.example/v2.1/${projectId}` }],
  };
}

const sessionExpiry = () => new Date(Date.now() + 3_600_000).toISOString();
const tokensOf = (all: readonly ProjectToken[]) => all.map((token) => token.token).sort();

export function describeProjectTokenStore(backend: string, open: () => Promise<ProjectTokenStore>): void {
  describe(`project token store (${backend})`, () => {
    it('keeps what a request gained, forgets what it dropped, per session', async () => {
      const store = await open();
      await store.change('s1', [held('p1', 't1'), held('p2', 't2')], [], sessionExpiry());
      await store.change('s2', [held('p1', 'other-session')], [], sessionExpiry());
      await store.change('s1', [held('p3', 't3')], ['t2'], sessionExpiry());
      expect(tokensOf(await store.get('s1'))).toEqual(['t1', 't3']);
      expect((await store.get('s1')).find((token) => token.token === 't1')).toMatchObject({ projectId: 'p1', projectName: 'name-p1', endpoints: [{ serviceType: 'compute' }] });
      expect(tokensOf(await store.get('s2'))).toEqual(['other-session']);
      expect(await store.get('nobody')).toEqual([]);
    });

    it('loses no token when two requests change one session at once, and uses one per project', async () => {
      const store = await open();
      await store.change('s', [held('p1', 'old')], [], sessionExpiry());
      // Two fan-outs that started from the same held tokens: each keeps what it rescoped, neither erases the other's.
      await Promise.all([
        store.change('s', [held('p1', 'a1', 3_600_000), held('p2', 'a2')], ['old'], sessionExpiry()),
        store.change('s', [held('p1', 'b1', 3_500_000), held('p3', 'b3')], ['old'], sessionExpiry()),
      ]);
      const used = await store.get('s');
      expect(used.map((token) => token.projectId).sort()).toEqual(['p1', 'p2', 'p3']);
      // The one lasting longest is used; the other stays held until logout, which revokes both.
      expect(used.find((token) => token.projectId === 'p1')?.token).toBe('a1');
      expect((await store.take('s')).sort()).toEqual(['a1', 'a2', 'b1', 'b3']);
    });

    it('gives every token at take, and holds none after', async () => {
      const store = await open();
      await store.change('s', [held('p1', 't1'), held('p2', 't2')], [], sessionExpiry());
      expect((await store.take('s')).sort()).toEqual(['t1', 't2']);
      expect(await store.get('s')).toEqual([]);
      expect(await store.take('s')).toEqual([]);
    });

    it('expires with the session', async () => {
      const store = await open();
      await store.change('s', [held('p1', 't1')], [], new Date(Date.now() + 300).toISOString());
      expect(tokensOf(await store.get('s'))).toEqual(['t1']);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(await store.get('s')).toEqual([]);
    });
  });
}
