import { describe, expect, it } from 'vitest';
import { volumeTypesAdmin } from '../../testing/fixtures';
import { volumeTypeActions } from './actions';
import { specChanges, specEntriesProblem } from './inputs';

const privateType = volumeTypesAdmin.find((type) => !type.is_public)!;
const publicType = volumeTypesAdmin.find((type) => type.is_public)!;
const action = (id: string) => volumeTypeActions.find((candidate) => candidate.id === id)!;

describe('volume type extra specs', () => {
  it('sets what is new or changed and removes what is gone', () => {
    const current = { a: '1', b: '2', c: '3' };
    const entries = [{ key: 'a', value: '1' }, { key: 'b', value: '20' }, { key: 'd', value: '4' }, { key: ' ', value: '' }];
    expect(specChanges(current, entries)).toEqual({ set: { b: '20', d: '4' }, unset: ['c'] });
  });

  it('refuses a value without a key and a key given twice; the key syntax is left to Cinder', () => {
    expect(specEntriesProblem([{ key: '', value: 'x' }])).toBe('keyMissing');
    expect(specEntriesProblem([{ key: 'a', value: '1' }, { key: ' a', value: '2' }])).toBe('keyRepeated');
    expect(specEntriesProblem([{ key: 'bad/key', value: 'x' }])).toBeNull();
  });

  it('edits with one POST for the set specs and one DELETE per removed key, as two CLI commands', () => {
    const edit = action('extra-specs');
    const input = { specs: [{ key: 'replication', value: '<is> True' }] };
    expect(edit.request(privateType, input).map((request) => [request.method, request.path, request.body])).toEqual([
      ['POST', `/api/os/block-storage/types/${privateType.id}/extra_specs`, { extra_specs: { replication: '<is> True' } }],
      ['DELETE', `/api/os/block-storage/types/${privateType.id}/extra_specs/volume_backend_name`, undefined],
    ]);
    expect(edit.cli(privateType, input)).toEqual([
      ['volume', 'type', 'set', '--property', 'replication=<is> True', privateType.id],
      ['volume', 'type', 'unset', '--property', 'volume_backend_name', privateType.id],
    ]);
  });

  it('offers project access on private types only', () => {
    expect(action('grant-access').unavailableReason(privateType)).toBeNull();
    expect(action('grant-access').unavailableReason(publicType)).toBe('volume-types.access.publicType');
  });
});

describe('volume type QoS association', () => {
  it("sends Cinder's associate and disassociate as the GET calls they are, with the type as parameter", () => {
    const associated = { ...privateType, qos_specs_id: 'q1' };
    expect(action('associate-qos').request(privateType, 'q1')).toEqual([
      { method: 'GET', path: '/api/os/block-storage/qos-specs/q1/associate', params: { vol_type_id: privateType.id } },
    ]);
    expect(action('disassociate-qos').request(associated, undefined)).toEqual([
      { method: 'GET', path: '/api/os/block-storage/qos-specs/q1/disassociate', params: { vol_type_id: privateType.id } },
    ]);
    expect(action('disassociate-qos').cli(associated, undefined)).toEqual([['volume', 'qos', 'disassociate', '--volume-type', privateType.id, 'q1']]);
    expect(action('associate-qos').unavailableReason(associated)).toBe('volume-types.actions.associate-qos.unavailable');
    expect(action('disassociate-qos').unavailableReason(privateType)).toBe('volume-types.actions.disassociate-qos.unavailable');
  });
});
