// The sign-in and scope rules against a fake Keystone: no network, every call it received on record.
import { describe, expect, it } from 'vitest';
import type { KeystoneProject } from '../contract/projects.js';
import { LoginRequest, RenewRequest, ScopeRequest } from '../contract/session.js';
import { ApiError } from '../http/errors.js';
import type { KeystoneCatalogEntry, KeystoneToken } from '../openstack/keystone-types.js';
import type {
  ApplicationCredentialSecret,
  AuthReceipt,
  IssuedToken,
  KeystoneAuth,
  PasswordCredentials,
  ProjectRef,
} from '../openstack/keystone.js';
import { ApplicationCredentialLoginRequest } from '../contract/session.js';
import { sampleAuth, sampleCatalog } from '../testing/harness.js';
import {
  changeScope,
  continueRenewalWithTotp,
  continueWithTotp,
  projectViews,
  renewSignIn,
  signIn,
  signInWithApplicationCredential,
  type AuthRulesContext,
  type PendingTotp,
} from './rules.js';

const domain = { id: 'default', name: 'Default' };

function token(projectId: string | undefined, catalog: KeystoneCatalogEntry[] = sampleCatalog(), userName = 'demo'): KeystoneToken {
  return {
    methods: ['password'],
    user: { id: userName === 'demo' ? 'u1' : `u-${userName}`, name: userName, domain },
    audit_ids: ['a'],
    expires_at: '2030-01-01T00:00:00.000000Z',
    issued_at: '2029-12-31T23:00:00.000000Z',
    ...(projectId ? { project: { id: projectId, name: `${projectId}-name`, domain }, roles: [{ id: 'r', name: 'member' }], catalog } : {}),
  };
}

const described = (project: ProjectRef | undefined) => (!project ? '-' : 'id' in project ? `#${project.id}` : `${project.domain}/${project.name}`);
const projectIdOf = (project: ProjectRef | undefined) => (!project ? undefined : 'id' in project ? project.id : `p-${project.name}`);

/** Keystone as the rules see it: answers from the test, and a log of what was asked. */
class FakeKeystone implements KeystoneAuth {
  readonly calls: string[] = [];
  private issued = 0;
  defaultProject: string | undefined = 'p-default';
  projects: KeystoneProject[] = [];
  catalog: KeystoneCatalogEntry[] = sampleCatalog();
  refuseRescope: ApiError | undefined;
  refuseRevoke = false;
  /** The user's multi-factor rules: a password alone then gets a receipt. */
  mfaRules: string[][] | undefined;
  /** The code the TOTP step accepts. */
  passcode = '123456';

  private issue(projectId: string | undefined, methods = ['password'], userName = 'demo'): IssuedToken {
    this.issued += 1;
    return { id: `t${this.issued}`, token: { ...token(projectId, this.catalog, userName), methods } };
  }

  private receipt(methods: string[], userName = 'demo'): AuthReceipt {
    return {
      receipt: 'receipt-1',
      methods,
      requiredMethods: this.mfaRules ?? [],
      user: { id: userName === 'demo' ? 'u1' : `u-${userName}`, name: userName, domain },
      expiresAt: '2030-01-01T00:05:00.000Z',
      requestId: 'req-receipt',
    };
  }

  async passwordLogin(credentials: PasswordCredentials): Promise<IssuedToken | AuthReceipt> {
    this.calls.push(`login ${credentials.userDomain}/${credentials.username} ${described(credentials.project)}`);
    if (this.mfaRules) return this.receipt(['password'], credentials.username);
    return this.issue(projectIdOf(credentials.project) ?? this.defaultProject, ['password'], credentials.username);
  }

  async totpLogin(receipt: string, userId: string, passcode: string, project?: ProjectRef): Promise<IssuedToken | AuthReceipt> {
    this.calls.push(`totp ${receipt} ${userId} ${passcode} ${described(project)}`);
    if (passcode !== this.passcode) throw new ApiError(401, 'The request you have made requires authentication.', { requestId: 'req-k', code: 'unauthorized' });
    if (this.mfaRules?.every((rule) => rule.some((method) => method !== 'password' && method !== 'totp'))) return this.receipt(['password', 'totp']);
    return this.issue(projectIdOf(project) ?? this.defaultProject, ['password', 'totp']);
  }

