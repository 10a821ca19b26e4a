// Turning Nova's usage answers into what the page shows: totals in the units people read (GB-hours), pages of a
// report merged per project, the period's defaults and the CSV download.
import { toCsv } from '../../lib/csv';
import type { ServerUsage, TenantUsage, UsagePeriod } from './types';

export interface UsageTotals {
  instanceHours: number;
  vcpuHours: number;
  ramGbHours: number;
  diskGbHours: number;
}

export function totalsOf(usage: Pick<TenantUsage, 'total_hours' | 'total_vcpus_usage' | 'total_memory_mb_usage' | 'total_local_gb_usage'>): UsageTotals {
  return {
    instanceHours: usage.total_hours,
    vcpuHours: usage.total_vcpus_usage,
    ramGbHours: usage.total_memory_mb_usage / 1024,
    diskGbHours: usage.total_local_gb_usage,
  };
}

/**
 * Nova pages a report by server (microversion 2.40+): one project can come back on several pages, each with the
 * totals of that page's servers. Merged here, so each project appears once with its whole totals.
 */
export function mergeTenantUsages(pages: readonly TenantUsage[]): TenantUsage[] {
  const byProject = new Map<string, TenantUsage>();
  for (const usage of pages) {
    const seen = byProject.get(usage.tenant_id);
    if (!seen) {
      byProject.set(usage.tenant_id, { ...usage, server_usages: usage.server_usages && [...usage.server_usages] });
      continue;
    }
    seen.total_hours += usage.total_hours;
    seen.total_vcpus_usage += usage.total_vcpus_usage;
    seen.total_memory_mb_usage += usage.total_memory_mb_usage;
    seen.total_local_gb_usage += usage.total_local_gb_usage;
    if (usage.server_usages) seen.server_usages = [...(seen.server_usages ?? []), ...usage.server_usages];
  }
  return [...byProject.values()];
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The last 30 days up to tomorrow (Nova stops at now), as the CLI's report does by default. */
export function defaultPeriod(now: Date): UsagePeriod {
  const start = new Date(now);
  start.setUTCDate(start.getUTCDate() - 30);
  const end = new Date(now);
  end.setUTCDate(end.getUTCDate() + 1);
  return { start: day(start), end: day(end) };
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Null when the period can be asked for, else why not (an i18n key). */
export function periodProblem(period: UsagePeriod): 'resources.usage.period.invalid' | 'resources.usage.period.reversed' | null {
  if (!datePattern.test(period.start) || !datePattern.test(period.end) || Number.isNaN(Date.parse(period.start)) || Number.isNaN(Date.parse(period.end))) {
    return 'resources.usage.period.invalid';
  }
  return period.start < period.end ? null : 'resources.usage.period.reversed';
}

/** Nova's query for a period: midnight UTC on both days. */
export function periodParams(period: UsagePeriod) {
  return { start: `${period.start}T00:00:00`, end: `${period.end}T00:00:00` };
}

const hours = (value: number) => Number(value.toFixed(2));

export function serverUsageCsv(servers: readonly ServerUsage[]): string {
  return toCsv(
    ['instance_id', 'name', 'flavor', 'vcpus', 'ram_mb', 'disk_gb', 'state', 'started_at', 'ended_at', 'hours', 'vcpu_hours', 'ram_gb_hours', 'disk_gb_hours'],
    servers.map((server) => [
      server.instance_id,
      server.name,
      server.flavor,
      server.vcpus,
      server.memory_mb,
      server.local_gb,
      server.state,
      server.started_at,
      server.ended_at ?? '',
      hours(server.hours),
      hours(server.hours * server.vcpus),
      hours((server.hours * server.memory_mb) / 1024),
      hours(server.hours * server.local_gb),
    ]),
  );
}

export function projectUsageCsv(rows: readonly { projectId: string; projectName: string; totals: UsageTotals }[]): string {
  return toCsv(
    ['project_id', 'project', 'instance_hours', 'vcpu_hours', 'ram_gb_hours', 'disk_gb_hours'],
    rows.map(({ projectId, projectName, totals }) => [projectId, projectName, hours(totals.instanceHours), hours(totals.vcpuHours), hours(totals.ramGbHours), hours(totals.diskGbHours)]),
  );
}
