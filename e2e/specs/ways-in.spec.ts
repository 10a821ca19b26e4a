// Every way in, on the real local cloud: password + TOTP (Keystone's auth receipt) for the seeded user mfa, an
// application credential made with the CLI, the own-password change (and Keystone's password rule), TOTP
// self-registration and removal, and signing in again before the token ends without leaving the page.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Secret, TOTP } from 'otpauth';
import type { Page } from '@playwright/test';
import type { SessionView } from '../../server/src/contract/session';
import { openstack, openstackDo } from '../support/cloud';
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { fillLogin, screenshotBothThemes, screenshotDialogBothThemes, signOut } from '../support/zenith';

const mfaSecretFile = new URL('../cloud/.state/mfa-totp-secret', import.meta.url).pathname;
const keystoneRefusal = 'The request you have made requires authentication.';

/** The code an authenticator shows now for a base32 secret: what Keystone computes (SHA1, 6 digits, 30 s). */
function totpCode(secret: string, offsetSteps = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

/** A code Keystone refuses: none of the previous, current or next step's. */
function wrongCode(secret: string): string {
  const near = new Set([-1, 0, 1].map((step) => totpCode(secret, step)));
  let code = 0;
  while (near.has(String(code).padStart(6, '0'))) code += 1;
  return String(code).padStart(6, '0');
}

const unique = () => randomBytes(4).toString('hex');

async function signInWithCode(page: Page, secret: string) {
  await expect(page.getByRole('heading', { name: 'Enter your authentication code' })).toBeVisible();
  await page.getByLabel('6-digit code').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Verify' }).click();
}

async function openAccount(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('account-link').click();
  await expect(page.getByRole('heading', { name: 'Your account', level: 1 })).toBeVisible();
}

/** A user made by the admin for one test, member of demo, deleted by the returned function. */
async function throwawayUser(prefix: string, password: string) {
  const name = `${prefix}-${unique()}`;
  const user = await openstack<{ id: string }>('zenith-admin', ['user', 'create', '--domain', 'Default', '--password', password, '--project', 'demo', name]);
  await openstackDo('zenith-admin', ['role', 'add', '--user', user.id, '--project', 'demo', 'member']);
  return { name, id: user.id, remove: () => openstackDo('zenith-admin', ['user', 'delete', user.id]) };
}

/** A throwaway user signed in (project demo) and on their account page; the caller removes it. */
async function onOwnAccountPage(page: Page, prefix: string, password: string) {
  const user = await throwawayUser(prefix, password);
  try {
    await page.goto('/');
    await fillLogin(page, { username: user.name, password, project: 'demo' });
    await openAccount(page);
    return user;
  } catch (error) {
    await user.remove();
    throw error;
  }
}

/**
 * The CLI as witness of a user's password: `openstack token issue` with that user's name and password alone (a clean
 * environment, no clouds.yaml), in project demo.
 */
function passwordWorks(username: string, password: string): Promise<boolean> {
  const args = ['--os-auth-url', 'http://127.0.0.1:5000/v3', '--os-identity-api-version', '3', '--os-username', username, '--os-password', password];
  const scope = ['--os-user-domain-name', 'Default', '--os-project-name', 'demo', '--os-project-domain-name', 'Default'];
  return new Promise((resolve) => {
    execFile('openstack', [...args, ...scope, 'token', 'issue', '-f', 'value', '-c', 'id'], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/nonexistent' }, timeout: 60_000 }, (error) =>
      resolve(error === null),
    );
  });
}

/** The session as the BFF describes it to this browser (its cookie), outside the page. */
async function sessionOf(page: Page): Promise<SessionView> {
  return (await (await page.request.get('/api/auth/session')).json()) as SessionView;
}

const sessionCookie = async (page: Page) => (await page.context().cookies()).find((cookie) => cookie.name === 'zenith.sid')?.value;

test('mfa signs in with password then a TOTP code computed from the seeded secret; a wrong code gets Keystone’s refusal', async ({ page, seenResponses }) => {
  const secret = readFileSync(mfaSecretFile, 'utf8').trim();
  await page.goto('/volumes?sort=name');
  await fillLogin(page, { username: 'mfa', password: 'mfa' });
  await expect(page.getByRole('heading', { name: 'Enter your authentication code' })).toBeVisible();
  await expect(page.getByText('Keystone also wants a code from the authenticator app of mfa (Default).')).toBeVisible();
  await expectAccessible(page, 'TOTP step of the login');
  await screenshotBothThemes(page, 'login-totp');

  await page.getByLabel('6-digit code').fill(wrongCode(secret));
  await page.getByRole('button', { name: 'Verify' }).click();
  const notice = page.getByTestId('error-notice');
  await expect(notice.getByTestId('error-message')).toHaveText(keystoneRefusal);
  await expect(notice.getByTestId('error-request-id')).toHaveText(/^req-[0-9a-f-]{36}$/);

  await signInWithCode(page, secret);
  // Back to the deep link, in mfa's default project.
  await expect(page).toHaveURL(/\/volumes\?sort=name$/);
  await expect(page.getByTestId('current-project')).toHaveText('demo');
  await page.getByTestId('user-menu').click();
  await expect(page.getByTestId('user-signed-in-with')).toHaveText('Password and TOTP code');
  // The receipt stayed in the BFF: no response the browser got carries the Openstack-Auth-Receipt header.
  for (const response of seenResponses) expect(Object.keys(response.headers)).not.toContain('openstack-auth-receipt');
  await expectNoTokenInBrowser(page, seenResponses);
});

test('an application credential signs in to its project only; logout leaves the credential in Keystone', async ({ page, seenResponses }) => {
  const name = `e2e-appcred-${unique()}`;
  const credential = await openstack<{ id: string; secret: string; project_id: string }>('zenith-demo', [
    'application', 'credential', 'create', '--description', 'Zenith e2e: ways-in.spec', name,
  ]);
  try {
    await page.goto('/');
    await page.getByRole('tab', { name: 'Application credential' }).click();
    await page.getByLabel('Application credential ID').fill(credential.id);
    await page.getByLabel('Secret').fill(credential.secret);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const switcher = page.getByTestId('project-switcher');
    await expect(page.getByTestId('current-project')).toHaveText('demo');
    await expect(switcher).toHaveAttribute('aria-disabled', 'true');
    // aria-disabled, yet focusable: the reason shows on focus (and hover), for keyboard users too.
    await switcher.focus();
    await expect(page.getByTestId('project-locked-reason')).toBeVisible();
    await expect(page.getByTestId('project-locked-reason')).toHaveText(
      `This session was made with application credential ${name}, which works in project demo only. Sign in with a password to switch projects.`,
    );
    await expect(page.getByTestId('project-picker')).toHaveCount(0);
    await page.getByTestId('user-menu').click();
    await expect(page.getByTestId('user-signed-in-with')).toHaveText(`Application credential ${name}`);
    await page.keyboard.press('Escape');
    await expectNoTokenInBrowser(page, seenResponses);
    // The secret went up in the sign-in request only; no answer carries it back.
    for (const response of seenResponses) expect(response.body).not.toContain(credential.secret);

    await signOut(page);
    const kept = await openstack<{ id: string }>('zenith-demo', ['application', 'credential', 'show', credential.id]);
    expect(kept.id).toBe(credential.id);

    // By name, with its user, it works as well.
    await page.getByRole('tab', { name: 'Application credential' }).click();
    await page.getByLabel('Name and user').check();
    await page.getByLabel('Application credential name').fill(name);
    await page.getByLabel('User name (its owner)').fill('demo');
    await page.getByLabel('Secret').fill(credential.secret);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('project-switcher')).toHaveAttribute('aria-disabled', 'true');
  } finally {
    await openstackDo('zenith-demo', ['application', 'credential', 'delete', credential.id]);
  }
});

