import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchServerGroups } from './server-groups';

afterEach(() => vi.unstubAllGlobals());

function stubNova(maxMicroversion: string, groups: unknown[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL) =>
      String(input).startsWith('/api/versions/')
        ? Response.json({ serviceType: 'compute', minMicroversion: '2.1', maxMicroversion })
        : Response.json({ server_groups: groups }),
    ),
  );
}

describe('fetchServerGroups', () => {
  it('reads the single policy of 2.64 and later, sorted by name', async () => {
    stubNova('2.96', [
      { id: 'g2', name: 'web', policy: 'anti-affinity', rules: { max_server_per_host: 2 }, members: [] },
      { id: 'g1', name: 'db', policy: 'affinity', rules: {}, members: ['s1'] },
    ]);
    expect((await fetchServerGroups()).map((group) => [group.name, group.policy])).toEqual([
      ['db', 'affinity'],
      ['web', 'anti-affinity'],
    ]);
  });

  it('reads the one-element policies list of Nova before 2.64 as the same policy', async () => {
    stubNova('2.60', [{ id: 'g1', name: 'db', policies: ['soft-affinity'], members: [] }]);
    expect((await fetchServerGroups())[0]?.policy).toBe('soft-affinity');
  });
});
