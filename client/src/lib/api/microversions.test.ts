import { describe, expect, it } from 'vitest';
import { microversionHeaders, negotiateMicroversion, parseMicroversion } from './microversions';

describe('negotiateMicroversion', () => {
  const nova = { serviceType: 'compute', version: '2.96', minMicroversion: '2.1', maxMicroversion: '2.96' };

  it("asks for the feature's version when the cloud supports it", () => {
    expect(negotiateMicroversion(nova, '2.79')).toBe('2.79');
  });

  it("asks for the cloud's newest when the feature wants more", () => {
    expect(negotiateMicroversion({ ...nova, maxMicroversion: '2.60' }, '2.79')).toBe('2.60');
  });

  it('compares numerically, not as text', () => {
    expect(negotiateMicroversion({ ...nova, maxMicroversion: '2.100' }, '2.99')).toBe('2.99');
    expect(negotiateMicroversion({ ...nova, maxMicroversion: '2.9' }, '2.10')).toBe('2.9');
  });

  it("raises a request below the cloud's oldest to that oldest", () => {
    expect(negotiateMicroversion({ serviceType: 'block-storage', minMicroversion: '3.0', maxMicroversion: '3.71' }, '2.0'))
      .toBe('3.0');
  });

  it("reads Nova's maximum from `version` when the BFF passes it on as such", () => {
    expect(negotiateMicroversion({ serviceType: 'compute', version: '2.53', minMicroversion: '2.1' }, '2.79')).toBe('2.53');
  });

  it('gives nothing for services without microversions', () => {
    expect(negotiateMicroversion({ serviceType: 'network', version: 'v2.0' }, '2.1')).toBeUndefined();
    expect(negotiateMicroversion({ serviceType: 'orchestration' }, '1.0')).toBeUndefined();
  });

  it('refuses a wanted version that is not one', () => {
    expect(() => negotiateMicroversion(nova, 'latest')).toThrow(/microversion/);
  });
});

describe('parseMicroversion', () => {
  it('accepts "2.1" and "v3.0"', () => {
    expect(parseMicroversion('2.1')).toEqual({ major: 2, minor: 1 });
    expect(parseMicroversion('v3.0')).toEqual({ major: 3, minor: 0 });
    expect(parseMicroversion('latest')).toBeUndefined();
    expect(parseMicroversion(undefined)).toBeUndefined();
  });
});

describe('microversionHeaders', () => {
  it('sends both headers to Nova', () => {
    expect(microversionHeaders('compute', '2.79')).toEqual({
      'OpenStack-API-Version': 'compute 2.79',
      'X-OpenStack-Nova-API-Version': '2.79',
    });
  });

  it("names Cinder `volume`, whichever alias the catalog used", () => {
    expect(microversionHeaders('block-storage', '3.59')).toEqual({ 'OpenStack-API-Version': 'volume 3.59' });
    expect(microversionHeaders('volumev3', '3.59')).toEqual({ 'OpenStack-API-Version': 'volume 3.59' });
  });

  it('uses the service type for the others', () => {
    expect(microversionHeaders('placement', '1.39')).toEqual({ 'OpenStack-API-Version': 'placement 1.39' });
  });
});