test('a user changes their own password: Keystone refuses a wrong current one, then the session ends and the new one works', async ({ page }) => {
  const user = await onOwnAccountPage(page, 'e2e-pw', 'first-Password-1');
  try {

    await page.getByLabel('Current password').fill('not-my-password');
    await page.getByLabel('New password', { exact: true }).fill('second-Password-2');
    await page.getByLabel('New password again').fill('second-Password-2');
    await page.getByRole('button', { name: 'Change password' }).click();
    const refusal = page.getByTestId('error-notice');
    await expect(refusal).toBeVisible();
    await expect(refusal.getByTestId('error-message')).not.toBeEmpty();
    await expect(page.getByLabel('Current password')).toHaveValue('not-my-password');
    await expect(page.getByLabel('New password', { exact: true })).toHaveValue('second-Password-2');

    await page.getByLabel('Current password').fill('first-Password-1');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByTestId('login-notice')).toHaveText('Your password has changed. Sign in with the new one.');
    await expect(page.getByLabel('User name')).toHaveValue(user.name);

    await fillLogin(page, { username: user.name, password: 'first-Password-1', project: 'demo' });
    await expect(page.getByTestId('error-message')).toHaveText(keystoneRefusal);
    await fillLogin(page, { username: user.name, password: 'second-Password-2', project: 'demo' });
    await expect(page.getByTestId('current-project')).toHaveText('demo');
  } finally {
    await user.remove();
  }
});

