import { describe, expect, it } from 'vitest';
import type { Volume } from '../../resources/volumes/types';
import { emptyNewVolume, imageMinimumGiB, metadataChanges, newVolumeBody, newVolumeCli, newVolumeProblem, parseMetadata } from './volume-draft';

const gib = 1024 ** 3;

describe('volume drafts', () => {
  it("sizes an image's volume as Cinder checks it: min_disk, size and virtual size rounded up", () => {
    expect(imageMinimumGiB({ min_disk: 0, size: 196_616, virtual_size: null })).toBe(1);
    expect(imageMinimumGiB({ min_disk: 2, size: gib, virtual_size: 3 * gib + 1 })).toBe(4);
    expect(imageMinimumGiB({ min_disk: 5, size: gib, virtual_size: gib })).toBe(5);
  });

  it('refuses a missing source, a bad size, a size below the source and a full per-type quota', () => {
    const draft = { ...emptyNewVolume(), source: 'image' as const };
    expect(newVolumeProblem(draft)).toBe('sourceMissing');
    expect(newVolumeProblem({ ...draft, sourceId: 'i1', size: '1.5' })).toBe('sizeInvalid');
    expect(newVolumeProblem({ ...draft, sourceId: 'i1', size: '1', minimumGiB: 2 })).toBe('sizeBelowSource');
    expect(newVolumeProblem({ ...draft, sourceId: 'i1', size: '2', minimumGiB: 2, typeQuota: [{ id: 'gigabytes', used: 9, limit: 10 }] })).toBe('typeQuota');
    expect(newVolumeProblem({ ...draft, sourceId: 'i1', size: '1', typeQuota: [{ id: 'gigabytes', used: 9, limit: 10 }] })).toBeNull();
  });

  it('sends the source as Cinder names it, and bootable after the create except for an image', () => {
    const draft = { ...emptyNewVolume(), source: 'snapshot' as const, sourceId: 's1', size: '3', name: ' data ', bootable: true };
    expect(newVolumeBody(draft)).toEqual({ volume: { size: 3, name: 'data', snapshot_id: 's1' } });
    expect(newVolumeCli(draft)).toEqual([['volume', 'create', '--size', '3', '--snapshot', 's1', '--bootable', 'data']]);
    expect(newVolumeCli({ ...draft, source: 'image', sourceId: 'i1' })).toEqual([['volume', 'create', '--size', '3', '--image', 'i1', 'data']]);
  });

  it("sets and unsets only what changed, and leaves Cinder's own keys alone", () => {
    const volume = { metadata: { a: '1', b: '2', readonly: 'True' } } as unknown as Volume;
    expect(metadataChanges(volume, 'a=1\nc = 3\n')).toEqual({ set: { c: '3' }, unset: ['b'] });
    expect(parseMetadata('readonly=False').problem).toBe('metadataReserved');
    expect(parseMetadata('=x').problem).toBe('metadataLine');
  });
});
