// User data as Nova takes it (base64, at most 65535 characters once encoded: nova/api/openstack/compute/schemas/
// servers.py) and as cloud-init reads it: a `#cloud-config` YAML document is checked against the schema of its
// common modules, a `#!` script is passed on as it is, anything else is passed on with a warning.
import { isMap, isNode, isPair, isScalar, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { parseYamlSource } from '../../../lib/yaml-source';
import { cloudConfigSchema, knownCloudConfigKeys, type Expectation } from './cloud-config-schema';

/** Nova's limit on the base64 text of the user data. */
export const maxEncodedUserDataLength = 65535;

export type UserDataKind = 'empty' | 'cloud-config' | 'shell' | 'cloud-init-other' | 'unknown';

export type ValueKind = 'string' | 'number' | 'boolean' | 'list' | 'mapping' | 'null';

export type DiagnosticMessage =
  | { code: 'yamlSyntax'; detail: string }
  | { code: 'notAMapping' }
  | { code: 'unknownModule'; key: string; suggestion?: string }
  | { code: 'unknownKey'; path: string; key: string; suggestion?: string }
  | { code: 'missingKey'; path: string; key: string }
  | { code: 'wrongType'; path: string; expected: Expectation; received: ValueKind }
  /** A single value where cloud-init wants a list (`packages: vim`): say how to write the list. */
  | { code: 'listExpected'; path: string; received: ValueKind }
  | { code: 'notOneOf'; path: string; values: string }
  | { code: 'permissionsAsText'; path: string }
  | { code: 'missingHeader' }
  | { code: 'unknownFormat' }
  | { code: 'otherCloudInitFormat'; header: string };

export interface UserDataDiagnostic {
  severity: 'error' | 'warning' | 'info';
  /** Offsets in the text (for the editor), and the 1-based line and column they start at (for people). */
  from: number;
  to: number;
  line: number;
  column: number;
  message: DiagnosticMessage;
}

export interface UserDataCheck {
  kind: UserDataKind;
  diagnostics: UserDataDiagnostic[];
  /** UTF-8 bytes of the text, and the length of their base64 encoding (what Nova limits). */
  bytes: number;
  encodedLength: number;
  /** False when an error or the size forbids sending it. */
  sendable: boolean;
}

const otherCloudInitHeaders = [
  '#include',
  '#cloud-boothook',
  '#part-handler',
  '#cloud-config-archive',
  '#cloud-config-jsonp',
  '## template: jinja',
  'Content-Type:',
];

export function userDataKind(text: string): UserDataKind {
  if (text.trim() === '') return 'empty';
  const firstLine = text.split('\n', 1)[0]!.trimEnd();
  if (firstLine === '#cloud-config') return 'cloud-config';
  if (firstLine.startsWith('#!')) return 'shell';
  if (otherCloudInitHeaders.some((header) => firstLine.startsWith(header))) return 'cloud-init-other';
  return 'unknown';
}

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function base64Length(byteCount: number): number {
  return 4 * Math.ceil(byteCount / 3);
}

/** The user data as Nova wants it: base64 of its UTF-8 bytes. */
export function encodeUserData(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Edit distance, to name the module a misspelt key was probably meant to be. */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const normalized = name.toLowerCase().replace(/-/g, '_');
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = levenshtein(normalized, candidate);
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  // Further than a third of the name away, it is a different word, not a typo.
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.candidate : undefined;
}

function valueKind(value: unknown): ValueKind {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

const jsonTypeExpectations: Record<string, Expectation> = {
  string: 'string',
  boolean: 'boolean',
  number: 'number',
  int: 'number',
  array: 'list',
  tuple: 'list',
  object: 'mapping',
  record: 'mapping',
};

const expectations = new Set<string>([
  'string', 'boolean', 'number', 'list', 'mapping', 'stringOrList', 'command', 'packageEntry', 'userEntry',
  'mountEntry', 'booleanOrString',
] satisfies Expectation[]);

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)), '');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** The YAML node holding the value at `path`, or the deepest existing parent when the value is missing. */
function nodeAt(document: Document, path: readonly PropertyKey[]): Node | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = document.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node)) return node;
  }
  return undefined;
}

/** The key node of `key` in the mapping at `path` (to underline the misspelt key itself). */
function keyNodeAt(document: Document, path: readonly PropertyKey[], key: string): Node | undefined {
  const map = path.length === 0 ? document.contents : document.getIn(path as unknown[], true);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key);
  return pair && isNode(pair.key) ? pair.key : undefined;
}