  async applicationCredentialLogin(credential: ApplicationCredentialSecret): Promise<IssuedToken> {
    this.calls.push('id' in credential ? `appcred ${credential.id}` : `appcred ${credential.user.domain}/${credential.user.name}/${credential.name}`);
    const issued = this.issue('p-appcred', ['application_credential']);
    return { ...issued, token: { ...issued.token, application_credential: { id: 'ac1', name: 'ci', restricted: true } } };
  }

  async rescope(tokenId: string, projectId: string): Promise<IssuedToken> {
    this.calls.push(`rescope ${tokenId} ${projectId}`);
    if (this.refuseRescope) throw this.refuseRescope;
    return this.issue(projectId);
  }

  async listAuthProjects(tokenId: string): Promise<KeystoneProject[]> {
    this.calls.push(`projects ${tokenId}`);
    return this.projects;
  }

  async revoke(tokenId: string): Promise<void> {
    this.calls.push(`revoke ${tokenId}`);
    if (this.refuseRevoke) throw new ApiError(502, 'Keystone is unreachable');
  }
}

function rules(keystone: FakeKeystone, configuredRegion: string | undefined = 'RegionOne') {
  const revokeFailures: unknown[] = [];
  const context: AuthRulesContext = { keystone, configuredRegion, onRevokeFailure: (error) => revokeFailures.push(error) };
  return { context, revokeFailures };
}

const login = (body: Record<string, unknown>) => LoginRequest.parse({ username: 'demo', password: 'secret', ...body });

describe('signIn', () => {
  it("takes the project asked for, in the user's domain unless another is named", async () => {
    const keystone = new FakeKeystone();
    const auth = await signIn(rules(keystone).context, login({ project: 'web' }));
    expect(auth).toMatchObject({ token: 't1', project: { id: 'p-web' }, region: 'RegionOne', retiredTokens: [] });
    await signIn(rules(keystone).context, login({ project: 'web', projectDomain: 'Other', userDomain: 'Corp' }));
    expect(keystone.calls).toEqual(['login Default/demo Default/web', 'login Corp/demo Other/web']);
  });

  it("keeps Keystone's default project, and prefers the region asked for, then the configured one, then the catalog's first", async () => {
    const keystone = new FakeKeystone();
    expect(await signIn(rules(keystone).context, login({ region: 'RegionTwo' }))).toMatchObject({ project: { id: 'p-default' }, region: 'RegionTwo' });
    expect((await signIn(rules(keystone, 'RegionTwo').context, login({}))).region).toBe('RegionTwo');
    expect((await signIn(rules(keystone, 'Atlantis').context, login({}))).region).toBe('RegionOne');
    expect(keystone.calls.every((call) => call.startsWith('login'))).toBe(true);
  });

  it("scopes an unscoped token to the user's first enabled project and revokes the unscoped one", async () => {
    const keystone = new FakeKeystone();
    keystone.defaultProject = undefined;
    keystone.projects = [
      { id: 'p-off', name: 'off', domain_id: 'default', enabled: false },
      { id: 'p-on', name: 'on', domain_id: 'default', enabled: true },
    ];
    const auth = await signIn(rules(keystone).context, login({}));
    expect(auth).toMatchObject({ token: 't2', project: { id: 'p-on' } });
    expect(keystone.calls).toEqual(['login Default/demo -', 'projects t1', 'rescope t1 p-on', 'revoke t1']);
  });

  it('refuses a user without any project (403 no_project), still revoking the unscoped token', async () => {
    const keystone = new FakeKeystone();
    keystone.defaultProject = undefined;
    await expect(signIn(rules(keystone).context, login({}))).rejects.toMatchObject({ status: 403, code: 'no_project' });
    expect(keystone.calls.at(-1)).toBe('revoke t1');
  });

  it('refuses a region the catalog lacks (400) and revokes the token it got', async () => {
    const keystone = new FakeKeystone();
    await expect(signIn(rules(keystone).context, login({ region: 'Atlantis' }))).rejects.toMatchObject({
      status: 400,
      code: 'unknown_region',
    });
    expect(keystone.calls).toEqual(['login Default/demo -', 'revoke t1']);
  });

  it('answers 502 no_region for a catalog without regions, and a failed revocation only reports', async () => {
    const keystone = new FakeKeystone();
    keystone.catalog = [];
    keystone.refuseRevoke = true;
    const { context, revokeFailures } = rules(keystone);
    await expect(signIn(context, login({}))).rejects.toMatchObject({ status: 502, code: 'no_region' });
    expect(revokeFailures).toHaveLength(1);
  });
});

