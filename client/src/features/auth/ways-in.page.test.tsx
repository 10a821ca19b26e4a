// @vitest-environment jsdom
// The ways in, in the real app over a fake BFF: the TOTP step of a password sign-in, the application credential
// sign-in and its fixed project, and the warning before the session's token expires with its sign-in-again dialog.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountView, LoginChallenge, SessionView } from '@contract/session';
import { api } from '../../lib/api/client';
import sessionDemo from '../../testing/fixtures/session-demo.json';
import { FakeBff } from '../../testing/fake-bff';
import { cleanupApp, renderApp } from '../../testing/render-app';

afterEach(cleanupApp);

const later = () => new Date(Date.now() + 3_600_000).toISOString();
const demoSession = (overrides: Partial<SessionView> = {}): SessionView => ({ ...(sessionDemo as SessionView), expiresAt: later(), ...overrides });
// Without a code: the session gate itself then sends the user to the login page (the app's session-end watcher,
// which handles no_session, is not part of these tests).
const noSession = () => Response.json({ error: { message: 'Not signed in', status: 401 } }, { status: 401 });
/** The session read: none until a sign-in succeeded (the app may read it more than once before). */
function sessionAfterSignIn(bff: FakeBff, session: SessionView) {
  return () => (bff.requests.some((call) => call.method === 'POST' && call.url.pathname.startsWith('/api/auth/login')) ? Response.json(session) : noSession());
}
const keystoneRefusal = () =>
  Response.json(
    { error: { message: 'The request you have made requires authentication.', status: 401, requestId: 'req-5b1c', code: 'unauthorized' } },
    { status: 401 },
  );
const account: AccountView = {
  user: { id: 'u-mfa', name: 'mfa', domain: { id: 'default', name: 'Default' }, passwordExpiresAt: null, mfaRules: [['password', 'totp']], mfaEnabled: true },
  totpCredentials: [{ id: 'c1' }],
};

const field = (label: string) => screen.getByLabelText<HTMLInputElement>(label, { selector: 'input' });
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });

describe('TOTP sign-in', { timeout: 20_000 }, () => {
  it("asks for the code after the password, shows Keystone's refusal of a wrong one, and returns to the deep link", async () => {
    const mfaSession = demoSession({ user: { ...sessionDemo.user, name: 'mfa' }, signIn: { methods: ['password', 'totp'] } });
    const challenge: LoginChallenge = { challenge: 'totp', user: { name: 'mfa', domain: 'Default' }, expiresAt: later() };
    const bff = new FakeBff()
      .on('POST', '/api/auth/login', challenge)
      .on('POST', '/api/auth/login/totp', keystoneRefusal(), mfaSession)
      .on('GET', '/api/account', account);
    bff.on('GET', '/api/auth/session', sessionAfterSignIn(bff, mfaSession));
    const { router } = renderApp('/account?tab=x', bff);

    await screen.findByRole('heading', { name: 'Sign in to Zenith', level: 1 });
    type('User name', 'mfa');
    type('Password', 'mfa-password');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByRole('heading', { name: 'Enter your authentication code' });
    expect(screen.getByText('Keystone also wants a code from the authenticator app of mfa (Default).')).toBeTruthy();
    type('6-digit code', '000000');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('The request you have made requires authentication.')).toBeTruthy();
    expect(screen.getByText('req-5b1c')).toBeTruthy();
    expect(field('6-digit code').value).toBe('000000');

    type('6-digit code', '123 456');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    await screen.findByRole('heading', { name: 'Your account' });
    expect(router.state.location.pathname + router.state.location.search).toBe('/account?tab=x');
    expect(bff.calls('POST', '/api/auth/login')[0]?.body).toEqual({ username: 'mfa', password: 'mfa-password', userDomain: 'Default' });
    expect(bff.calls('POST', '/api/auth/login/totp').map((call) => call.body)).toEqual([{ passcode: '000000' }, { passcode: '123456' }]);
    expect(await screen.findByTestId('account-signed-in-with')).toHaveProperty('textContent', 'Password and TOTP code');
  });

  it('goes back to the password step when the receipt ran out', async () => {
    const bff = new FakeBff()
      .on('GET', '/api/auth/session', noSession())
      .on('POST', '/api/auth/login', { challenge: 'totp', user: { name: 'mfa', domain: 'Default' }, expiresAt: later() })
      .on('POST', '/api/auth/login/totp', Response.json({ error: { message: 'The sign-in waited too long', status: 401, code: 'login_restart' } }, { status: 401 }));
    renderApp('/login', bff);
    await screen.findByRole('heading', { name: 'Sign in to Zenith', level: 1 });
    type('User name', 'mfa');
    type('Password', 'pw');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { name: 'Enter your authentication code' });
    type('6-digit code', '123456');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('The sign-in waited too long')).toBeTruthy();
    // The password form is back, still filled.
    expect(field('Password').value).toBe('pw');
  });
});