test('a user registers an authenticator (QR code and secret shown once, confirmed by a code), then signs in with it', async ({ page, seenResponses }) => {
  const user = await onOwnAccountPage(page, 'e2e-totp', 'totp-Password-1');
  try {
    await expect(page.getByTestId('totp-count')).toHaveText('None registered');

    await page.getByRole('button', { name: 'Set up an authenticator' }).click();
    await expect(page.getByRole('img', { name: 'QR code of the new TOTP secret (otpauth URI)' })).toBeVisible();
    const secret = (await page.getByTestId('totp-secret').textContent())?.replace(/\s/g, '') ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectAccessible(page, 'account page with a new TOTP secret');
    await screenshotBothThemes(page, 'account');
    // Nothing in Keystone yet: the secret is saved only once a code proves the authenticator has it.
    const before = await openstack<unknown[]>('zenith-admin', ['credential', 'list', '--user', user.id, '--type', 'totp']);
    expect(before).toEqual([]);

    await page.getByLabel('Code from the app').fill(wrongCode(secret));
    await page.getByRole('button', { name: 'Confirm and save' }).click();
    await expect(page.getByTestId('error-message')).toHaveText(/does not match the new secret/);
    await page.getByLabel('Code from the app').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Confirm and save' }).click();
    await expect(page.getByTestId('totp-registered')).toBeVisible();
    await expect(page.getByTestId('totp-secret')).toHaveCount(0);
    await expect(page.getByTestId('totp-count')).toHaveText('1 registered in Keystone');

    const stored = await openstack<{ Data: string; Type: string }[]>('zenith-admin', ['credential', 'list', '--user', user.id, '--type', 'totp']);
    expect(stored.map((credential) => [credential.Type, credential.Data])).toEqual([['totp', secret]]);
    await expectNoTokenInBrowser(page, seenResponses);

    // An administrator makes the account require it; the next sign-in asks for the code.
    await openstackDo('zenith-admin', ['user', 'set', '--multi-factor-auth-rule', 'password,totp', '--enable-multi-factor-auth', user.id]);
    await signOut(page);
    await fillLogin(page, { username: user.name, password: 'totp-Password-1', project: 'demo' });
    await signInWithCode(page, secret);
    await expect(page.getByTestId('current-project')).toHaveText('demo');
    await page.getByTestId('user-menu').click();
    await expect(page.getByTestId('user-signed-in-with')).toHaveText('Password and TOTP code');
  } finally {
    await user.remove();
  }
});

test('a too-short new password gets Keystone’s own message and request id; the form keeps its input and the password stays (CLI)', async ({ page }) => {
  const user = await onOwnAccountPage(page, 'e2e-weak', 'weak-Password-1');
  try {
    await page.getByLabel('Current password').fill('weak-Password-1');
    await page.getByLabel('New password', { exact: true }).fill('ab');
    await page.getByLabel('New password again').fill('ab');
    await page.getByRole('button', { name: 'Change password' }).click();

    // Keystone's [security_compliance] password_regex_description, in Keystone's own sentence.
    const refusal = page.getByTestId('account-password').getByTestId('error-notice');
    await expect(refusal.getByTestId('error-message')).toHaveText(/^The password does not match the requirements: Passwords need at least 3 characters/);
    await expect(refusal.getByTestId('error-request-id')).toHaveText(/^req-[0-9a-f-]{36}$/);
    await expect(page.getByLabel('Current password')).toHaveValue('weak-Password-1');
    await expect(page.getByLabel('New password', { exact: true })).toHaveValue('ab');
    await expect(page.getByLabel('New password again')).toHaveValue('ab');
    await expect(page.getByTestId('current-project')).toHaveText('demo');
    await screenshotBothThemes(page, 'account-weak-password');

    expect(await passwordWorks(user.name, 'weak-Password-1')).toBe(true);
    expect(await passwordWorks(user.name, 'ab')).toBe(false);
  } finally {
    await user.remove();
  }
});

