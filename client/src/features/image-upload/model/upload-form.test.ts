import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { addSample, measureProgress } from './progress';
import { nameFromFile, toImageCreateBody } from './image-metadata';
import { initialUploadValues, uploadFormSchema, type UploadFormValues } from './upload-form';

const t = ((key: string) => key) as unknown as TFunction;
const file = new File(['QFI\xfb'], 'noble.qcow2');
const filled: UploadFormValues = {
  ...initialUploadValues,
  file,
  name: ' noble ',
  diskFormat: 'qcow2',
  osType: 'linux',
  osDistro: 'ubuntu',
  minDisk: Number.NaN,
  minRam: 512,
  protected: true,
  properties: [{ key: 'hw_disk_bus', value: 'virtio' }],
};

describe('uploadFormSchema', () => {
  const schema = uploadFormSchema(t);
  it('accepts a filled form, an empty minimum counting as 0', () => {
    expect(schema.safeParse(filled).success).toBe(true);
  });

  it('asks for a file and a name', () => {
    const paths = schema.safeParse(initialUploadValues).error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['file', 'name']));
  });

  it('refuses reserved and attribute property keys, and negative or fractional sizes', () => {
    const result = schema.safeParse({
      ...filled,
      minDisk: -1,
      minRam: 1.5,
      properties: [
        { key: 'os_glance_import_task', value: 'x' },
        { key: 'min_disk', value: '1' },
      ],
    });
    const messages = Object.fromEntries(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]) ?? []);
    expect(messages).toEqual({
      minDisk: 'image-upload.errors.size',
      minRam: 'image-upload.errors.size',
      'properties.0.key': 'image-upload.errors.keyReserved',
      'properties.1.key': 'image-upload.errors.keyReserved',
    });
  });

  it('refuses a key used twice', () => {
    const properties = [{ key: 'a', value: '1' }, { key: 'a ', value: '2' }];
    const issues = schema.safeParse({ ...filled, properties }).error?.issues;
    expect(issues?.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['properties.1.key', 'image-upload.errors.keyDuplicate']]);
  });
});

describe('toImageCreateBody', () => {
  it('sends the seed properties only when set, free-form ones as strings, and never protected', () => {
    expect(toImageCreateBody(filled)).toEqual({
      name: 'noble',
      disk_format: 'qcow2',
      container_format: 'bare',
      visibility: 'private',
      min_disk: 0,
      min_ram: 512,
      os_type: 'linux',
      os_distro: 'ubuntu',
      hw_disk_bus: 'virtio',
    });
  });

  it('names the image after its file', () => {
    expect(nameFromFile('debian-12-genericcloud-amd64.qcow2')).toBe('debian-12-genericcloud-amd64');
    expect(nameFromFile('archive.tar')).toBe('archive.tar');
  });
});

describe('measureProgress', () => {
  it('measures speed over the last seconds and the time left', () => {
    let samples = addSample([], { at: 0, loaded: 0 });
    samples = addSample(samples, { at: 1000, loaded: 10 * 1024 * 1024 });
    samples = addSample(samples, { at: 2000, loaded: 20 * 1024 * 1024 });
    expect(measureProgress(samples, 100 * 1024 * 1024)).toEqual({
      loaded: 20 * 1024 * 1024,
      total: 100 * 1024 * 1024,
      bytesPerSecond: 10 * 1024 * 1024,
      secondsLeft: 8,
    });
  });

  it('forgets samples older than the window, so a stall shows', () => {
    let samples = addSample([], { at: 0, loaded: 0 });
    samples = addSample(samples, { at: 1000, loaded: 50 });
    samples = addSample(samples, { at: 10_000, loaded: 50 });
    samples = addSample(samples, { at: 11_000, loaded: 50 });
    expect(measureProgress(samples, 100)).toMatchObject({ bytesPerSecond: 0, secondsLeft: undefined });
  });

  it('knows no speed from a single sample', () => {
    expect(measureProgress(addSample([], { at: 5, loaded: 1 }), 10)).toEqual({ loaded: 1, total: 10 });
  });
});
