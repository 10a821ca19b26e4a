import { describe, expect, it } from 'vitest';
import { loadBalancerUsageOf, type OctaviaUsageOfAll } from './quotas';

describe("every project's load balancer quota", () => {
  const all: OctaviaUsageOfAll = {
    defaults: { load_balancer: 5 },
    quotas: new Map([
      ['own', { loadbalancer: 3 }],
      ['old-spelling', { load_balancer: 4 }],
      ['none-allowed', { loadbalancer: 0 }],
      ['left-at-default', { load_balancer: null }],
    ]),
    loadBalancers: new Map([['own', 2]]),
  };

  it("reads a project's own limit in either spelling, 0 included, else the default", () => {
    expect(loadBalancerUsageOf(all, 'own')).toEqual({ used: 2, limit: 3 });
    expect(loadBalancerUsageOf(all, 'old-spelling')).toEqual({ used: 0, limit: 4 });
    expect(loadBalancerUsageOf(all, 'none-allowed')).toEqual({ used: 0, limit: 0 });
    expect(loadBalancerUsageOf(all, 'left-at-default')).toEqual({ used: 0, limit: 5 });
    expect(loadBalancerUsageOf(all, 'no-row')).toEqual({ used: 0, limit: 5 });
  });

  it('counts as unlimited when neither the project nor the defaults set a limit', () => {
    expect(loadBalancerUsageOf({ ...all, defaults: {} }, 'no-row')).toEqual({ used: 0, limit: -1 });
  });
});
