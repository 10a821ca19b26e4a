// An update seen against the stack as it is: its current template as YAML text (Heat answers it parsed), its current
// parameter values (Heat's pseudo parameters left out), the fields' first texts, and what changes: the template's
// lines (a unified diff) and each parameter whose value would differ.
import { structuredPatch, type StructuredPatchHunk } from 'diff';
import { stringify } from 'yaml';
import type { Stack, TemplateValidation } from '../../../resources/stacks/types';
import { fieldText, isHidden, type ParameterValues } from './parameters';

export function templateYaml(template: Record<string, unknown>): string {
  // Long strings (scripts, descriptions) stay as they were written rather than folded at 80 columns.
  return stringify(template, { lineWidth: 0 });
}

/** The stack's own parameters as Heat reports them (strings; hidden ones as ******), without OS::stack_id & co. */
export function currentParameters(stack: Pick<Stack, 'parameters'>): Record<string, string> {
  return Object.fromEntries(Object.entries(stack.parameters).filter(([name]) => !name.startsWith('OS::')));
}

/**
 * The fields' first texts on update: the stack's current values (hidden ones start empty: they keep their value),
 * the template's default for a parameter the stack does not have yet, then what the user changed.
 */
export function updateInitialValues(
  validation: Pick<TemplateValidation, 'Parameters'>,
  current: ParameterValues,
  edited: ParameterValues,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, schema] of Object.entries(validation.Parameters)) {
    const start = isHidden(schema) ? '' : name in current ? fieldText(schema, current[name]) : fieldText(schema, schema.Value ?? schema.Default);
    values[name] = edited[name] ?? start;
  }
  return values;
}

/** The template's changed lines, with three lines of context around each change. */
export function templateHunks(before: string, after: string): StructuredPatchHunk[] {
  return structuredPatch('current', 'new', before, after, undefined, undefined, { context: 3 }).hunks;
}

export interface ParameterChange {
  name: string;
  /** Undefined for a parameter the stack does not have yet. */
  before?: string;
  after: string;
  hidden: boolean;
}

export function parameterChanges(sent: Readonly<Record<string, string>>, current: ParameterValues, hidden: readonly string[]): ParameterChange[] {
  return Object.entries(sent).map(([name, after]) => ({ name, before: current[name], after, hidden: hidden.includes(name) }));
}