describe('signIn with multi-factor rules', () => {
  const pendingOf = async (keystone: FakeKeystone, body: Record<string, unknown> = {}) =>
    (await signIn(rules(keystone).context, login(body))) as PendingTotp;

  it('keeps the receipt (never the password) and the scope asked for, then completes with the code', async () => {
    const keystone = new FakeKeystone();
    keystone.mfaRules = [['password', 'totp']];
    const pending = await pendingOf(keystone, { project: 'web', region: 'RegionTwo' });
    expect(pending).toEqual({
      receipt: 'receipt-1',
      user: { id: 'u1', name: 'demo', domain: 'Default' },
      project: { name: 'web', domain: 'Default' },
      region: 'RegionTwo',
      expiresAt: '2030-01-01T00:05:00.000Z',
    });
    expect(JSON.stringify(pending)).not.toContain('secret');
    const auth = await continueWithTotp(rules(keystone).context, pending, '123456', Date.parse('2030-01-01T00:00:00Z'));
    expect(auth).toMatchObject({ project: { id: 'p-web' }, region: 'RegionTwo', signIn: { methods: ['password', 'totp'] } });
    expect(keystone.calls).toEqual(['login Default/demo Default/web', 'totp receipt-1 u1 123456 Default/web']);
  });

  it("passes Keystone's refusal of a wrong code on, and refuses a receipt that has expired without asking Keystone", async () => {
    const keystone = new FakeKeystone();
    keystone.mfaRules = [['password', 'totp']];
    const pending = await pendingOf(keystone);
    const before = Date.parse('2030-01-01T00:00:00Z');
    await expect(continueWithTotp(rules(keystone).context, pending, '000000', before)).rejects.toMatchObject({
      status: 401,
      message: 'The request you have made requires authentication.',
      requestId: 'req-k',
    });
    await expect(continueWithTotp(rules(keystone).context, pending, '123456', Date.parse(pending.expiresAt))).rejects.toMatchObject({
      status: 401,
      code: 'login_restart',
    });
    expect(keystone.calls.filter((call) => call.startsWith('totp'))).toHaveLength(1);
  });

  it('says which rules it cannot satisfy when a TOTP code would not be enough (401 mfa_unsupported)', async () => {
    const keystone = new FakeKeystone();
    keystone.mfaRules = [['password', 'mapped']];
    await expect(signIn(rules(keystone).context, login({}))).rejects.toMatchObject({
      status: 401,
      code: 'mfa_unsupported',
      message: 'Keystone requires password + mapped for this user; Zenith can add a TOTP code, nothing else',
      requestId: 'req-receipt',
    });
  });
});

