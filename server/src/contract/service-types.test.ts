import { describe, expect, it } from 'vitest';
import { canonicalServiceType, hasService, serviceTypeCandidates } from './service-types.js';

describe('service types (service-types-authority)', () => {
  it('names every alias by its official type', () => {
    for (const alias of ['volumev3', 'volumev2', 'volume', 'block-store']) expect(canonicalServiceType(alias)).toBe('block-storage');
    expect(canonicalServiceType('bare-metal')).toBe('baremetal');
    expect(canonicalServiceType('sharev2')).toBe('shared-file-system');
    expect(canonicalServiceType('compute')).toBe('compute');
  });

  it('looks for the type asked for first, then the rest of its family', () => {
    expect(serviceTypeCandidates('volumev2')).toEqual(['volumev2', 'block-storage', 'volumev3', 'volume', 'block-store']);
    expect(serviceTypeCandidates('compute')).toEqual(['compute']);
  });

  it('finds a service in a catalog under any of its names', () => {
    const services = [{ type: 'volumev3' }, { type: 'bare-metal' }];
    expect(hasService(services, 'block-storage')).toBe(true);
    expect(hasService(services, 'volume')).toBe(true);
    expect(hasService(services, 'baremetal')).toBe(true);
    expect(hasService(services, 'compute')).toBe(false);
  });
});
