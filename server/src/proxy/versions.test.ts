import { describe, expect, it } from 'vitest';
import { UpstreamClient } from '../http/upstream.js';
import { sampleAuth, sampleCatalog } from '../testing/harness.js';
import { pickVersion, serviceVersion, ServiceVersionCache, versionDocumentUrls, type OpenStackVersionDocument } from './versions.js';

// Version documents as the services' API references show them.
const novaVersion: OpenStackVersionDocument = {
  version: { id: 'v2.1', status: 'CURRENT', version: '2.96', min_version: '2.1' },
};
const glanceRoot: OpenStackVersionDocument = {
  versions: [
    { id: 'v2.17', status: 'CURRENT' },
    { id: 'v2.16', status: 'SUPPORTED' },
    { id: 'v2.1', status: 'SUPPORTED' },
  ],
};
const cinderRoot: OpenStackVersionDocument = {
  versions: [{ id: 'v3.0', status: 'CURRENT', version: '3.71', min_version: '3.0' }],
};
const placementRoot: OpenStackVersionDocument = {
  versions: [{ id: 'v1.0', status: 'CURRENT', max_version: '1.39', min_version: '1.0' }],
};
const keystoneRoot: OpenStackVersionDocument = {
  versions: { values: [{ id: 'v3.14', status: 'stable' }] },
};
const novaRoot: OpenStackVersionDocument = {
  versions: [
    { id: 'v2.0', status: 'SUPPORTED', version: '', min_version: '' },
    { id: 'v2.1', status: 'CURRENT', version: '2.96', min_version: '2.1' },
  ],
};

describe('pickVersion', () => {
  it('takes a single-version document as it is', () => {
    expect(pickVersion(novaVersion, 'http://nova/v2.1')?.id).toBe('v2.1');
  });

  it('takes the version the endpoint path names', () => {
    expect(pickVersion(novaRoot, 'http://nova/v2')?.id).toBe('v2.0');
    expect(pickVersion(novaRoot, 'http://nova/v2.1')?.id).toBe('v2.1');
    expect(pickVersion(cinderRoot, 'http://cinder/v3/0c4e939acacf4376bdcd1129f1a054ad')?.id).toBe('v3.0');
  });

  it('takes the CURRENT (or Keystone\'s stable) version for an unversioned endpoint', () => {
    expect(pickVersion(glanceRoot, 'http://glance:9292')?.id).toBe('v2.17');
    expect(pickVersion(keystoneRoot, 'http://keystone:5000')?.id).toBe('v3.14');
  });

  it('finds nothing in a document that is not a version document', () => {
    expect(pickVersion({}, 'http://x')).toBeUndefined();
    expect(pickVersion({ versions: [] }, 'http://x')).toBeUndefined();
  });
});

describe('serviceVersion', () => {
  it('reports Nova\'s `version` as the maximum microversion', () => {
    expect(serviceVersion('compute', novaVersion.version!)).toEqual({
      serviceType: 'compute',
      version: 'v2.1',
      minMicroversion: '2.1',
      maxMicroversion: '2.96',
    });
  });

  it('reports Placement\'s `max_version`', () => {
    expect(serviceVersion('placement', pickVersion(placementRoot, 'http://p')!)).toMatchObject({ maxMicroversion: '1.39' });
  });

  it('leaves out microversions a service does not have (empty strings included)', () => {
    expect(serviceVersion('image', pickVersion(glanceRoot, 'http://g')!)).toEqual({ serviceType: 'image', version: 'v2.17' });
    expect(serviceVersion('compute', pickVersion(novaRoot, 'http://n/v2')!)).toEqual({ serviceType: 'compute', version: 'v2.0' });
  });
});

describe('versionDocumentUrls', () => {
  it('drops the project id, then tries the root', () => {
    expect(versionDocumentUrls('http://cinder:8776/v3/p1', 'p1').map(String)).toEqual([
      'http://cinder:8776/v3',
      'http://cinder:8776/v3/',
      'http://cinder:8776/',
    ]);
    expect(versionDocumentUrls('http://swift:8080/v1/AUTH_p1', 'p1').map(String)).toEqual([
      'http://swift:8080/v1',
      'http://swift:8080/v1/',
      'http://swift:8080/',
    ]);
  });

  it('asks an unversioned endpoint once', () => {
    expect(versionDocumentUrls('http://glance:9292', 'p1').map(String)).toEqual(['http://glance:9292/']);
  });
});

describe('ServiceVersionCache', () => {
  it('says a service that refuses connections is unreachable (502 upstream_unreachable), in words, not Node\'s', async () => {
    const cache = new ServiceVersionCache(new UpstreamClient({ verify: true }), 'public');
    const auth = sampleAuth({ catalog: sampleCatalog('http://127.0.0.1:9/v2.1') });
    await expect(cache.read(auth, 'compute', 'req-test')).rejects.toMatchObject({
      status: 502,
      code: 'upstream_unreachable',
      message: 'The service at 127.0.0.1:9 is unreachable: connection refused',
    });
  });
});
