// A template's parameters as a form: their order (parameter_groups first, as Heat answers them in `POST /validate`),
// the text each field starts with, the checks Heat's constraints make (heat/engine/constraints.py, parameters.py)
// run before anything is sent, and the values a request sends: only those that differ from what Heat would use
// anyway (the template's default, an environment file's value, or the stack's current value on update).
import type { TemplateValidation, ValidatedParameter, ValidatedParameterGroup } from '../../../resources/stacks/types';

/** Every field's text; booleans as 'true'/'false', JSON as its text, lists comma-separated. */
export type ParameterValues = Readonly<Record<string, string>>;

export interface ParameterSection {
  label?: string;
  description?: string;
  names: string[];
}

/** Groups in the template's order, then the parameters no group names. */
export function parameterSections(validation: Pick<TemplateValidation, 'Parameters' | 'ParameterGroups'>): ParameterSection[] {
  const known = new Set(Object.keys(validation.Parameters));
  const grouped = new Set<string>();
  const sections: ParameterSection[] = (validation.ParameterGroups ?? []).map((group: ValidatedParameterGroup) => {
    const names = group.parameters.filter((name) => known.has(name) && !grouped.has(name));
    for (const name of names) grouped.add(name);
    return { label: group.label, description: group.description, names };
  });
  const rest = [...known].filter((name) => !grouped.has(name));
  if (rest.length > 0) sections.push({ names: rest });
  return sections.filter((section) => section.names.length > 0);
}

export const isHidden = (schema: ValidatedParameter) => schema.NoEcho === 'true';

/** A value as a field shows it (Heat answers defaults typed: numbers, booleans, lists, maps). */
export function fieldText(schema: ValidatedParameter, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (schema.Type === 'CommaDelimitedList' && Array.isArray(value)) return value.map((item) => fieldText({ ...schema, Type: 'String' }, item)).join(',');
  // Strings as they are; numbers, booleans, lists and maps as JSON writes them.
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (schema.Type === 'Boolean') return trueWords.has(text.toLowerCase()) ? 'true' : 'false';
  return text;
}

/** What Heat reads as true (heat/common/param_utils.py extract_bool, strutils.bool_from_string). */
const trueWords = new Set(['true', 't', 'yes', 'y', 'on', '1']);

/** What Heat uses when the request gives no value: an environment file's, else the template's default. */
export function baselineText(schema: ValidatedParameter): string | undefined {
  const value = schema.Value ?? schema.Default;
  return value === undefined ? undefined : fieldText(schema, value);
}

/** The fields' first texts: what Heat would use (hidden ones start empty: a default is never shown back). */
export function initialValues(validation: Pick<TemplateValidation, 'Parameters'>, previous: ParameterValues = {}): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, schema] of Object.entries(validation.Parameters)) {
    values[name] = previous[name] ?? (isHidden(schema) ? '' : (baselineText(schema) ?? ''));
  }
  return values;
}

/** Two texts of one parameter that Heat reads as the same value (`False` and `false`, `{"a": 1}` and `{"a":1}`). */
export function sameValue(schema: ValidatedParameter, a: string, b: string): boolean {
  switch (schema.Type) {
    case 'Boolean':
      return a.trim().toLowerCase() === b.trim().toLowerCase();
    case 'Number':
      return a.trim() !== '' && Number(a) === Number(b);
    case 'CommaDelimitedList':
      return listItems(a).join(',') === listItems(b).join(',');
    case 'Json':
      try {
        return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
      } catch {
        return a === b;
      }
    default:
      return a === b;
  }
}

function listItems(text: string): string[] {
  return text.trim() === '' ? [] : text.split(',').map((item) => item.trim());
}

export type ParameterProblem =
  | { code: 'required' }
  | { code: 'notANumber' }
  | { code: 'notJson'; detail: string }
  | { code: 'range'; min?: number; max?: number }
  | { code: 'length'; min?: number; max?: number }
  | { code: 'pattern'; pattern: string }
  | { code: 'allowedValues'; values: string };

function outside(value: number, min?: number, max?: number): boolean {
  return (min !== undefined && value < min) || (max !== undefined && value > max);
}

