// @vitest-environment jsdom
// Keystone's faults as the user meets them: a token revoked behind Zenith's back (a service's call answers 401
// session_ended) sends the user to the login page with the reason and back to the deep link after signing in; a
// Keystone that is down is said in the login form, in the BFF's words.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import sessionDemo from '../testing/fixtures/session-demo.json';
import { FakeBff } from '../testing/fake-bff';
import { cleanupApp, renderApp } from '../testing/render-app';
import { readLoginState } from '../resources/session/login-state';
import { watchSession } from './session-events';

let stopWatching: (() => void) | undefined;
afterEach(() => {
  stopWatching?.();
  stopWatching = undefined;
  cleanupApp();
});

const revoked = () =>
  Response.json(
    { error: { message: 'The request you have made requires authentication.', status: 401, requestId: 'req-4a01', code: 'session_ended' } },
    { status: 401 },
  );
const noSession = () => Response.json({ error: { message: 'Not signed in', status: 401, code: 'no_session' } }, { status: 401 });
const field = (label: string) => screen.getByLabelText<HTMLInputElement>(label, { selector: 'input' });
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });

describe('a token revoked behind Zenith’s back', { timeout: 20_000 }, () => {
  it('sends the user to the login page saying the identity service ended the session, then back to the deep link', async () => {
    const session = { ...sessionDemo, expiresAt: new Date(Date.now() + 3_600_000).toISOString() };
    let signedIn = true;
    const bff = new FakeBff()
      .on('GET', '/api/auth/session', () => (signedIn ? Response.json(session) : noSession()))
      .on('POST', '/api/auth/login', () => {
        signedIn = true;
        return Response.json(session);
      })
      // Every call to a service: the token is refused once, and works after the new sign-in.
      .otherwise(() => {
        if (!signedIn) return noSession();
        signedIn = false;
        return revoked();
      });
    const deepLink = '/keypairs?sort=name#top';
    const { router, queryClient } = renderApp(deepLink, bff);
    stopWatching = watchSession(router, queryClient);

    await screen.findByRole('heading', { name: 'Sign in to Zenith', level: 1 });
    const notice = await screen.findByTestId('login-notice');
    expect(notice.textContent).toContain('Your session was ended by the identity service. Sign in again to continue.');
    expect(notice.textContent).toContain('The request you have made requires authentication.');
    expect(readLoginState(router.state.location.state).from).toBe(deepLink);

    type('User name', 'demo');
    type('Password', 'pw');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(router.state.location.pathname + router.state.location.search + router.state.location.hash).toBe(deepLink));
  });
});

describe('a Keystone that is down', { timeout: 20_000 }, () => {
  it('is said in the login form in the BFF’s words, with no stack trace, and the form keeps its input', async () => {
    const bff = new FakeBff()
      .on('GET', '/api/auth/session', noSession())
      .on(
        'POST',
        '/api/auth/login',
        Response.json({ error: { message: 'Keystone is unreachable: connection refused', status: 502, code: 'upstream_unreachable' } }, { status: 502 }),
      );
    renderApp('/login', bff);
    await screen.findByRole('heading', { name: 'Sign in to Zenith', level: 1 });
    type('User name', 'demo');
    type('Password', 'pw');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const message = await screen.findByText('Keystone is unreachable: connection refused');
    const alert = message.closest('[role="alert"], [role="status"]');
    expect(alert).toBeTruthy();
    expect(alert?.textContent).not.toMatch(/\bat \S+:\d+|Error:|ECONNREFUSED/);
    expect(field('User name').value).toBe('demo');
    expect(field('Password').value).toBe('pw');
  });
});
