import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { imageImportArgv, importFormSchema, importUrl, initialImportValues, suggestionsFromUrl } from './import-form';

const t = ((key: string) => key) as unknown as TFunction;

describe('importUrl', () => {
  it('takes absolute http and https URLs only (Glance’s web-download schemes)', () => {
    expect(importUrl(' https://cloud-images.example/noble.img ')?.href).toBe('https://cloud-images.example/noble.img');
    expect(importUrl('http://127.0.0.1:9299/d.qcow2')?.port).toBe('9299');
    for (const refused of ['ftp://host/d.img', 'file:///etc/passwd', '/relative/d.img', 'javascript:alert(1)', 'http://', '']) {
      expect(importUrl(refused), refused).toBeUndefined();
    }
  });
});

describe('importFormSchema', () => {
  const schema = importFormSchema(t);
  const issues = (uri: string) =>
    schema.safeParse({ ...initialImportValues, name: 'noble', uri }).error?.issues.map((issue) => [issue.path.join('.'), issue.message]);

  it('asks for a URL, then for an http(s) one', () => {
    expect(issues('')).toEqual([['uri', 'image-upload.errors.urlRequired']]);
    expect(issues('ftp://host/noble.img')).toEqual([['uri', 'image-upload.errors.url']]);
    expect(issues('https://host/noble.img')).toBeUndefined();
  });

  it('checks the metadata as the upload does: one key per property', () => {
    const properties = [{ key: 'a', value: '1' }, { key: 'a ', value: '2' }];
    const result = schema.safeParse({ ...initialImportValues, name: 'noble', uri: 'https://host/x', properties });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['properties.1.key', 'image-upload.errors.keyDuplicate']]);
  });
});

describe('suggestionsFromUrl', () => {
  it('names the image after the URL’s file and reads its format from the extension', () => {
    expect(suggestionsFromUrl('https://host/releases/noble%20server.qcow2?sig=1')).toEqual({ name: 'noble server', diskFormat: 'qcow2' });
    expect(suggestionsFromUrl('https://host/debian-12.raw')).toEqual({ name: 'debian-12', diskFormat: 'raw' });
    expect(suggestionsFromUrl('https://host/bad%zz.iso')).toEqual({ name: 'bad%zz', diskFormat: 'iso' });
    expect(suggestionsFromUrl('https://host/')).toEqual({});
    expect(suggestionsFromUrl('not a url')).toEqual({});
  });
});

describe('imageImportArgv', () => {
  it('is the record then its import by name', () => {
    const argv = imageImportArgv({ ...initialImportValues, name: ' noble ', diskFormat: 'qcow2', osDistro: 'ubuntu', uri: 'https://host/noble.img' });
    expect(argv).toEqual([
      ['image', 'create', '--disk-format', 'qcow2', '--container-format', 'bare', '--private', '--unprotected', '--min-disk', '0', '--min-ram', '0', '--property', 'os_distro=ubuntu', 'noble'],
      ['image', 'import', '--method', 'web-download', '--uri', 'https://host/noble.img', 'noble'],
    ]);
  });
});