/** Heat's allowed_pattern must match the whole value (re.match, and the match must end at the value's end). */
function matchesWhole(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(value);
  } catch {
    // A Python-only pattern JavaScript cannot compile: Heat checks it itself.
    return true;
  }
}

/**
 * Why Heat would refuse this field's text, or null. `keeps` is true when an empty field is not a missing value:
 * Heat then uses a default, an environment value or (on update) the current one.
 */
export function parameterProblem(schema: ValidatedParameter, text: string, keeps: boolean): ParameterProblem | null {
  // An empty field sends nothing (see parametersToSend); a blank one is no number, list or JSON either.
  if (text === '' || (text.trim() === '' && schema.Type !== 'String')) return keeps ? null : { code: 'required' };
  const allowed = schema.AllowedValues?.map((value) => fieldText(schema, value));
  switch (schema.Type) {
    case 'Number': {
      const value = Number(text.trim());
      if (!Number.isFinite(value)) return { code: 'notANumber' };
      if (outside(value, schema.MinValue, schema.MaxValue)) return { code: 'range', min: schema.MinValue, max: schema.MaxValue };
      if (allowed && !allowed.some((candidate) => Number(candidate) === value)) return { code: 'allowedValues', values: allowed.join(', ') };
      return null;
    }
    case 'CommaDelimitedList': {
      const items = listItems(text);
      if (outside(items.length, schema.MinLength, schema.MaxLength)) return { code: 'length', min: schema.MinLength, max: schema.MaxLength };
      if (allowed && items.some((item) => !allowed.includes(item))) return { code: 'allowedValues', values: allowed.join(', ') };
      return null;
    }
    case 'Json': {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        return { code: 'notJson', detail: error instanceof Error ? error.message : String(error) };
      }
      const length = typeof value === 'object' && value !== null ? Object.keys(value).length : 0;
      if (outside(length, schema.MinLength, schema.MaxLength)) return { code: 'length', min: schema.MinLength, max: schema.MaxLength };
      return null;
    }
    case 'Boolean':
      return null;
    default: {
      if (outside([...text].length, schema.MinLength, schema.MaxLength)) return { code: 'length', min: schema.MinLength, max: schema.MaxLength };
      if (schema.AllowedPattern !== undefined && !matchesWhole(schema.AllowedPattern, text)) return { code: 'pattern', pattern: schema.AllowedPattern };
      if (allowed && !allowed.includes(text)) return { code: 'allowedValues', values: allowed.join(', ') };
      return null;
    }
  }
}

/**
 * The problem of every field Heat would refuse. `current` holds the values Heat keeps when a field is left empty
 * (the stack's own, on update); hidden fields left empty keep what they had.
 */
export function parameterProblems(
  validation: Pick<TemplateValidation, 'Parameters'>,
  values: ParameterValues,
  current: ParameterValues = {},
): Record<string, ParameterProblem> {
  const problems: Record<string, ParameterProblem> = {};
  for (const [name, schema] of Object.entries(validation.Parameters)) {
    const keeps = baselineText(schema) !== undefined || name in current;
    const problem = parameterProblem(schema, values[name] ?? '', keeps);
    if (problem) problems[name] = problem;
  }
  return problems;
}

/**
 * The parameters a request sends: the fields whose text differs from what Heat would use without it (`current`
 * on update, else the environment's value or the default). An empty field sends nothing: Heat then uses that value
 * (a form cannot tell "empty" from "not given"; hidden fields, never shown back, start empty for this reason).
 */
export function parametersToSend(
  validation: Pick<TemplateValidation, 'Parameters'>,
  values: ParameterValues,
  current: ParameterValues = {},
): Record<string, string> {
  const sent: Record<string, string> = {};
  for (const [name, schema] of Object.entries(validation.Parameters)) {
    const text = values[name] ?? '';
    if (text === '') continue;
    const baseline = isHidden(schema) ? undefined : name in current ? current[name] : baselineText(schema);
    if (baseline === undefined || !sameValue(schema, text, baseline)) sent[name] = text;
  }
  return sent;
}

/** The names of the hidden parameters: their values never show in a command line or a diff. */
export function hiddenNames(validation: Pick<TemplateValidation, 'Parameters'>): string[] {
  return Object.entries(validation.Parameters).flatMap(([name, schema]) => (isHidden(schema) ? [name] : []));
}
