import { describe, expect, it } from 'vitest';
import { createApplicationCredentialCli } from '../../resources/application-credentials/application-credentials';
import { createBody, draftProblem, expiryInUtc, initialDraft, type ApplicationCredentialDraft } from './application-credential-draft';

const now = Date.parse('2026-12-07T12:00:00Z');
const draft = (changes: Partial<ApplicationCredentialDraft>): ApplicationCredentialDraft => ({ ...initialDraft(['member', 'reader']), name: 'ci', ...changes });

describe('application credential draft', () => {
  it('starts with every role of the user ticked, no expiry, no rule, restricted', () => {
    expect(initialDraft(['member', 'reader'])).toEqual({ name: '', description: '', expiresAt: '', roles: ['member', 'reader'], accessRules: [], unrestricted: false });
  });

  it('says what is missing before it can be sent', () => {
    expect(draftProblem(draft({ name: '  ' }), now)).toBe('api-access.appCredentials.form.nameRequired');
    expect(draftProblem(draft({ name: 'x'.repeat(256) }), now)).toBe('api-access.appCredentials.form.nameTooLong');
    expect(draftProblem(draft({ roles: [] }), now)).toBe('api-access.appCredentials.form.rolesRequired');
    expect(draftProblem(draft({ expiresAt: 'soon' }), now)).toBe('api-access.appCredentials.form.expiryInvalid');
    expect(draftProblem(draft({ expiresAt: '2020-01-01T00:00' }), now)).toBe('api-access.appCredentials.form.expiryPast');
    expect(draftProblem(draft({ accessRules: [{ method: 'GET', path: 'servers', service: 'compute' }] }), now)).toBe('api-access.appCredentials.form.rulePathInvalid');
    expect(draftProblem(draft({ accessRules: [{ method: 'GET', path: `/${'a'.repeat(225)}`, service: 'compute' }] }), now)).toBe('api-access.appCredentials.form.rulePathInvalid');
    expect(draftProblem(draft({ accessRules: [{ method: 'GET', path: '/v2.1/servers', service: '' }] }), now)).toBe('api-access.appCredentials.form.ruleServiceRequired');
    expect(draftProblem(draft({ expiresAt: '2030-01-01T00:00', accessRules: [{ method: 'GET', path: '/v2.1/servers', service: 'compute' }] }), now)).toBeNull();
  });

  it('sends the expiry typed in local time as UTC, the way the CLI takes it', () => {
    const utc = expiryInUtc('2030-06-15T09:30');
    expect(utc).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(new Date(`${utc}Z`).getTime()).toBe(new Date('2030-06-15T09:30').getTime());
    expect(expiryInUtc('')).toBeUndefined();
  });

  it('becomes the body Keystone takes, with only what was given', () => {
    expect(createBody(draft({ name: ' ci ', roles: ['reader'] }))).toEqual({ application_credential: { name: 'ci', roles: [{ name: 'reader' }], unrestricted: false } });
    const full = createBody(
      draft({
        description: 'the runner',
        expiresAt: '2030-06-15T09:30',
        unrestricted: true,
        accessRules: [{ method: 'GET', path: '/v2.1/servers/**', service: 'compute' }],
      }),
    );
    expect(full.application_credential).toMatchObject({
      description: 'the runner',
      expires_at: expiryInUtc('2030-06-15T09:30'),
      roles: [{ name: 'member' }, { name: 'reader' }],
      unrestricted: true,
      access_rules: [{ method: 'GET', path: '/v2.1/servers/**', service: 'compute' }],
    });
    expect(createApplicationCredentialCli(full)).toEqual([
      'application',
      'credential',
      'create',
      '--description',
      'the runner',
      '--expiration',
      expiryInUtc('2030-06-15T09:30'),
      '--role',
      'member',
      '--role',
      'reader',
      '--unrestricted',
      '--access-rules',
      '[{"method":"GET","path":"/v2.1/servers/**","service":"compute"}]',
      'ci',
    ]);
  });
});
