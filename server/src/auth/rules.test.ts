// The sign-in and scope rules against a fake Keystone: no network, every call it received on record.
import { describe, expect, it } from 'vitest';
import type { KeystoneProject } from '../contract/projects.js';
import { LoginRequest, ScopeRequest } from '../contract/session.js';
import { ApiError } from '../http/errors.js';
import type { KeystoneCatalogEntry, KeystoneToken } from '../openstack/keystone-types.js';
import type { IssuedToken, KeystoneAuth, PasswordCredentials } from '../openstack/keystone.js';
import { sampleAuth, sampleCatalog } from '../testing/harness.js';
import { changeScope, projectViews, signIn, type AuthRulesContext } from './rules.js';

const domain = { id: 'default', name: 'Default' };

function token(projectId: string | undefined, catalog: KeystoneCatalogEntry[] = sampleCatalog()): KeystoneToken {
  return {
    methods: ['password'],
    user: { id: 'u1', name: 'demo', domain },
    audit_ids: ['a'],
    expires_at: '2030-01-01T00:00:00.000000Z',
    issued_at: '2029-12-31T23:00:00.000000Z',
    ...(projectId ? { project: { id: projectId, name: `${projectId}-name`, domain }, roles: [{ id: 'r', name: 'member' }], catalog } : {}),
  };
}

/** Keystone as the rules see it: answers from the test, and a log of what was asked. */
class FakeKeystone implements KeystoneAuth {
  readonly calls: string[] = [];
  private issued = 0;
  defaultProject: string | undefined = 'p-default';
  projects: KeystoneProject[] = [];
  catalog: KeystoneCatalogEntry[] = sampleCatalog();
  refuseRescope: ApiError | undefined;
  refuseRevoke = false;

  private issue(projectId: string | undefined): IssuedToken {
    this.issued += 1;
    return { id: `t${this.issued}`, token: token(projectId, this.catalog) };
  }

  async passwordLogin(credentials: PasswordCredentials): Promise<IssuedToken> {
    this.calls.push(`login ${credentials.userDomain}/${credentials.username} ${credentials.project ? `${credentials.project.domain}/${credentials.project.name}` : '-'}`);
    return this.issue(credentials.project ? `p-${credentials.project.name}` : this.defaultProject);
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

describe('changeScope', () => {
  const current = sampleAuth({ token: 'current', retiredTokens: ['older'], region: 'RegionTwo' });

  it('rescopes to another project, keeps the region when the new catalog has it, and retires the tokens it leaves', async () => {
    const keystone = new FakeKeystone();
    const next = await changeScope(rules(keystone).context, current, ScopeRequest.parse({ projectId: 'p-other' }));
    expect(next).toMatchObject({ token: 't1', project: { id: 'p-other' }, region: 'RegionTwo', retiredTokens: ['current', 'older'] });
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