function zodIssueMessage(issue: z.core.$ZodIssue, data: unknown): DiagnosticMessage {
  const path = formatPath(issue.path);
  const value = valueAt(data, issue.path);
  if (issue.message === 'permissionsAsText') return { code: 'permissionsAsText', path };
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) {
        return { code: 'missingKey', path: formatPath(issue.path.slice(0, -1)), key: String(issue.path.at(-1)) };
      }
      const expected = jsonTypeExpectations[issue.expected] ?? 'string';
      if (expected === 'list' && valueKind(value) !== 'mapping') return { code: 'listExpected', path, received: valueKind(value) };
      return { code: 'wrongType', path, expected, received: valueKind(value) };
    }
    case 'invalid_union':
      return {
        code: 'wrongType',
        path,
        expected: expectations.has(issue.message) ? (issue.message as Expectation) : 'string',
        received: valueKind(value),
      };
    case 'invalid_value':
      return { code: 'notOneOf', path, values: issue.values.map((allowed) => String(allowed)).join(', ') };
    default:
      return { code: 'wrongType', path, expected: 'string', received: valueKind(value) };
  }
}

function checkCloudConfig(text: string): UserDataDiagnostic[] {
  const { document, errors, position } = parseYamlSource(text, { uniqueKeys: true });
  const at = (from: number, to: number, severity: UserDataDiagnostic['severity'], message: DiagnosticMessage) =>
    ({ severity, from, to: Math.max(to, from), ...position(from), message }) satisfies UserDataDiagnostic;
  const onNode = (node: Node | undefined, severity: UserDataDiagnostic['severity'], message: DiagnosticMessage) => {
    const [from, to] = node?.range ?? [0, '#cloud-config'.length];
    return at(from, to, severity, message);
  };

  if (errors.length > 0) {
    return errors.map(({ from, to, line, column, detail }) => ({ severity: 'error', from, to, line, column, message: { code: 'yamlSyntax', detail } }));
  }
  if (document.contents === null) return [];
  if (!isMap(document.contents)) return [onNode(document.contents, 'error', { code: 'notAMapping' })];

  const data: unknown = document.toJS();
  const diagnostics: UserDataDiagnostic[] = [];
  for (const item of document.contents.items) {
    const key = isScalar(item.key) ? String(item.key.value) : undefined;
    if (key !== undefined && !knownCloudConfigKeys.has(key)) {
      diagnostics.push(
        onNode(isNode(item.key) ? item.key : undefined, 'warning', {
          code: 'unknownModule',
          key,
          suggestion: closestName(key, knownCloudConfigKeys),
        }),
      );
    }
  }
  const result = cloudConfigSchema.safeParse(data);
  for (const issue of result.success ? [] : result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const allowed = objectKeysAt(issue.path);
      for (const key of issue.keys) {
        diagnostics.push(
          onNode(keyNodeAt(document, issue.path, key), 'error', {
            code: 'unknownKey',
            path: formatPath(issue.path),
            key,
            suggestion: closestName(key, allowed),
          }),
        );
      }
    } else {
      diagnostics.push(onNode(nodeAt(document, issue.path), 'error', zodIssueMessage(issue, data)));
    }
  }
  return diagnostics.sort((a, b) => a.from - b.from);
}

/** The keys the strict objects of the schema allow at a path (write_files entries, chpasswd, chpasswd.users). */
function objectKeysAt(path: readonly PropertyKey[]): string[] {
  const names = path.filter((part) => typeof part === 'string');
  const shape = cloudConfigSchema.shape;
  if (names[0] === 'write_files') return Object.keys(shape.write_files.unwrap().element.shape);
  if (names[0] === 'chpasswd' && names[1] === 'users') return Object.keys(shape.chpasswd.unwrap().shape.users.unwrap().element.shape);
  if (names[0] === 'chpasswd') return Object.keys(shape.chpasswd.unwrap().shape);
  return [];
}

/** A document without a header that still reads as cloud-config: cloud-init would ignore it. */
function looksLikeCloudConfig(text: string): boolean {
  const document = parseDocument(text);
  if (document.errors.length > 0 || !isMap(document.contents)) return false;
  return document.contents.items.some((item) => isScalar(item.key) && knownCloudConfigKeys.has(String(item.key.value)));
}

export function checkUserData(text: string): UserDataCheck {
  const kind = userDataKind(text);
  const bytes = utf8Length(text);
  const encodedLength = base64Length(bytes);
  const firstLineEnd = Math.max(text.indexOf('\n'), 0) || text.length;
  const onFirstLine = (severity: UserDataDiagnostic['severity'], message: DiagnosticMessage): UserDataDiagnostic => ({
    severity,
    from: 0,
    to: firstLineEnd,
    line: 1,
    column: 1,
    message,
  });

  let diagnostics: UserDataDiagnostic[] = [];
  if (kind === 'cloud-config') diagnostics = checkCloudConfig(text);
  else if (kind === 'cloud-init-other') {
    diagnostics = [onFirstLine('info', { code: 'otherCloudInitFormat', header: text.slice(0, firstLineEnd).trim() })];
  } else if (kind === 'unknown') {
    diagnostics = [onFirstLine('warning', { code: looksLikeCloudConfig(text) ? 'missingHeader' : 'unknownFormat' })];
  }
  const sendable = encodedLength <= maxEncodedUserDataLength && !diagnostics.some((d) => d.severity === 'error');
  return { kind, diagnostics, bytes, encodedLength, sendable };
}
