import { describe, expect, it } from 'vitest';
import { isKeyInScope, scopedQueryKeys } from './query-keys';

const demo = { region: 'RegionOne', projectId: 'p-demo' };
const demo2 = { region: 'RegionOne', projectId: 'p-demo-2' };
const servers = scopedQueryKeys('compute', 'servers');

describe('scopedQueryKeys', () => {
  it('puts service, region, project and resource first', () => {
    expect(servers.all(demo)).toEqual(['compute', 'RegionOne', 'p-demo', 'servers']);
    expect(servers.detail(demo, 's1')).toEqual(['compute', 'RegionOne', 'p-demo', 'servers', 's1']);
    expect(servers.list(demo, { status: 'ACTIVE' })).toEqual([
      'compute',
      'RegionOne',
      'p-demo',
      'servers',
      null,
      { status: 'ACTIVE' },
    ]);
  });

  it('gives different keys for the same resource in another project or region', () => {
    expect(servers.all(demo)).not.toEqual(servers.all(demo2));
    expect(servers.all(demo)).not.toEqual(servers.all({ ...demo, region: 'RegionTwo' }));
  });

  it('makes lists and details share the `all` prefix, so one invalidation reaches both', () => {
    const prefix = servers.all(demo);
    expect(servers.detail(demo, 's1').slice(0, prefix.length)).toEqual(prefix);
    expect(servers.list(demo, { limit: 5 }).slice(0, prefix.length)).toEqual(prefix);
  });
});

describe('isKeyInScope', () => {
  it('matches keys of the scope and nothing else', () => {
    expect(isKeyInScope(servers.detail(demo, 's1'), demo)).toBe(true);
    expect(isKeyInScope(servers.detail(demo, 's1'), demo2)).toBe(false);
    expect(isKeyInScope(['auth', 'session'], demo)).toBe(false);
    expect(isKeyInScope(['auth', 'RegionOne', 'p-demo', 'x'], demo)).toBe(false);
  });
});