describe('signInWithApplicationCredential', () => {
  it("authenticates by id, or by name with the user, and binds the session to the credential's project", async () => {
    const keystone = new FakeKeystone();
    const byId = await signInWithApplicationCredential(rules(keystone).context, ApplicationCredentialLoginRequest.parse({ id: 'ac1', secret: 's' }));
    expect(byId).toMatchObject({
      project: { id: 'p-appcred' },
      signIn: { methods: ['application_credential'], applicationCredential: { id: 'ac1', name: 'ci' } },
    });
    await signInWithApplicationCredential(
      rules(keystone).context,
      ApplicationCredentialLoginRequest.parse({ name: 'ci', username: 'demo', secret: 's' }),
    );
    expect(keystone.calls).toEqual(['appcred ac1', 'appcred Default/demo/ci']);
    // Such a session cannot switch project: Keystone would refuse to rescope its token anyway.
    await expect(changeScope(rules(keystone).context, byId, ScopeRequest.parse({ projectId: 'p-other' }))).rejects.toMatchObject({
      status: 403,
      code: 'scope_locked',
    });
    expect((await changeScope(rules(keystone).context, byId, ScopeRequest.parse({ region: 'RegionTwo' }))).region).toBe('RegionTwo');
  });

  it('refuses a body naming both an id and a name, or a name without its user', () => {
    expect(ApplicationCredentialLoginRequest.safeParse({ id: 'a', name: 'b', username: 'u', secret: 's' }).success).toBe(false);
    expect(ApplicationCredentialLoginRequest.safeParse({ name: 'b', secret: 's' }).success).toBe(false);
    expect(ApplicationCredentialLoginRequest.safeParse({ id: 'a', secret: '' }).success).toBe(false);
  });
});

describe('changeScope', () => {
  const current = sampleAuth({ token: 'current', retiredTokens: ['older'], region: 'RegionTwo', signIn: { methods: ['password'] } });

  it('rescopes to another project, keeps the region when the new catalog has it, and retires the tokens it leaves', async () => {
    const keystone = new FakeKeystone();
    const next = await changeScope(rules(keystone).context, current, ScopeRequest.parse({ projectId: 'p-other' }));
    expect(next).toMatchObject({ token: 't1', project: { id: 'p-other' }, region: 'RegionTwo', retiredTokens: ['current', 'older'] });
    expect(next.signIn).toBe(current.signIn);
    expect(keystone.calls).toEqual(['rescope current p-other']);
  });

  it('switches region alone without asking Keystone, and refuses one outside the catalog', async () => {
    const keystone = new FakeKeystone();
    const { context } = rules(keystone);
    expect(await changeScope(context, current, ScopeRequest.parse({ region: 'RegionOne' }))).toEqual({ ...current, region: 'RegionOne' });
    expect(await changeScope(context, current, ScopeRequest.parse({ projectId: current.project.id }))).toBe(current);
    await expect(changeScope(context, current, ScopeRequest.parse({ region: 'Atlantis' }))).rejects.toMatchObject({ status: 400 });
    expect(keystone.calls).toEqual([]);
  });

  it("turns Keystone's 401 for a project without a role into a refusal (403 scope_refused) with Keystone's request id", async () => {
    const keystone = new FakeKeystone();
    keystone.refuseRescope = new ApiError(401, 'The request you have made requires authentication.', { requestId: 'req-k', code: 'unauthorized' });
    await expect(changeScope(rules(keystone).context, current, ScopeRequest.parse({ projectId: 'p-none' }))).rejects.toMatchObject({
      status: 403,
      code: 'scope_refused',
      requestId: 'req-k',
    });
  });

  it('revokes the new token when the region asked for is not in the new catalog', async () => {
    const keystone = new FakeKeystone();
    const request = ScopeRequest.parse({ projectId: 'p-other', region: 'Atlantis' });
    await expect(changeScope(rules(keystone).context, current, request)).rejects.toMatchObject({ code: 'unknown_region' });
    expect(keystone.calls).toEqual(['rescope current p-other', 'revoke t1']);
  });
});

