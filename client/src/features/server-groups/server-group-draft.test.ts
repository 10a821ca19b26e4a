import { describe, expect, it } from 'vitest';
import { draftProblem, ruleOf, type ServerGroupDraft } from './server-group-draft';

const draft = (change: Partial<ServerGroupDraft>): ServerGroupDraft => ({ name: 'web', policy: 'anti-affinity', maxServerPerHost: '', ...change });

describe('server group draft', () => {
  it('sends max_server_per_host with anti-affinity only', () => {
    expect(ruleOf(draft({ maxServerPerHost: ' 2 ' }))).toEqual({ max_server_per_host: 2 });
    expect(ruleOf(draft({ maxServerPerHost: '' }))).toBeUndefined();
    expect(ruleOf(draft({ policy: 'soft-anti-affinity', maxServerPerHost: '2' }))).toBeUndefined();
  });

  it('refuses what Nova refuses: no name, spaces around it, a rule that is not a whole number of at least 1', () => {
    expect(draftProblem(draft({}))).toBeNull();
    expect(draftProblem(draft({ name: '' }))).toBe('server-groups.problems.nameMissing');
    expect(draftProblem(draft({ name: ' web' }))).toBe('server-groups.problems.nameSpaces');
    expect(draftProblem(draft({ name: 'x'.repeat(256) }))).toBe('server-groups.problems.nameTooLong');
    for (const bad of ['0', '1.5', '-1', 'two']) expect(draftProblem(draft({ maxServerPerHost: bad }))).toBe('server-groups.problems.ruleInvalid');
    // Another policy leaves the typed rule out instead of refusing it.
    expect(draftProblem(draft({ policy: 'affinity', maxServerPerHost: 'two' }))).toBeNull();
  });
});
