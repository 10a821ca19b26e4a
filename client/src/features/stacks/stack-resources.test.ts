import { describe, expect, it } from 'vitest';
import type { StackResource } from '../../resources/stacks/types';
import { resourceGraph, resourceTree } from './stack-resources';

// A stack as Heat lists its resources with nested_depth (captured from the local cloud): a network and its subnet,
// a template resource holding a nested stack of one resource, a resource group holding two.
const heat = 'http://127.0.0.1:8004/v1/p/stacks';
const root = { name: 'probe-main', id: 'root' };
const innerStack = { name: 'probe-main-inner-x', id: 'inner' };
const groupStack = { name: 'probe-main-group-y', id: 'group' };

function resource(stack: { name: string; id: string }, name: string, type: string, extra: Partial<StackResource> & { nested?: { name: string; id: string } } = {}): StackResource {
  const { nested, ...overrides } = extra;
  return {
    resource_name: name,
    logical_resource_id: name,
    physical_resource_id: `${name}-id`,
    resource_type: type,
    resource_status: 'CREATE_COMPLETE',
    resource_status_reason: 'state changed',
    creation_time: '2026-12-07T06:06:11Z',
    updated_time: '2026-12-07T06:06:11Z',
    required_by: [],
    links: [
      { href: `${heat}/${stack.name}/${stack.id}/resources/${name}`, rel: 'self' },
      { href: `${heat}/${stack.name}/${stack.id}`, rel: 'stack' },
      ...(nested ? [{ href: `${heat}/${nested.name}/${nested.id}`, rel: 'nested' }] : []),
    ],
    ...overrides,
  };
}

const resources = [
  resource(root, 'random', 'OS::Heat::RandomString'),
  resource(root, 'inner', 'file:///tmp/inner.yaml', { nested: innerStack }),
  resource(root, 'subnet', 'OS::Neutron::Subnet'),
  resource(root, 'net', 'OS::Neutron::Net', { required_by: ['subnet'] }),
  resource(root, 'group', 'OS::Heat::ResourceGroup', { nested: groupStack }),
  resource(innerStack, 'word', 'OS::Heat::RandomString', { parent_resource: 'inner' }),
  resource(groupStack, '10', 'OS::Heat::RandomString', { parent_resource: 'group' }),
  resource(groupStack, '1', 'OS::Heat::RandomString', { parent_resource: 'group', required_by: ['10'] }),
];

describe('resourceTree', () => {
  it("puts each nested stack's resources under the resource holding it, names in natural order", () => {
    expect(resourceTree(root.id, resources).map(({ key, depth }) => [key, depth])).toEqual([
      ['root/group', 0],
      ['group/1', 1],
      ['group/10', 1],
      ['root/inner', 0],
      ['inner/word', 1],
      ['root/net', 0],
      ['root/random', 0],
      ['root/subnet', 0],
    ]);
  });

  it('keeps resources of a stack whose holder is missing, after the others', () => {
    const orphan = resource({ name: 'gone', id: 'gone' }, 'lost', 'OS::Heat::None');
    expect(resourceTree(root.id, [resources[0]!, orphan]).map(({ key, depth }) => [key, depth])).toEqual([
      ['root/random', 0],
      ['gone/lost', 1],
    ]);
  });
});

describe('resourceGraph', () => {
  const { nodes, links } = resourceGraph(root.id, resources);

  it('links each resource to those requiring it, and a holder to the entry points of its nested stack', () => {
    expect(links.map(({ source, target, kind }) => `${source} ${kind} ${target}`).sort()).toEqual([
      'group/1 depends group/10',
      'root/group holds group/1',
      'root/inner holds inner/word',
      'root/net depends root/subnet',
    ]);
  });

  it('lays the graph out left to right along its links, without overlaps', () => {
    const box = new Map(nodes.map((node) => [node.id, node]));
    for (const link of links) expect(box.get(link.source)!.position.x).toBeLessThan(box.get(link.target)!.position.x);
    const overlaps = nodes.filter((a, index) =>
      nodes.slice(index + 1).some((b) => Math.abs(a.position.x - b.position.x) < a.width && Math.abs(a.position.y - b.position.y) < a.height),
    );
    expect(overlaps).toEqual([]);
    expect(nodes).toHaveLength(resources.length);
  });
});
