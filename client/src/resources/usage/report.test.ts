import { describe, expect, it } from 'vitest';
import { defaultPeriod, mergeTenantUsages, periodParams, periodProblem, projectUsageCsv, serverUsageCsv, totalsOf } from './report';
import type { ServerUsage, TenantUsage } from './types';

const server = (name: string, hours: number): ServerUsage => ({
  instance_id: `${name}-id`,
  name,
  tenant_id: 'p1',
  flavor: 'm1.tiny',
  vcpus: 2,
  memory_mb: 512,
  local_gb: 1,
  hours,
  state: 'active',
  started_at: '2026-11-27T10:00:00',
  ended_at: null,
  uptime: 3600,
});

const usage = (tenant: string, hours: number, servers?: ServerUsage[]): TenantUsage => ({
  tenant_id: tenant,
  start: '2026-11-01T00:00:00',
  stop: '2026-11-28T00:00:00',
  total_hours: hours,
  total_vcpus_usage: hours * 2,
  total_memory_mb_usage: hours * 512,
  total_local_gb_usage: hours,
  server_usages: servers,
});

describe('usage report', () => {
  it('reads totals in GB-hours', () => {
    expect(totalsOf(usage('p1', 10))).toEqual({ instanceHours: 10, vcpuHours: 20, ramGbHours: 5, diskGbHours: 10 });
  });

  it("merges a project's pages into one report with every server", () => {
    const merged = mergeTenantUsages([usage('p1', 3, [server('a', 3)]), usage('p2', 1), usage('p1', 4, [server('b', 4)])]);
    expect(merged.map((item) => [item.tenant_id, item.total_hours, item.total_vcpus_usage])).toEqual([
      ['p1', 7, 14],
      ['p2', 1, 2],
    ]);
    expect(merged[0]!.server_usages!.map((item) => item.name)).toEqual(['a', 'b']);
  });

  it('defaults to the last 30 days and checks periods', () => {
    expect(defaultPeriod(new Date('2026-11-28T05:00:00Z'))).toEqual({ start: '2026-10-29', end: '2026-11-29' });
    expect(periodProblem({ start: '2026-11-01', end: '2026-11-28' })).toBeNull();
    expect(periodProblem({ start: '2026-11-28', end: '2026-11-01' })).toBe('resources.usage.period.reversed');
    expect(periodProblem({ start: '2026-13-45', end: '2026-11-28' })).toBe('resources.usage.period.invalid');
    expect(periodParams({ start: '2026-11-01', end: '2026-11-28' })).toEqual({ start: '2026-11-01T00:00:00', end: '2026-11-28T00:00:00' });
  });

  it('writes CSV with quoting and no formula injection', () => {
    const csv = serverUsageCsv([server('=cmd|calc', 1.5), server('web, "front"', 2)]);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('instance_id,name,flavor,vcpus,ram_mb,disk_gb,state,started_at,ended_at,hours,vcpu_hours,ram_gb_hours,disk_gb_hours');
    expect(lines[1]).toBe("'=cmd|calc-id,'=cmd|calc,m1.tiny,2,512,1,active,2026-11-27T10:00:00,,1.5,3,0.75,1.5");
    expect(lines[2]).toContain('"web, ""front"""');
    expect(projectUsageCsv([{ projectId: 'p1', projectName: 'demo', totals: totalsOf(usage('p1', 10)) }])).toBe(
      'project_id,project,instance_hours,vcpu_hours,ram_gb_hours,disk_gb_hours\r\np1,demo,10,20,5,10\r\n',
    );
  });
});
