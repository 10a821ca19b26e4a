// @vitest-environment jsdom
// The account page over a fake BFF: what Keystone says about the user, the own-password change (Keystone's
// refusal shown, the input kept; success ends the session), TOTP self-registration confirmed by a code, and the
// removal of an authenticator with what it means for the next sign-in.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountView, TotpEnrollment } from '@contract/session';
import { FakeBff } from '../../testing/fake-bff';
import { cleanupApp, renderApp } from '../../testing/render-app';

afterEach(cleanupApp);

const account: AccountView = {
  user: { id: '0ad652f4dc3a4fef883908f390e8f2cc', name: 'demo', domain: { id: 'default', name: 'Default' }, passwordExpiresAt: null, mfaRules: [], mfaEnabled: false },
  totpCredentials: [],
};
const enrollment: TotpEnrollment = {
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  uri: 'otpauth://totp/Zenith:demo%40Default?issuer=Zenith&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30',
  qrCode: 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=',
  expiresAt: '2030-01-01T00:10:00.000Z',
};
const error = (status: number, message: string, code?: string) =>
  Response.json({ error: { message, status, requestId: 'req-ks-1', ...(code ? { code } : {}) } }, { status });

const field = (label: string) => screen.getByLabelText<HTMLInputElement>(label, { selector: 'input' });
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });

