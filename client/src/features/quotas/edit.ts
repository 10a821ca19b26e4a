// The quota edit form's model: what the admin typed, checked (whole numbers, -1 = unlimited), compared with the
// current limits (the diff shown before saving) and with usage (lowering below it needs a confirmation).
import type { ParseKeys } from 'i18next';
import {
  blockStorageQuotaKeys,
  computeQuotaKeys,
  loadBalancerQuotaKeys,
  networkQuotaKeys,
  type ProjectQuotas,
  type QuotaService,
  type QuotaValue,
} from '../../resources/quotas/types';

export const editableKeys: Record<QuotaService, readonly string[]> = {
  compute: computeQuotaKeys,
  network: networkQuotaKeys,
  'block-storage': blockStorageQuotaKeys,
  'load-balancer': loadBalancerQuotaKeys,
};

/** What the form holds: the text of each field, per service. */
export type QuotaDraft = Record<QuotaService, Record<string, string>>;

export interface QuotaChange {
  service: QuotaService;
  key: string;
  from: number;
  to: number;
  used: number;
}

export interface DraftCheck {
  /** Field problems, as i18n keys, by `<service>.<key>`. */
  problems: Record<string, ParseKeys>;
  changes: QuotaChange[];
  /** Changes that set a limit below what is already used. */
  belowUsage: QuotaChange[];
}

function currentValues(quotas: ProjectQuotas, service: QuotaService): Record<string, QuotaValue> {
  const answer = quotas[service];
  return answer === undefined || answer instanceof Error ? {} : answer;
}

/** The form's initial text: the current limits of every service that answered. */
export function draftOf(quotas: ProjectQuotas): QuotaDraft {
  const draft: QuotaDraft = { compute: {}, network: {}, 'block-storage': {}, 'load-balancer': {} };
  for (const service of Object.keys(editableKeys) as QuotaService[]) {
    for (const [key, value] of Object.entries(currentValues(quotas, service))) draft[service][key] = String(value.limit);
  }
  return draft;
}

export function checkDraft(draft: QuotaDraft, quotas: ProjectQuotas): DraftCheck {
  const problems: DraftCheck['problems'] = {};
  const changes: QuotaChange[] = [];
  for (const service of Object.keys(editableKeys) as QuotaService[]) {
    const current = currentValues(quotas, service);
    for (const [key, text] of Object.entries(draft[service])) {
      const value = current[key];
      if (!value) continue;
      const trimmed = text.trim();
      if (!/^-?\d+$/.test(trimmed)) {
        problems[`${service}.${key}`] = 'quotas.edit.problems.notInteger';
        continue;
      }
      const to = Number(trimmed);
      if (to < -1) {
        problems[`${service}.${key}`] = 'quotas.edit.problems.belowMinusOne';
        continue;
      }
      if (to !== value.limit) changes.push({ service, key, from: value.limit, to, used: value.used });
    }
  }
  return { problems, changes, belowUsage: changes.filter((change) => change.to !== -1 && change.to < change.used) };
}

/** The changes as the update calls send them, per service. */
export function changesByService(changes: readonly QuotaChange[]): Partial<Record<QuotaService, Record<string, number>>> {
  const byService: Partial<Record<QuotaService, Record<string, number>>> = {};
  for (const change of changes) (byService[change.service] ??= {})[change.key] = change.to;
  return byService;
}

/** The equivalent `openstack quota set` command line, for a project (by name) or for the defaults (`--class default`). */
export function quotaSetCli(target: { projectName: string } | 'defaults', changes: readonly QuotaChange[], force: boolean): string[] {
  const options: Record<string, string> = {
    instances: '--instances', cores: '--cores', ram: '--ram', key_pairs: '--key-pairs', server_groups: '--server-groups',
    server_group_members: '--server-group-members', metadata_items: '--properties', network: '--networks', subnet: '--subnets',
    port: '--ports', router: '--routers', floatingip: '--floating-ips', security_group: '--secgroups',
    security_group_rule: '--secgroup-rules', volumes: '--volumes', gigabytes: '--gigabytes', snapshots: '--snapshots',
    backups: '--backups', backup_gigabytes: '--backup-gigabytes', per_volume_gigabytes: '--per-volume-gigabytes',
  };
  const values = changes.filter((change) => change.service !== 'load-balancer').flatMap((change) => [options[change.key]!, String(change.to)]);
  if (target === 'defaults') return ['quota', 'set', '--class', ...values, 'default'];
  return ['quota', 'set', ...values, ...(force ? ['--force'] : []), target.projectName];
}

/** The equivalent commands: `openstack quota set` for Nova, Neutron and Cinder, `loadbalancer quota set` for Octavia. */
export function quotaSetCommands(target: { projectName: string } | 'defaults', changes: readonly QuotaChange[], force: boolean): string[][] {
  const octavia = changes.filter((change) => change.service === 'load-balancer');
  const commands = octavia.length < changes.length ? [quotaSetCli(target, changes, force)] : [];
  if (octavia.length > 0 && target !== 'defaults') {
    commands.push(['loadbalancer', 'quota', 'set', ...octavia.flatMap((change) => [`--${change.key}`, String(change.to)]), target.projectName]);
  }
  return commands;
}
