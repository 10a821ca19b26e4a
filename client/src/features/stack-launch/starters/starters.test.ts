import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { starterTemplates } from './index';

interface HotParameter {
  type: string;
  label?: string;
  description?: string;
  default?: unknown;
  constraints?: Record<string, unknown>[];
}

interface HotTemplate {
  heat_template_version: string;
  description?: string;
  parameter_groups?: { label: string; parameters: string[] }[];
  parameters?: Record<string, HotParameter>;
  resources?: Record<string, { type: string; properties?: unknown; depends_on?: string | string[] }>;
  outputs?: Record<string, { description?: string; value: unknown }>;
}

// Heat's own parameters, always defined (heat/engine/parameters.py PSEUDO_PARAMETERS).
const pseudoParameters = new Set(['OS::stack_name', 'OS::stack_id', 'OS::project_id']);
const customConstraints = new Set(['nova.flavor', 'glance.image', 'neutron.network', 'nova.keypair', 'net_cidr']);

/** Every `{ <fn>: args }` in a part of the template, with its arguments. */
function calls(node: unknown, fn: string): unknown[] {
  if (Array.isArray(node)) return node.flatMap((item) => calls(item, fn));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => (key === fn ? [value, ...calls(value, fn)] : calls(value, fn)));
}

describe.each(starterTemplates.map((starter) => [starter.id, parse(starter.template) as HotTemplate] as const))('starter %s', (_id, hot) => {
  const parameters = hot.parameters ?? {};
  const resources = hot.resources ?? {};

  it('is HOT of 2018-08-31 or newer, with a description', () => {
    expect(hot.heat_template_version >= '2018-08-31').toBe(true);
    expect(hot.description?.trim().length).toBeGreaterThan(20);
  });

  it('types, labels, describes and defaults every parameter, with known constraints', () => {
    expect(Object.keys(parameters).length).toBeGreaterThan(0);
    for (const [name, parameter] of Object.entries(parameters)) {
      expect(['string', 'number', 'comma_delimited_list', 'json', 'boolean'], name).toContain(parameter.type);
      expect(parameter.label, name).toBeTruthy();
      expect(parameter.description, name).toBeTruthy();
      expect(parameter, `${name} has a default`).toHaveProperty('default');
      for (const constraint of parameter.constraints ?? []) {
        if ('custom_constraint' in constraint) expect(customConstraints, name).toContain(constraint.custom_constraint);
      }
    }
  });

  it('uses every parameter it declares and declares every parameter it uses', () => {
    // get_param takes a name, or a list whose first item is the name (then keys or indexes into its value)
    const used = new Set(calls([resources, hot.outputs], 'get_param').map((args) => String(Array.isArray(args) ? (args as unknown[])[0] : args)));
    for (const name of used) expect(name in parameters || pseudoParameters.has(name), `get_param ${name}`).toBe(true);
    for (const name of Object.keys(parameters)) expect(used, `parameter ${name}`).toContain(name);
    for (const group of hot.parameter_groups ?? []) {
      for (const name of group.parameters) expect(Object.keys(parameters), `group ${group.label}`).toContain(name);
    }
  });

  it('wires resources to resources of the template only', () => {
    expect(Object.keys(resources).length).toBeGreaterThan(0);
    for (const resource of Object.values(resources)) expect(resource.type).toMatch(/^OS::(Neutron|Nova|Cinder)::\w+$/);
    const referenced = [
      ...calls([resources, hot.outputs], 'get_resource'),
      ...calls([resources, hot.outputs], 'get_attr').map((args) => (args as unknown[])[0]),
      ...Object.values(resources).flatMap((resource) => resource.depends_on ?? []),
    ];
    expect(referenced.length).toBeGreaterThan(0);
    for (const name of referenced) expect(Object.keys(resources)).toContain(name);
  });

  it('describes what it gives back in outputs', () => {
    const outputs = Object.entries(hot.outputs ?? {});
    expect(outputs.length).toBeGreaterThan(0);
    for (const [name, output] of outputs) {
      expect(output.description, name).toBeTruthy();
      expect(output.value, name).toBeDefined();
    }
  });
});

describe('starter templates', () => {
  it('are the four the launch page offers, once each', () => {
    expect(starterTemplates.map((starter) => starter.id)).toEqual([
      'server-with-floating-ip',
      'network-with-router',
      'server-with-volume',
      'two-tier-app',
    ]);
  });

  it('default to what the local cloud has, and leave the key pair optional', () => {
    const defaults = starterTemplates.map((starter) => (parse(starter.template) as HotTemplate).parameters ?? {});
    for (const parameters of defaults) {
      if (parameters.image) expect(parameters.image.default).toBe('cirros-tiny');
      if (parameters.flavor) expect(parameters.flavor.default).toBe('m1.tiny');
      if (parameters.public_network) expect(parameters.public_network.default).toBe('public');
      if (parameters.key_name) expect(parameters.key_name.default).toBe('');
    }
  });

  it('lets the two-tier database be reached from the web tier only (a remote group rule)', () => {
    const hot = parse(starterTemplates.find((starter) => starter.id === 'two-tier-app')!.template) as HotTemplate;
    const rules = (hot.resources?.db_security_group?.properties as { rules: Record<string, unknown>[] }).rules;
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule).toMatchObject({ remote_mode: 'remote_group_id', remote_group_id: { get_resource: 'web_security_group' } });
    }
  });
});
