import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../src/contract/error-body.js';
import { ProjectsResponse } from '../src/contract/projects.js';
import { globalRequestIdPattern, zenithRequestIdHeader } from '../src/contract/request-id.js';
import { SessionView } from '../src/contract/session.js';
import { json, LogCapture, startZenith, TestBrowser, type RunningZenith, removeTemporaryDirectories } from '../src/testing/harness.js';
import {
  createUserWithoutDefaultProject,
  credentials,
  expectNoToken,
  integrationConfig,
  keystoneValidates,
  tokenInStore,
  waitForCloud,
} from './support.js';

let zenith: RunningZenith;
const logs = new LogCapture();
const demo = () => credentials('zenith-demo');

beforeAll(async () => {
  await waitForCloud();
  zenith = await startZenith(integrationConfig(), logs);
});

afterAll(async () => {
  await zenith?.close();
  removeTemporaryDirectories();
});

async function signIn(body: Record<string, unknown> = {}) {
  const browser = new TestBrowser(zenith.baseUrl);
  const { username, password } = demo();
  const response = await browser.send('/api/auth/login', { method: 'POST', json: { username, password, ...body } });
  if (response.status === 200) browser.csrfToken = json<SessionView>(response).csrfToken;
  return { browser, response };
}

describe('login', () => {
  it('signs in with the right password and answers the contract Session', async () => {
    const { response } = await signIn();
    expect(response.status).toBe(200);
    // The answer is the contract's session view, exactly.
    const session = SessionView.strict().parse(json(response));
    expect(session.user).toMatchObject({ name: 'demo', domain: { id: 'default', name: 'Default' } });
    expect(session.project).toMatchObject({ name: 'demo', domain: { id: 'default', name: 'Default' } });
    expect(session.roles).toEqual(expect.arrayContaining(['member', 'reader']));
    expect(session.region).toBe('RegionOne');
    expect(session.regions).toEqual(expect.arrayContaining(['RegionOne', 'RegionTwo']));
    expect(session.services.map((service) => service.type)).toEqual(
      expect.arrayContaining(['compute', 'image', 'network', 'volumev3', 'block-storage', 'orchestration', 'identity', 'placement']),
    );
    expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.now());
    expect(session.csrfToken).toMatch(/^[\w-]{40,}$/);
    expectNoToken(response);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie whose lifetime ends with the token', async () => {
    const { response } = await signIn();
    const cookie = response.headers['set-cookie']?.find((line) => line.startsWith('zenith.sid='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const expires = Date.parse(/Expires=([^;]+)/.exec(cookie ?? '')?.[1] ?? '');
    const tokenExpiry = Date.parse(json<SessionView>(response).expiresAt);
    expect(Math.abs(expires - tokenExpiry)).toBeLessThan(5_000);
  });

  it('gives a new session id at every login and forgets the previous one', async () => {
    const { browser } = await signIn();
    const first = browser.cookie;
    const { username, password } = demo();
    const again = await browser.send('/api/auth/login', { method: 'POST', json: { username, password } });
    expect(again.status).toBe(200);
    expect(browser.cookie).not.toBe(first);
    const stale = new TestBrowser(zenith.baseUrl);
    stale.cookie = first;
    expect(json<ErrorBody>(await stale.send('/api/auth/session')).error.code).toBe('no_session');
  });

  it('answers a wrong password with 401, Keystone\'s message and its request id', async () => {
    const { response, browser } = await signIn({ password: 'not-the-password' });
    expect(response.status).toBe(401);
    const { error } = ErrorBody.strict().parse(json(response));
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/requires authentication/i);
    expect(error.requestId).toMatch(/^req-[0-9a-f-]{36}$/);
    // Keystone's own id in the body, the BFF's (which Keystone got as its global request id) in the header.
    expect(response.headers[zenithRequestIdHeader]).toMatch(globalRequestIdPattern);
    expect(response.headers[zenithRequestIdHeader]).not.toBe(error.requestId);
    expect(browser.cookie).toBeUndefined();
  });

  it('answers a wrong user domain with 401', async () => {
    const { response } = await signIn({ userDomain: 'NoSuchDomain' });
    expect(response.status).toBe(401);
    expect(json<ErrorBody>(response).error.status).toBe(401);
  });

  it('signs in to a named project and region', async () => {
    const { response } = await signIn({ project: 'demo-2', region: 'RegionTwo' });
    expect(response.status).toBe(200);
    const session = json<SessionView>(response);
    expect(session.project.name).toBe('demo-2');
    expect(session.region).toBe('RegionTwo');
  });

  it('without a default project, signs in to the user\'s first project', async () => {
    const user = await createUserWithoutDefaultProject('demo-2');
    try {
      const browser = new TestBrowser(zenith.baseUrl);
      const response = await browser.send('/api/auth/login', { method: 'POST', json: { username: user.name, password: user.password } });
      expect(response.status, response.body).toBe(200);
      expect(json<SessionView>(response).project.name).toBe('demo-2');
    } finally {
      await user.remove();
    }
  });

  it('refuses a region the catalog does not have', async () => {
    const { response, browser } = await signIn({ region: 'Atlantis' });
    expect(response.status).toBe(400);
    expect(json<ErrorBody>(response).error.code).toBe('unknown_region');
    expect(browser.cookie).toBeUndefined();
  });
});

