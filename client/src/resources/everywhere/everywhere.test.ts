import { describe, expect, it } from 'vitest';
import { addEverywhereLine, emptyEverywhereState, type EverywhereState } from './everywhere';
import type { EverywhereLine } from '@contract/everywhere';

const demo = { id: 'p1', name: 'demo' };
const demo2 = { id: 'p2', name: 'demo-2' };
const lines: EverywhereLine[] = [
  { kind: 'start', projects: [demo, demo2], regions: ['RegionOne'], omittedProjects: 3 },
  { kind: 'result', ok: true, project: demo2, region: 'RegionOne', status: 200, items: [{ id: 's2' }], truncated: true },
  { kind: 'result', ok: false, project: demo, region: 'RegionOne', status: 403, error: { status: 403, message: 'no role', code: 'no_role' } },
  { kind: 'end', results: 2, elapsedMs: 12 },
];

describe('addEverywhereLine', () => {
  it('folds the lines into rows, failures, truncated reads and progress, in the order they came', () => {
    const states = lines.reduce<EverywhereState<{ id: string }>[]>(
      (all, line) => [...all, addEverywhereLine(all.at(-1) ?? emptyEverywhereState(), line)],
      [],
    );
    expect(states[0]).toMatchObject({ expected: 2, answered: 0, omittedProjects: 3, rows: [], ended: false });
    expect(states[1]).toMatchObject({ answered: 1, rows: [{ project: demo2, region: 'RegionOne', item: { id: 's2' } }], truncated: [{ project: demo2, region: 'RegionOne' }] });
    expect(states[2]).toMatchObject({ answered: 2, failures: [{ project: demo, region: 'RegionOne', error: { message: 'no role' } }] });
    expect(states[3]?.ended).toBe(true);
    expect(states[3]?.rows).toHaveLength(1);
  });
});
