// Security groups for the security groups spec, read with the openstack CLI (the witness), and page helpers for
// Zenith's security group pages written against their test ids.
import { expect, type Page } from '@playwright/test';
import { openstack, openstackDo } from './cloud';

export interface CliRule {
  id: string;
  direction: 'ingress' | 'egress';
  ethertype: 'IPv4' | 'IPv6';
  protocol: string | null;
  port_range_min: number | null;
  port_range_max: number | null;
  remote_ip_prefix: string | null;
  remote_group_id: string | null;
  description: string | null;
}

export interface CliGroup {
  id: string;
  name: string;
  description: string;
  rules: CliRule[];
}

export function showGroup(nameOrId: string): Promise<CliGroup> {
  return openstack<CliGroup>('zenith-demo', ['security', 'group', 'show', nameOrId]);
}

export async function groupNames(): Promise<string[]> {
  const groups = await openstack<{ Name: string }[]>('zenith-demo', ['security', 'group', 'list']);
  return groups.map((group) => group.Name);
}

/** A rule as a comparable line: what it lets through, without its id or dates. */
export function ruleLine(rule: CliRule): string {
  const remote = rule.remote_group_id ? `group:${rule.remote_group_id}` : (rule.remote_ip_prefix ?? 'none');
  return [rule.direction, rule.ethertype, rule.protocol ?? 'any', rule.port_range_min ?? '*', rule.port_range_max ?? '*', remote].join(' ');
}

/** Deletes every security group of the demo project whose name starts with the prefix (servers first: they hold them). */
export async function cleanUpGroups(prefix: string) {
  const groups = await openstack<{ ID: string; Name: string }[]>('zenith-demo', ['security', 'group', 'list']);
  for (const group of groups.filter((candidate) => candidate.Name.startsWith(prefix))) {
    await openstackDo('zenith-demo', ['security', 'group', 'delete', group.ID]).catch(() => undefined);
  }
}

/** Opens the add-rule dialog of the group detail page shown. */
export async function openAddRule(page: Page) {
  await page.getByTestId('add-rule').click();
  const dialog = page.getByTestId('action-dialog-add-rule');
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Submits an action's dialog and waits for it to close (the action succeeded). */
export async function submitDialog(page: Page, actionId: string) {
  const dialog = page.getByTestId(`action-dialog-${actionId}`);
  await dialog.getByTestId('action-submit').click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}