describe('session', () => {
  it('is readable with the cookie and holds no token', async () => {
    const { browser, response: login } = await signIn();
    const response = await browser.send('/api/auth/session');
    expect(response.status).toBe(200);
    expect(json<SessionView>(response)).toEqual(json<SessionView>(login));
    expectNoToken(response);
  });

  it('lists the user\'s projects from Keystone', async () => {
    const { browser } = await signIn();
    const response = await browser.send('/api/auth/projects');
    expect(response.status).toBe(200);
    const { projects } = ProjectsResponse.parse(json(response));
    expect(projects.map((project) => project.name)).toEqual(expect.arrayContaining(['demo', 'demo-2']));
    expect(projects.find((project) => project.name === 'demo')).toMatchObject({
      domainId: 'default',
      domainName: 'Default',
      enabled: true,
    });
  });

  it('switches to demo-2 and back, with the catalog of each project', async () => {
    const { browser, response: login } = await signIn();
    const demoProject = json<SessionView>(login).project;
    const { projects } = json<ProjectsResponse>(await browser.send('/api/auth/projects'));
    const demo2 = projects.find((project) => project.name === 'demo-2');
    expect(demo2).toBeDefined();

    const switched = await browser.send('/api/auth/scope', { method: 'POST', json: { projectId: demo2?.id } });
    expect(switched.status).toBe(200);
    expect(json<SessionView>(switched).project).toMatchObject({ id: demo2?.id, name: 'demo-2' });
    expectNoToken(switched);
    // Cinder's endpoint carries the project id: requests now go to demo-2's.
    const volumes = await browser.send('/api/os/volumev3/volumes');
    expect(volumes.status).toBe(200);
    expect(json<SessionView>(await browser.send('/api/auth/session')).project.name).toBe('demo-2');

    const back = await browser.send('/api/auth/scope', { method: 'POST', json: { projectId: demoProject.id } });
    expect(back.status).toBe(200);
    expect(json<SessionView>(back).project.name).toBe('demo');
    expect((await browser.send('/api/os/compute/servers')).status).toBe(200);
  });

  it('refuses a project the user has no role on, and keeps the session', async () => {
    const { browser } = await signIn();
    const response = await browser.send('/api/auth/scope', { method: 'POST', json: { projectId: '00000000000000000000000000000000' } });
    expect(response.status).toBe(403);
    expect(json<ErrorBody>(response).error.code).toBe('scope_refused');
    expect((await browser.send('/api/auth/session')).status).toBe(200);
  });

  it('switches region, and refuses an unknown one', async () => {
    const { browser } = await signIn();
    const switched = await browser.send('/api/auth/scope', { method: 'POST', json: { region: 'RegionTwo' } });
    expect(switched.status).toBe(200);
    expect(json<SessionView>(switched).region).toBe('RegionTwo');
    expect((await browser.send('/api/os/network/v2.0/networks')).status).toBe(200);

    const refused = await browser.send('/api/auth/scope', { method: 'POST', json: { region: 'Atlantis' } });
    expect(refused.status).toBe(400);
    expect(json<ErrorBody>(refused).error.code).toBe('unknown_region');
    expect(json<SessionView>(await browser.send('/api/auth/session')).region).toBe('RegionTwo');
  });
});

describe('logout', () => {
  it('revokes the token in Keystone, destroys the session and clears the cookie', async () => {
    const { browser } = await signIn();
    const token = tokenInStore(zenith.config.server.sessionDb, browser.cookie);
    expect(token).toMatch(/^gAAAAA/);
    expect(await keystoneValidates(token)).toBe(200);

    const cookie = browser.cookie;
    const response = await browser.send('/api/auth/logout', { method: 'POST' });
    expect(response.status).toBe(204);
    expect(response.headers['set-cookie']?.join()).toMatch(/zenith\.sid=;.*Expires=Thu, 01 Jan 1970/);

    expect([401, 404]).toContain(await keystoneValidates(token));
    const replay = new TestBrowser(zenith.baseUrl);
    replay.cookie = cookie;
    expect(json<ErrorBody>(await replay.send('/api/auth/session')).error.code).toBe('no_session');
  });

  it('revokes the tokens of projects the session switched away from, which stay valid until then', async () => {
    const { browser } = await signIn();
    const demoToken = tokenInStore(zenith.config.server.sessionDb, browser.cookie);
    const { projects } = json<ProjectsResponse>(await browser.send('/api/auth/projects'));
    const demo2 = projects.find((project) => project.name === 'demo-2');
    expect((await browser.send('/api/auth/scope', { method: 'POST', json: { projectId: demo2?.id } })).status).toBe(200);
    const demo2Token = tokenInStore(zenith.config.server.sessionDb, browser.cookie);
    expect(demo2Token).not.toBe(demoToken);
    // A request sent just before the switch may still be on its way with the old token.
    expect(await keystoneValidates(demoToken)).toBe(200);

    expect((await browser.send('/api/auth/logout', { method: 'POST' })).status).toBe(204);
    expect([401, 404]).toContain(await keystoneValidates(demoToken));
    expect([401, 404]).toContain(await keystoneValidates(demo2Token));
  });

  it('needs the CSRF token', async () => {
    const { browser } = await signIn();
    const response = await browser.send('/api/auth/logout', { method: 'POST', csrf: false });
    expect(response.status).toBe(403);
    expect((await browser.send('/api/auth/session')).status).toBe(200);
  });
});

describe('logs', () => {
  it('never contain a token or a password', () => {
    expect(logs.lines.length).toBeGreaterThan(10);
    expect(logs.text).not.toContain('gAAAAA');
    expect(logs.text).not.toContain(`"${demo().password}"`);
  });
});
