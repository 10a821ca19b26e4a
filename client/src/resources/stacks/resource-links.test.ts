import { describe, expect, it } from 'vitest';
import { appendEvents } from './events';
import { resourcePagePath, stackOfLink } from './resource-links';
import type { StackEvent, StackResource } from './types';

const heat = 'http://127.0.0.1:8004/v1/p/stacks';
const resource = (type: string, physicalId: string, links: StackResource['links'] = []) =>
  ({ resource_type: type, physical_resource_id: physicalId, links }) as Pick<StackResource, 'resource_type' | 'physical_resource_id' | 'links'>;

describe('resource pages', () => {
  it('reads the stack a Heat link points to, by name and id', () => {
    expect(stackOfLink({ href: `${heat}/web-tier/s1/resources/net`, rel: 'self' })).toEqual({ name: 'web-tier', id: 's1' });
    expect(stackOfLink({ href: 'http://heat/v1/p/resource_types', rel: 'self' })).toBeUndefined();
  });

  it("links what a resource made to its Zenith page; a subnet to its network's, a nested stack to its own", () => {
    expect(resourcePagePath(resource('OS::Nova::Server', 'vm 1'))).toBe('/instances/vm%201');
    expect(resourcePagePath(resource('OS::Nova::KeyPair', 'my-key'))).toBe('/keypairs/my-key');
    expect(resourcePagePath(resource('OS::Neutron::SecurityGroup', 'sg1'))).toBe('/security-groups/sg1');
    expect(resourcePagePath(resource('OS::Neutron::FloatingIP', 'f1'))).toBe('/floating-ips');
    expect(resourcePagePath(resource('OS::Neutron::Subnet', 's1'), new Map([['s1', 'n1']]))).toBe('/networks/n1');
    expect(resourcePagePath(resource('OS::Neutron::Subnet', 's1'))).toBeUndefined();
    expect(resourcePagePath(resource('OS::Heat::ResourceGroup', 'g', [{ href: `${heat}/web-group-x/g`, rel: 'nested' }]))).toBe('/stacks/web-group-x/g');
    // Not made yet, or nothing Zenith shows.
    expect(resourcePagePath(resource('OS::Nova::Server', ''))).toBeUndefined();
    expect(resourcePagePath(resource('OS::Heat::RandomString', 'web-random-abc'))).toBeUndefined();
  });
});

describe('appendEvents', () => {
  it('appends the newer events, each once', () => {
    const event = (id: string) => ({ id }) as StackEvent;
    expect(appendEvents([event('e1'), event('e2')], [event('e2'), event('e3')]).map((entry) => entry.id)).toEqual(['e1', 'e2', 'e3']);
  });
});
