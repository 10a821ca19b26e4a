// The admin's read-only view of Keystone on the real local cloud, the openstack CLI as witness: every project,
// the users, and who holds which role where.
import { openstack } from '../support/cloud';
import { expect, expectAccessible, test } from '../support/fixtures';
import { screenshotBothThemes, signIn } from '../support/zenith';

test('projects, users and role assignments are those the CLI lists', async ({ page }) => {
  const projects = await openstack<{ Name: string }[]>('zenith-admin', ['project', 'list']);
  const assignments = await openstack<{ Role: string; User: string; Project: string }[]>('zenith-admin', ['role', 'assignment', 'list', '--names', '--user', 'demo']);

  await signIn(page, 'zenith-admin');
  await page.getByRole('link', { name: 'Projects and users' }).click();
  const projectRows = page.getByTestId('projects-table').getByTestId('table-row');
  await expect(projectRows).toHaveCount(Math.min(20, projects.length));
  for (const name of ['demo', 'demo-2']) await expect(projectRows.filter({ has: page.getByRole('link', { name, exact: true }) })).toHaveCount(1);
  await page.getByTestId('identity-search').fill('demo-2');
  await expect(projectRows).toHaveCount(1);

  await page.getByTestId('tab-users').click();
  await expect(page.getByTestId('users-table').getByTestId('table-row').filter({ hasText: /^demo/ })).not.toHaveCount(0);

  await page.getByTestId('tab-assignments').click();
  await page.getByTestId('identity-search').fill('demo');
  const rows = page.getByTestId('assignments-table').getByTestId('table-row');
  for (const assignment of assignments) {
    const project = assignment.Project.split('@')[0]!;
    const role = assignment.Role.split('@')[0]!;
    await expect(rows.filter({ hasText: role }).filter({ hasText: project }).first()).toBeVisible();
  }
  await expectAccessible(page, 'identity, role assignments');
  await screenshotBothThemes(page, 'identity');
});

test("a non-admin's direct link shows Keystone's refusal", async ({ page }) => {
  await signIn(page, 'zenith-demo');
  await expect(page.getByRole('link', { name: 'Projects and users' })).toHaveCount(0);
  await page.goto('/admin/identity');
  await expect(page.getByTestId('error-notice').first()).toBeVisible();
});
