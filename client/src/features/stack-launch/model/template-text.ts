// A template's text as the editor holds it, read the way Heat will: YAML syntax errors (with line and column),
// its size against Heat's max_template_size, its HOT version (for the version's functions), the names it defines
// (for get_param / get_resource hints) and the resource types it uses, each with its place in the text so a type
// this cloud's Heat does not offer is underlined where it is written. Heat's own validation says the rest.
import { isMap, isScalar, type Node } from 'yaml';
import { parseYamlSource, type SourcePosition, type YamlSyntaxError } from '../../../lib/yaml-source';

/** heat.conf's max_template_size default (heat/common/config.py): Heat refuses longer templates. */
export const maxTemplateSize = 524288;

/** The top-level sections of a HOT template (heat/engine/hot/template.py). */
export const hotSections = [
  'heat_template_version',
  'description',
  'parameter_groups',
  'parameters',
  'resources',
  'outputs',
  'conditions',
] as const;

export interface PlacedName extends SourcePosition {
  name: string;
  from: number;
  to: number;
}

export interface TemplateText {
  syntaxErrors: YamlSyntaxError[];
  /** What Heat measures: the template's length in characters (Python's len of the text). */
  size: number;
  /** `heat_template_version`'s value, when the text is a mapping that has one. */
  version?: string;
  parameterNames: string[];
  resourceNames: string[];
  resourceTypes: PlacedName[];
}

/** Characters as Python counts them: a character outside the BMP is one, not a surrogate pair. */
export function characterCount(text: string): number {
  let count = text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) count--;
  }
  return count;
}

function keysOf(node: unknown): string[] {
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) => (isScalar(pair.key) ? [String(pair.key.value)] : []));
}

export function readTemplateText(text: string): TemplateText {
  const { document, errors, position } = parseYamlSource(text);
  const size = characterCount(text);
  const empty: TemplateText = { syntaxErrors: errors, size, parameterNames: [], resourceNames: [], resourceTypes: [] };
  if (errors.length > 0 || !isMap(document.contents)) return empty;

  const version = document.get('heat_template_version');
  const resources = document.get('resources', true);
  const resourceTypes: PlacedName[] = [];
  if (isMap(resources)) {
    for (const pair of resources.items) {
      const type = isMap(pair.value) ? (pair.value.get('type', true) as Node | undefined) : undefined;
      if (isScalar(type) && typeof type.value === 'string' && type.range) {
        const [from, to] = type.range;
        resourceTypes.push({ name: type.value, from, to, ...position(from) });
      }
    }
  }
  return {
    ...empty,
    version: typeof version === 'string' || typeof version === 'number' ? String(version) : undefined,
    parameterNames: keysOf(document.get('parameters', true)),
    resourceNames: keysOf(resources),
    resourceTypes,
  };
}

/**
 * A resource type Heat would look up in its registry: provider templates (`type: server.yaml`, a URL) are files,
 * and an environment file may map any other name, so an unknown name is a warning, not an error.
 */
export function isRegistryType(type: string): boolean {
  return !/\.(ya?ml|template|json)$/i.test(type) && !/^[a-z]+:\/\//i.test(type);
}

export function unknownResourceTypes(template: TemplateText, known: ReadonlySet<string>): PlacedName[] {
  return template.resourceTypes.filter((type) => isRegistryType(type.name) && !known.has(type.name));
}
