import { describe, expect, it } from 'vitest';
import { octaviaUsageOfProject, type OctaviaUsageOfAll } from './quotas';

describe("every project's load balancer quota", () => {
  const all: OctaviaUsageOfAll = {
    defaults: { load_balancer: 5 },
    quotas: new Map([
      ['own', { loadbalancer: 3 }],
      ['old-spelling', { load_balancer: 4 }],
      ['none-allowed', { loadbalancer: 0 }],
      ['left-at-default', { load_balancer: null }],
    ]),
    counts: { loadbalancer: new Map([['own', 2]]), listener: new Map([['own', 3]]), pool: new Map() },
  };

  const loadBalancerUsageOf = (of: OctaviaUsageOfAll, projectId: string) => octaviaUsageOfProject(of, projectId).loadbalancer;

  it("reads a project's own limit in either spelling, 0 included, else the default", () => {
    expect(loadBalancerUsageOf(all, 'own')).toEqual({ used: 2, limit: 3 });
    expect(loadBalancerUsageOf(all, 'old-spelling')).toEqual({ used: 0, limit: 4 });
    expect(loadBalancerUsageOf(all, 'none-allowed')).toEqual({ used: 0, limit: 0 });
    expect(loadBalancerUsageOf(all, 'left-at-default')).toEqual({ used: 0, limit: 5 });
    expect(loadBalancerUsageOf(all, 'no-row')).toEqual({ used: 0, limit: 5 });
  });

  it('counts listeners and pools per project against the same quota rows', () => {
    expect(octaviaUsageOfProject(all, 'own')).toEqual({ loadbalancer: { used: 2, limit: 3 }, listener: { used: 3, limit: -1 }, pool: { used: 0, limit: -1 } });
  });

  it('counts as unlimited when neither the project nor the defaults set a limit', () => {
    expect(loadBalancerUsageOf({ ...all, defaults: {} }, 'no-row')).toEqual({ used: 0, limit: -1 });
  });
});