describe('application credential sign-in', { timeout: 20_000 }, () => {
  it('signs in by id and secret; the project switcher is fixed and says why', async () => {
    const session = demoSession({ signIn: { methods: ['application_credential'], applicationCredential: { id: 'ac-1', name: 'ci-bot' } } });
    const bff = new FakeBff().on('POST', '/api/auth/login/application-credential', session).on('GET', '/api/account', account);
    bff.on('GET', '/api/auth/session', sessionAfterSignIn(bff, session));
    renderApp('/account', bff);
    fireEvent.click(await screen.findByRole('tab', { name: 'Application credential' }));
    type('Application credential ID', ' ac-1 ');
    type('Secret', 's3cret ');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const switcher = await screen.findByTestId('project-switcher');
    expect(switcher.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByTestId('project-locked-reason').className).toContain('sr-only');
    fireEvent.focus(switcher);
    expect(screen.getByTestId('project-locked-reason').className).not.toContain('sr-only');
    fireEvent.click(switcher);
    expect(screen.getByTestId('project-locked-reason').textContent).toBe(
      'This session was made with application credential ci-bot, which works in project demo only. Sign in with a password to switch projects.',
    );
    expect(screen.queryByTestId('project-picker')).toBeNull();
    expect(bff.calls('POST', '/api/auth/login/application-credential')[0]?.body).toEqual({ id: 'ac-1', secret: 's3cret ' });
    // The tab's request log (the log panel, the HTTP views) never holds the secret.
    const logged = api.requestLog.entries().filter((entry) => entry.path === '/api/auth/login/application-credential');
    expect(logged.map((entry) => entry.body)).toEqual([{ id: 'ac-1', secret: '***' }]);
  });

  it("by name sends the user and domain, and shows Keystone's refusal", async () => {
    const bff = new FakeBff().on('GET', '/api/auth/session', noSession()).on('POST', '/api/auth/login/application-credential', keystoneRefusal());
    renderApp('/login', bff);
    fireEvent.click(await screen.findByRole('tab', { name: 'Application credential' }));
    fireEvent.click(screen.getByLabelText('Name and user'));
    type('Application credential name', 'ci-bot');
    type('User name (its owner)', 'demo');
    type('Secret', 'wrong');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('The request you have made requires authentication.')).toBeTruthy();
    expect(bff.calls('POST', '/api/auth/login/application-credential')[0]?.body).toEqual({ name: 'ci-bot', username: 'demo', userDomain: 'Default', secret: 'wrong' });
  });
});

