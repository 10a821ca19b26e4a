import { CompletionContext } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { hotCompletions, type HotHints } from './hot-completions';
import { characterCount, readTemplateText, unknownResourceTypes } from './template-text';

const template = `heat_template_version: 2018-08-31
parameters:
  size: {type: number}
resources:
  net:
    type: OS::Neutron::Net
  thing:
    type: OS::Nope::Thing
  nested:
    type: server.yaml
`;

describe('a template as the editor reads it', () => {
  it('finds its version, names and resource types with their places', () => {
    const text = readTemplateText(template);
    expect(text).toMatchObject({ syntaxErrors: [], version: '2018-08-31', parameterNames: ['size'], resourceNames: ['net', 'thing', 'nested'] });
    // Provider templates are files, not registry names: never flagged.
    expect(unknownResourceTypes(text, new Set(['OS::Neutron::Net']))).toEqual([
      { name: 'OS::Nope::Thing', from: template.indexOf('OS::Nope'), to: template.indexOf('OS::Nope') + 15, line: 8, column: 11 },
    ]);
  });

  it('reports YAML errors with line and column', () => {
    const [error] = readTemplateText('resources:\n  net: [a\n').syntaxErrors;
    expect(error).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    expect(error!.detail).not.toMatch(/at line/);
  });

  it('counts characters as Heat does (one per character outside the BMP)', () => {
    expect(characterCount('a😀b')).toBe(3);
  });
});

describe('HOT completions', () => {
  const hints: HotHints = {
    resourceTypes: [{ resource_type: 'OS::Nova::Server', description: 'A server.\nMore.' }],
    functions: [{ functions: 'get_param', description: 'Parameter references.' }],
    parameterNames: ['size'],
    resourceNames: ['net'],
  };
  const complete = (doc: string) => {
    const state = EditorState.create({ doc });
    return hotCompletions(new CompletionContext(state, doc.length, false), hints);
  };

  it('offers sections, types, functions and the template’s own names where each is written', () => {
    expect(complete('res')?.options.map((option) => option.label)).toContain('resources');
    expect(complete('resources:\n  a:\n    type: OS::N')).toMatchObject({ from: 26, options: [{ label: 'OS::Nova::Server', info: 'A server.' }] });
    expect(complete('x:\n  y: {get_')?.options).toEqual([{ label: 'get_param', type: 'function', info: 'Parameter references.', apply: 'get_param: ' }]);
    expect(complete('x:\n  y: {get_param: s')?.options.map((option) => option.label)).toEqual(['size']);
    expect(complete('x:\n  y: {get_attr: [n')?.options.map((option) => option.label)).toEqual(['net']);
  });
});
