import { describe, expect, it } from 'vitest';
import { createFlavor, emptyFlavorDraft, flavorCompletionRequests, flavorCreateCli, flavorCreateRequest, flavorDraftProblems, type FlavorDraft } from './flavor-draft';
import type { Flavor } from '../../resources/flavors/types';

const draft = (patch: Partial<FlavorDraft>): FlavorDraft => ({ ...emptyFlavorDraft(), name: 'm1.custom', ...patch });
const created = { id: 'f-1', name: 'm1.custom' } as Flavor;

describe('flavorDraftProblems', () => {
  it('accepts the defaults once named, with an auto id and a root disk of 0 (the image size)', () => {
    expect(flavorDraftProblems(draft({ disk: '0' }))).toEqual({});
  });

  it("refuses what Nova's flavor schema refuses", () => {
    expect(
      flavorDraftProblems(
        draft({ name: ' padded', id: 'bad/id', vcpus: '0', ram: '1.5', disk: '-1', ephemeral: 'x', swap: '2147483648', rxtxFactor: '0' }),
      ),
    ).toEqual({
      name: 'invalidName',
      id: 'invalidId',
      vcpus: 'positiveInteger',
      ram: 'positiveInteger',
      disk: 'nonNegativeInteger',
      ephemeral: 'nonNegativeInteger',
      swap: 'nonNegativeInteger',
      rxtxFactor: 'positiveNumber',
    });
    expect(flavorDraftProblems(draft({ name: '' })).name).toBe('required');
    expect(flavorDraftProblems(draft({ id: ' x' })).id).toBe('invalidId');
  });

  it('ignores blank extra spec rows and refuses a bad key', () => {
    expect(flavorDraftProblems(draft({ extraSpecs: [{ key: '', value: '' }] }))).toEqual({});
    expect(flavorDraftProblems(draft({ extraSpecs: [{ key: '', value: 'orphan' }] })).extraSpecs).toBe('badKey');
  });
});

describe('the calls and the CLI of a new flavor', () => {
  const privateDraft = draft({
    id: '',
    vcpus: '2',
    ram: '256',
    disk: '0',
    isPublic: false,
    extraSpecs: [
      { key: 'hw:cpu_policy', value: 'shared' },
      { key: '', value: '' },
    ],
    projectIds: ['p-demo', 'p-other'],
  });

  it('creates with a null id (Nova generates one), numbers, and the visibility', () => {
    expect(flavorCreateRequest(privateDraft)).toEqual({
      method: 'POST',
      path: '/api/os/compute/flavors',
      body: {
        flavor: {
          name: 'm1.custom',
          id: null,
          vcpus: 2,
          ram: 256,
          disk: 0,
          'OS-FLV-EXT-DATA:ephemeral': 0,
          swap: 0,
          rxtx_factor: 1,
          'os-flavor-access:is_public': false,
        },
      },
      microversion: '2.75',
    });
  });

  it('then sets the filled extra specs and grants each project of a private flavor', () => {
    expect(flavorCompletionRequests(created, privateDraft).map(({ path, body }) => [path, body])).toEqual([
      ['/api/os/compute/flavors/f-1/os-extra_specs', { extra_specs: { 'hw:cpu_policy': 'shared' } }],
      ['/api/os/compute/flavors/f-1/action', { addTenantAccess: { tenant: 'p-demo' } }],
      ['/api/os/compute/flavors/f-1/action', { addTenantAccess: { tenant: 'p-other' } }],
    ]);
    expect(flavorCompletionRequests(created, { ...privateDraft, isPublic: true, extraSpecs: [] })).toEqual([]);
  });

  it('as one action: the completion calls are built from the flavor Nova answered the create with', () => {
    const [create, ...rest] = createFlavor.request(null, privateDraft);
    expect(rest).toEqual([]);
    const answered = { flavor: { ...created, id: 'f-from-nova', swap: '' as const } };
    expect(create!.followedBy!(answered).map(({ path }) => path)).toEqual([
      '/api/os/compute/flavors/f-from-nova/os-extra_specs',
      '/api/os/compute/flavors/f-from-nova/action',
      '/api/os/compute/flavors/f-from-nova/action',
    ]);
  });

  it('says the same with one `flavor create` (one project) and a `flavor set` per further project', () => {
    expect(flavorCreateCli(privateDraft)).toEqual([
      [
        'flavor', 'create', '--vcpus', '2', '--ram', '256', '--disk', '0', '--ephemeral', '0', '--swap', '0', '--rxtx-factor', '1.0',
        '--private', '--property', 'hw:cpu_policy=shared', '--project', 'p-demo', 'm1.custom',
      ],
      ['flavor', 'set', '--project', 'p-other', 'm1.custom'],
    ]);
    expect(flavorCreateCli(draft({ id: 'custom-1', description: 'For tests' }))[0]).toEqual([
      'flavor', 'create', '--id', 'custom-1', '--vcpus', '1', '--ram', '512', '--disk', '1', '--ephemeral', '0', '--swap', '0',
      '--rxtx-factor', '1.0', '--public', '--description', 'For tests', 'm1.custom',
    ]);
  });
});