describe('renewSignIn', () => {
  const current = sampleAuth({ token: 'current', retiredTokens: ['older'], region: 'RegionTwo', signIn: { methods: ['password'] } });
  const renewal = (body: Record<string, unknown>) => RenewRequest.parse(body);

  it("asks Keystone for a token of the session's project by id, keeps its region, and retires the tokens it held", async () => {
    const keystone = new FakeKeystone();
    const next = await renewSignIn(rules(keystone).context, current, renewal({ method: 'password', username: 'demo', password: 'pw' }));
    expect(next).toMatchObject({ token: 't1', user: { id: 'u1' }, project: { id: current.project.id }, region: 'RegionTwo', retiredTokens: ['current', 'older'] });
    expect(keystone.calls).toEqual([`login Default/demo #${current.project.id}`]);
  });

  it("refuses another user's password (409 renew_other_user) and revokes the token Keystone gave", async () => {
    const keystone = new FakeKeystone();
    await expect(renewSignIn(rules(keystone).context, current, renewal({ method: 'password', username: 'admin', password: 'pw' }))).rejects.toMatchObject({
      status: 409,
      code: 'renew_other_user',
      message: "These credentials are user admin's (domain Default), and this session is demo's: to work as admin, sign out, then sign in",
    });
    expect(keystone.calls.at(-1)).toBe('revoke t1');
  });

  it('goes through the TOTP step for a user whose rules want it, scoped to the same project', async () => {
    const keystone = new FakeKeystone();
    keystone.mfaRules = [['password', 'totp']];
    const pending = (await renewSignIn(rules(keystone).context, current, renewal({ method: 'password', username: 'demo', password: 'pw' }))) as PendingTotp;
    expect(pending).toMatchObject({ receipt: 'receipt-1', project: { id: current.project.id }, region: 'RegionTwo' });
    const next = await continueRenewalWithTotp(rules(keystone).context, current, pending, '123456', Date.parse('2030-01-01T00:00:00Z'));
    expect(next).toMatchObject({ token: 't1', project: { id: current.project.id }, signIn: { methods: ['password', 'totp'] } });
    expect(keystone.calls.at(-1)).toBe(`totp receipt-1 u1 123456 #${current.project.id}`);
    // Another user's receipt asks for no code at all.
    await expect(renewSignIn(rules(keystone).context, current, renewal({ method: 'password', username: 'mfa', password: 'pw' }))).rejects.toMatchObject({
      code: 'renew_other_user',
    });
  });

  it("renews an application credential's session with its secret only, and refuses the other way in either way round", async () => {
    const keystone = new FakeKeystone();
    const bound = sampleAuth({ token: 'current', project: { id: 'p-appcred', name: 'demo', domain }, signIn: { methods: ['application_credential'], applicationCredential: { id: 'ac1', name: 'ci' } } });
    const next = await renewSignIn(rules(keystone).context, bound, renewal({ method: 'application_credential', secret: 's' }));
    expect(next).toMatchObject({ token: 't1', project: { id: 'p-appcred' }, signIn: { applicationCredential: { id: 'ac1' } }, retiredTokens: ['current'] });
    expect(keystone.calls).toEqual(['appcred ac1']);
    await expect(renewSignIn(rules(keystone).context, bound, renewal({ method: 'password', username: 'demo', password: 'pw' }))).rejects.toMatchObject({
      status: 409,
      code: 'renew_other_method',
    });
    await expect(renewSignIn(rules(keystone).context, current, renewal({ method: 'application_credential', secret: 's' }))).rejects.toMatchObject({
      code: 'renew_other_method',
    });
    expect(keystone.calls).toEqual(['appcred ac1']);
  });
});

describe('projectViews', () => {
  it("names the domains the session knows and leaves the others to the id", () => {
    const auth = sampleAuth();
    const views = projectViews(
      [
        { id: 'a', name: 'alpha', domain_id: 'default', enabled: true, description: null },
        { id: 'b', name: 'beta', domain_id: 'elsewhere', enabled: false, description: 'Beta' },
      ],
      auth,
    );
    expect(views).toEqual([
      { id: 'a', name: 'alpha', domainId: 'default', domainName: 'Default', description: undefined, enabled: true },
      { id: 'b', name: 'beta', domainId: 'elsewhere', domainName: undefined, description: 'Beta', enabled: false },
    ]);
  });
});
