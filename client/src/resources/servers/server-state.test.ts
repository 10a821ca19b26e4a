import { describe, expect, it } from 'vitest';
import { serverIps } from './addresses';
import { relativeAge } from '../../lib/relative-age';
import { isPollingDone, isSettled } from './server-state';

describe('isSettled', () => {
  it('is true only without a task and outside transitional statuses', () => {
    expect(isSettled({ status: 'ACTIVE', 'OS-EXT-STS:task_state': null })).toBe(true);
    expect(isSettled({ status: 'SHUTOFF', 'OS-EXT-STS:task_state': null })).toBe(true);
    expect(isSettled({ status: 'ERROR', 'OS-EXT-STS:task_state': null })).toBe(true);
    expect(isSettled({ status: 'VERIFY_RESIZE', 'OS-EXT-STS:task_state': null })).toBe(true);
    expect(isSettled({ status: 'ACTIVE', 'OS-EXT-STS:task_state': 'powering-off' })).toBe(false);
    expect(isSettled({ status: 'BUILD', 'OS-EXT-STS:task_state': null })).toBe(false);
    expect(isSettled({ status: 'REBOOT', 'OS-EXT-STS:task_state': null })).toBe(false);
    expect(isSettled({ status: 'RESIZE', 'OS-EXT-STS:task_state': 'resize_migrating' })).toBe(false);
  });
});

describe('serverIps', () => {
  it('separates fixed and floating addresses across networks, IPv4 first, without duplicates', () => {
    expect(
      serverIps({
        a: [
          { addr: 'fd00::5', version: 6, 'OS-EXT-IPS:type': 'fixed' },
          { addr: '10.0.0.5', version: 4, 'OS-EXT-IPS:type': 'fixed' },
          { addr: '203.0.113.7', version: 4, 'OS-EXT-IPS:type': 'floating' },
        ],
        b: [
          { addr: '192.168.1.4', version: 4 },
          { addr: '10.0.0.5', version: 4, 'OS-EXT-IPS:type': 'fixed' },
        ],
      }),
    ).toEqual({ fixed: ['10.0.0.5', '192.168.1.4', 'fd00::5'], floating: ['203.0.113.7'] });
    expect(serverIps({})).toEqual({ fixed: [], floating: [] });
  });
});

describe('relativeAge', () => {
  const now = Date.parse('2026-01-02T12:00:00Z');
  it('says how long ago in the UI language', () => {
    expect(relativeAge('2026-01-02T09:00:00Z', now, 'en')).toBe('3 hours ago');
    expect(relativeAge('2026-01-01T12:00:00Z', now, 'en')).toBe('yesterday');
    expect(relativeAge('2026-01-02T11:59:58Z', now, 'fr')).toBe('il y a 2 secondes');
  });
});

describe('isPollingDone', () => {
  const base = { status: 'VERIFY_RESIZE', 'OS-EXT-STS:task_state': null, 'OS-EXT-STS:vm_state': 'resized' } as const;
  const server = (overrides: object = {}) => ({ ...base, ...overrides }) as unknown as Parameters<typeof isPollingDone>[0];
  const leftResized = (candidate: Parameters<typeof isPollingDone>[0]) => candidate['OS-EXT-STS:vm_state'] !== 'resized';

  it('stops for a settled server nobody acted on', () => {
    expect(isPollingDone(server(), 10, undefined)).toBe(true);
    expect(isPollingDone(server({ 'OS-EXT-STS:task_state': 'resize_finish' }), 10, undefined)).toBe(false);
  });

  it('ignores answers read before the action was sent', () => {
    expect(isPollingDone(server(), 100, { since: 100 })).toBe(false);
    expect(isPollingDone(server(), 101, { since: 100 })).toBe(true);
  });

  it("waits for the action's effect when settling alone does not show it", () => {
    expect(isPollingDone(server(), 200, { since: 100, done: leftResized })).toBe(false);
    expect(isPollingDone(server({ status: 'ACTIVE', 'OS-EXT-STS:vm_state': 'active' }), 200, { since: 100, done: leftResized })).toBe(true);
    expect(isPollingDone(server({ status: 'ERROR', 'OS-EXT-STS:vm_state': 'error' }), 200, { since: 100, done: leftResized })).toBe(true);
  });
});