describe('account page', { timeout: 20_000 }, () => {
  it("changes the password: Keystone's refusal is shown with the input kept, then success ends the session", async () => {
    const bff = new FakeBff()
      .on('GET', '/api/account', account)
      .on('POST', '/api/account/password', error(401, 'Error when changing user password: Invalid user / password'), new Response(null, { status: 204 }));
    const { router } = renderApp('/account', bff);
    await screen.findByRole('heading', { name: 'Your account', level: 1 });

    type('Current password', 'wrong');
    type('New password', 'n3w-Passw0rd');
    type('New password again', 'n3w-Passw0rd!');
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('The two new passwords differ.')).toBeTruthy();
    expect(bff.calls('POST', '/api/account/password')).toHaveLength(0);

    type('New password again', 'n3w-Passw0rd');
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Error when changing user password: Invalid user / password')).toBeTruthy();
    expect(screen.getByText('req-ks-1')).toBeTruthy();
    expect([field('Current password').value, field('New password').value]).toEqual(['wrong', 'n3w-Passw0rd']);

    type('Current password', 'demo');
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Your password has changed. Sign in with the new one.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(field('User name').value).toBe('demo');
    expect(bff.calls('POST', '/api/account/password').map((call) => call.body)).toEqual([
      { originalPassword: 'wrong', password: 'n3w-Passw0rd' },
      { originalPassword: 'demo', password: 'n3w-Passw0rd' },
    ]);
  });

  it('registers an authenticator: QR code and secret shown once, saved in Keystone only after a valid code', async () => {
    const bff = new FakeBff()
      .on('GET', '/api/account', account, { ...account, totpCredentials: [{ id: 'cred-9' }] })
      .on('POST', '/api/account/totp', enrollment)
      .on('POST', '/api/account/totp/confirm', error(400, 'This code does not match the new secret', 'totp_code_wrong'), Response.json({ id: 'cred-9' }, { status: 201 }));
    renderApp('/account', bff);
    const section = await screen.findByTestId('account-totp');
    expect(within(section).getByTestId('totp-count').textContent).toBe('None registered');
    expect(within(section).getByTestId('mfa-rules').textContent).toBe('A password only (no multi-factor rule on your account)');
    expect(within(section).getByTestId('mfa-cli').textContent).toBe(
      'openstack user set --multi-factor-auth-rule password,totp --enable-multi-factor-auth 0ad652f4dc3a4fef883908f390e8f2cc',
    );

    fireEvent.click(within(section).getByRole('button', { name: 'Set up an authenticator' }));
    const qr = await screen.findByRole<HTMLImageElement>('img', { name: 'QR code of the new TOTP secret (otpauth URI)' });
    expect(qr.getAttribute('src')).toBe(enrollment.qrCode);
    expect(screen.getByTestId('totp-secret').textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');

    type('Code from the app', '111111');
    fireEvent.click(screen.getByRole('button', { name: 'Confirm and save' }));
    expect(await screen.findByText('This code does not match the new secret')).toBeTruthy();
    expect(screen.getByText('req-ks-1')).toBeTruthy();
    expect(field('Code from the app').value).toBe('111111');

    type('Code from the app', '222 222');
    fireEvent.click(screen.getByRole('button', { name: 'Confirm and save' }));
    expect(await screen.findByText('Saved: Keystone holds the secret as TOTP credential cred-9.')).toBeTruthy();
    // The secret leaves the page once saved.
    expect(screen.queryByTestId('totp-secret')).toBeNull();
    expect(await within(section).findByText('1 registered in Keystone')).toBeTruthy();
    expect(bff.calls('POST', '/api/account/totp/confirm').map((call) => call.body)).toEqual([{ passcode: '111111' }, { passcode: '222222' }]);
  });

  it("shows Keystone's multi-factor rules when the account has some", async () => {
    const bff = new FakeBff().on('GET', '/api/account', { ...account, user: { ...account.user, mfaRules: [['password', 'totp']], mfaEnabled: true } });
    renderApp('/account', bff);
    expect((await screen.findByTestId('mfa-rules')).textContent).toBe('password + totp');
    expect(screen.queryByTestId('mfa-cli')).toBeNull();
    expect(screen.getByTestId('account-signed-in-with').textContent).toBe('Password');
  });

  describe('removing an authenticator', () => {
    const withRules = (totpCredentials: AccountView['totpCredentials'], mfaRules: string[][] = [['password', 'totp']]): AccountView => ({
      ...account,
      user: { ...account.user, mfaRules, mfaEnabled: mfaRules.length > 0 },
      totpCredentials,
    });

    it('says plainly that the only authenticator of an account whose rules need one locks the user out, then deletes it in Keystone', async () => {
      const bff = new FakeBff()
        .on('GET', '/api/account', withRules([{ id: 'cred-1' }]), withRules([]))
        .on('DELETE', '/api/os/identity/credentials/cred-1', new Response(null, { status: 204 }));
      renderApp('/account', bff);
      fireEvent.click(await screen.findByRole('button', { name: 'Remove authenticator cred-1' }));
      const dialog = await screen.findByTestId('action-dialog-remove-totp-credential');
      expect(within(dialog).getByText('Remove authenticator cred-1? Keystone deletes its TOTP secret: the codes this authenticator app makes no longer work.')).toBeTruthy();
      expect(within(dialog).getByTestId('totp-removal-lockout').textContent).toContain(
        'Your account’s multi-factor rules ask for password + totp, and this is your only authenticator: once it is removed, no code can complete a sign-in, so you can no longer sign in until an authenticator is registered again.',
      );
      fireEvent.click(within(dialog).getByRole('tab', { name: 'CLI' }));
      expect(within(dialog).getByText('openstack credential delete cred-1')).toBeTruthy();

      fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
      await waitFor(() => expect(screen.queryByTestId('action-dialog-remove-totp-credential')).toBeNull());
      expect(await screen.findByText('None registered')).toBeTruthy();
      expect(screen.queryByTestId('totp-credential')).toBeNull();
      expect(bff.calls('DELETE', '/api/os/identity/credentials/cred-1')).toHaveLength(1);
    });

    it('says the other authenticators still work, or that no rule needs one', async () => {
      const bff = new FakeBff().on('GET', '/api/account', withRules([{ id: 'cred-1' }, { id: 'cred-2' }]));
      renderApp('/account', bff);
      fireEvent.click(await screen.findByRole('button', { name: 'Remove authenticator cred-2' }));
      expect((await screen.findByTestId('totp-removal-consequence')).textContent).toBe(
        'Your account’s multi-factor rules ask for a TOTP code: Keystone still accepts the codes of your other authenticator.',
      );
      cleanupApp();

      renderApp('/account', new FakeBff().on('GET', '/api/account', withRules([{ id: 'cred-1' }], [])));
      fireEvent.click(await screen.findByRole('button', { name: 'Remove authenticator cred-1' }));
      expect((await screen.findByTestId('totp-removal-consequence')).textContent).toBe(
        'Your account’s multi-factor rules do not ask for a TOTP code: you keep signing in with your password.',
      );
    });

    it("shows Keystone's refusal with its request id", async () => {
      const bff = new FakeBff()
        .on('GET', '/api/account', withRules([{ id: 'cred-1' }], []))
        .on('DELETE', '/api/os/identity/credentials/cred-1', error(403, 'You are not authorized to perform the requested action: identity:delete_credential.'));
      renderApp('/account', bff);
      fireEvent.click(await screen.findByRole('button', { name: 'Remove authenticator cred-1' }));
      const dialog = await screen.findByTestId('action-dialog-remove-totp-credential');
      fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
      expect(await within(dialog).findByText('You are not authorized to perform the requested action: identity:delete_credential.')).toBeTruthy();
      expect(within(dialog).getByText('req-ks-1')).toBeTruthy();
    });
  });
});