describe('session expiry', { timeout: 20_000 }, () => {
  const endingSoon = (overrides: Partial<SessionView> = {}) => demoSession({ expiresAt: new Date(Date.now() + 4 * 60_000 + 30_000).toISOString(), ...overrides });
  const renewed = (overrides: Partial<SessionView> = {}) => demoSession({ csrfToken: 'csrf-renewed', ...overrides });
  const dialog = () => screen.getByTestId('renew-session-dialog');

  it('warns five minutes before the end and signs in again in a dialog: the page, its form and its data stay', async () => {
    const bff = new FakeBff()
      .on('GET', '/api/auth/session', endingSoon())
      .on('POST', '/api/auth/renew', keystoneRefusal(), renewed())
      .on('GET', '/api/account', account);
    const { router } = renderApp('/account#password', bff);
    const warning = await screen.findByTestId('session-expiry-warning');
    expect(warning.textContent).toContain('Your session ends in 4 minutes.');
    await waitFor(() => expect(screen.getByTestId('account-name').textContent).toBe('demo'));
    type('Current password', 'typed before');
    const accountReads = bff.calls('GET', '/api/account').length;

    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    await screen.findByRole('heading', { name: 'Sign in again' });
    expect(within(dialog()).getByText('Keystone gives this session a new token for project demo (RegionOne). The page behind stays as it is, with what you typed.')).toBeTruthy();
    expect(within(dialog()).getByLabelText<HTMLInputElement>('User name').value).toBe('demo');
    fireEvent.change(within(dialog()).getByLabelText('Password'), { target: { value: 'wrong' } });
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Sign in' }));
    expect(await within(dialog()).findByText('The request you have made requires authentication.')).toBeTruthy();
    expect(within(dialog()).getByText('req-5b1c')).toBeTruthy();
    expect(within(dialog()).getByLabelText<HTMLInputElement>('Password').value).toBe('wrong');

    fireEvent.change(within(dialog()).getByLabelText('Password'), { target: { value: 'demo' } });
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.queryByTestId('renew-session-dialog')).toBeNull());
    expect(screen.queryByTestId('session-expiry-warning')).toBeNull();
    expect(router.state.location.pathname + router.state.location.hash).toBe('/account#password');
    expect(field('Current password').value).toBe('typed before');
    expect(bff.calls('GET', '/api/account')).toHaveLength(accountReads);
    expect(bff.calls('POST', '/api/auth/renew').map((call) => call.body)).toEqual([
      { method: 'password', username: 'demo', userDomain: 'Default', password: 'wrong' },
      { method: 'password', username: 'demo', userDomain: 'Default', password: 'demo' },
    ]);
    // The tab's request log never holds the password.
    const logged = api.requestLog.entries().filter((entry) => entry.path === '/api/auth/renew');
    expect(logged.map((entry) => entry.body)).toEqual([
      { method: 'password', username: 'demo', userDomain: 'Default', password: '***' },
      { method: 'password', username: 'demo', userDomain: 'Default', password: '***' },
    ]);
  });

  it("asks for the TOTP code when Keystone wants one, and says why another user's password is refused", async () => {
    const mfa = { ...sessionDemo.user, name: 'mfa' };
    const challenge: LoginChallenge = { challenge: 'totp', user: { name: 'mfa', domain: 'Default' }, expiresAt: later() };
    const bff = new FakeBff()
      .on('GET', '/api/auth/session', endingSoon({ user: mfa, signIn: { methods: ['password', 'totp'] } }))
      .on(
        'POST',
        '/api/auth/renew',
        Response.json(
          { error: { message: "These credentials are user admin's (domain Default), and this session is mfa's: to work as admin, sign out, then sign in", status: 409, code: 'renew_other_user' } },
          { status: 409 },
        ),
        challenge,
      )
      .on('POST', '/api/auth/renew/totp', keystoneRefusal(), renewed({ user: mfa, signIn: { methods: ['password', 'totp'] } }))
      .on('GET', '/api/account', account);
    renderApp('/account', bff);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in again' }));
    await screen.findByRole('heading', { name: 'Sign in again' });
    fireEvent.change(within(dialog()).getByLabelText('User name'), { target: { value: 'admin' } });
    fireEvent.change(within(dialog()).getByLabelText('Password'), { target: { value: 'admin' } });
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Sign in' }));
    expect(await within(dialog()).findByText(/These credentials are user admin's/)).toBeTruthy();

    fireEvent.change(within(dialog()).getByLabelText('User name'), { target: { value: 'mfa' } });
    fireEvent.change(within(dialog()).getByLabelText('Password'), { target: { value: 'mfa' } });
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { name: 'Enter your authentication code' });
    fireEvent.change(within(dialog()).getByLabelText('6-digit code'), { target: { value: '000000' } });
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Verify' }));
    expect(await within(dialog()).findByText('The request you have made requires authentication.')).toBeTruthy();
    expect(within(dialog()).getByLabelText<HTMLInputElement>('6-digit code').value).toBe('000000');
    fireEvent.change(within(dialog()).getByLabelText('6-digit code'), { target: { value: '123 456' } });
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(screen.queryByTestId('renew-session-dialog')).toBeNull());
    expect(bff.calls('POST', '/api/auth/renew/totp').map((call) => call.body)).toEqual([{ passcode: '000000' }, { passcode: '123456' }]);
  });

  it("asks an application credential's session for the credential's secret only", async () => {
    const signIn = { methods: ['application_credential'], applicationCredential: { id: 'ac-1', name: 'ci-bot' } };
    const bff = new FakeBff()
      .on('GET', '/api/auth/session', endingSoon({ signIn }))
      .on('POST', '/api/auth/renew', renewed({ signIn }))
      .on('GET', '/api/account', account);
    renderApp('/account', bff);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in again' }));
    expect((await within(await screen.findByTestId('renew-session-dialog')).findByTestId('renew-credential')).textContent).toBe(
      'This session was made with application credential ci-bot: enter its secret.',
    );
    expect(within(dialog()).queryByLabelText('User name')).toBeNull();
    fireEvent.change(within(dialog()).getByLabelText('Secret'), { target: { value: 's3cret' } });
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.queryByTestId('renew-session-dialog')).toBeNull());
    expect(bff.calls('POST', '/api/auth/renew').map((call) => call.body)).toEqual([{ method: 'application_credential', secret: 's3cret' }]);
  });

  it('says nothing while the end is further than five minutes away', async () => {
    renderApp('/account', new FakeBff().on('GET', '/api/account', account));
    await screen.findByRole('heading', { name: 'Your account' });
    await waitFor(() => expect(screen.getByTestId('account-name').textContent).toBe('demo'));
    expect(screen.queryByTestId('session-expiry-warning')).toBeNull();
  });
});