test('a user removes their authenticator: the confirmation says they could no longer sign in, and the CLI sees it gone', async ({ page }) => {
  const user = await onOwnAccountPage(page, 'e2e-totp-rm', 'totp-Password-1');
  try {
    await page.getByRole('button', { name: 'Set up an authenticator' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())?.replace(/\s/g, '') ?? '';
    await page.getByLabel('Code from the app').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Confirm and save' }).click();
    await expect(page.getByTestId('totp-count')).toHaveText('1 registered in Keystone');
    const [stored] = await openstack<{ ID: string }[]>('zenith-admin', ['credential', 'list', '--type', 'totp', '--user', user.id]);
    expect(stored).toBeDefined();

    // An administrator makes the account require a code; the page reads the rules again.
    await openstackDo('zenith-admin', ['user', 'set', '--multi-factor-auth-rule', 'password,totp', '--enable-multi-factor-auth', user.id]);
    await page.reload();
    await expect(page.getByTestId('mfa-rules')).toHaveText('password + totp');
    await expect(page.getByTestId('totp-credential')).toHaveCount(1);

    await page.getByRole('button', { name: `Remove authenticator ${stored!.ID}` }).click();
    const dialog = page.getByTestId('action-dialog-remove-totp-credential');
    await expect(dialog.getByText(`Remove authenticator ${stored!.ID}? Keystone deletes its TOTP secret`)).toBeVisible();
    await expect(dialog.getByTestId('totp-removal-lockout')).toContainText(
      'Your account’s multi-factor rules ask for password + totp, and this is your only authenticator: once it is removed, no code can complete a sign-in, so you can no longer sign in until an authenticator is registered again.',
    );
    await dialog.getByText('Show as CLI or HTTP').click();
    await expect(dialog.getByTestId('cli-command')).toContainText(`openstack credential delete ${stored!.ID}`);
    await expectAccessible(page, 'remove-authenticator confirmation');
    await screenshotDialogBothThemes(page, 'account-remove-authenticator');

    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('totp-count')).toHaveText('None registered');
    expect(await openstack<unknown[]>('zenith-admin', ['credential', 'list', '--type', 'totp', '--user', user.id])).toEqual([]);
  } finally {
    await user.remove();
  }
});

test('five minutes before the token ends, signing in again in a dialog keeps the page and its form; the expiry moves forward and the next call works', async ({ page, seenResponses }) => {
  // The page's clock is the test's: the BFF and Keystone keep real time (the token is valid for hours).
  await page.clock.install();
  const user = await onOwnAccountPage(page, 'e2e-renew', 'renew-Password-1');
  try {
    const before = await sessionOf(page);
    const cookieBefore = await sessionCookie(page);
    const documentBefore = await page.evaluate(() => performance.timeOrigin);

    await page.getByLabel('Current password').fill('renew-Password-1');
    await page.getByLabel('New password', { exact: true }).fill('renew-Password-2');
    await page.getByLabel('New password again').fill('renew-Password-2');

    // Four minutes before Keystone's expires_at, as the page counts.
    const pageNow = await page.evaluate(() => Date.now());
    await page.clock.fastForward(Date.parse(before.expiresAt) - 4 * 60_000 - pageNow);
    const warning = page.getByTestId('session-expiry-warning');
    await expect(warning).toContainText(/Your session ends in [34] minutes\./);
    await warning.getByRole('button', { name: 'Sign in again' }).click();

    const dialog = page.getByTestId('renew-session-dialog');
    await expect(dialog.getByRole('heading', { name: 'Sign in again' })).toBeVisible();
    await expect(dialog.getByLabel('User name')).toHaveValue(user.name);
    await dialog.getByLabel('Password', { exact: true }).fill('not-my-password');
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await expect(dialog.getByTestId('error-message')).toHaveText(keystoneRefusal);
    await expect(dialog.getByTestId('error-request-id')).toHaveText(/^req-[0-9a-f-]{36}$/);
    await expect(dialog.getByLabel('Password', { exact: true })).toHaveValue('not-my-password');
    await expectAccessible(page, 'sign-in-again dialog');
    await screenshotDialogBothThemes(page, 'renew-session');

    await dialog.getByLabel('Password', { exact: true }).fill('renew-Password-1');
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await expect(dialog).toBeHidden();

    // The same document, page and form: nothing was reloaded or left.
    expect(await page.evaluate(() => performance.timeOrigin)).toBe(documentBefore);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByLabel('Current password')).toHaveValue('renew-Password-1');
    await expect(page.getByLabel('New password', { exact: true })).toHaveValue('renew-Password-2');
    await expect(page.getByLabel('New password again')).toHaveValue('renew-Password-2');
    // The same user and project, a token that ends later, a new session cookie.
    const after = await sessionOf(page);
    expect(after.user.id).toBe(before.user.id);
    expect(after.project.id).toBe(before.project.id);
    expect(after.region).toBe(before.region);
    expect(Date.parse(after.expiresAt)).toBeGreaterThan(Date.parse(before.expiresAt));
    expect(await sessionCookie(page)).not.toBe(cookieBefore);
    await expectNoTokenInBrowser(page, seenResponses);

    // The next call, a write, goes with the new session's CSRF token: the password change the form held succeeds.
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByTestId('login-notice')).toHaveText('Your password has changed. Sign in with the new one.');
    expect(await passwordWorks(user.name, 'renew-Password-2')).toBe(true);
  } finally {
    await user.remove();
  }
});
