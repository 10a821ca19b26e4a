// Suggestions while writing a HOT template, from what the cloud's Heat says it offers: the top-level sections at the
// start of a line, resource types after `type:` (GET /resource_types), the template version's intrinsic functions
// (GET /template_versions/<version>/functions) where a value or a key is written, and the template's own parameter
// and resource names after get_param, get_resource and get_attr. Only CodeMirror's types are imported: the editor's
// code itself loads with the editor.
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { ResourceTypeSummary, TemplateFunction } from '../../../resources/stacks/types';
import { hotSections } from './template-text';

export interface HotHints {
  resourceTypes: readonly ResourceTypeSummary[];
  functions: readonly TemplateFunction[];
  parameterNames: readonly string[];
  resourceNames: readonly string[];
}

const firstLine = (text: string) => text.split('\n', 1)[0]!.trim();

function result(context: CompletionContext, typed: string, options: Completion[], validFor: RegExp): CompletionResult | null {
  if (options.length === 0 || (typed === '' && !context.explicit)) return null;
  return { from: context.pos - typed.length, options, validFor };
}

export function hotCompletions(context: CompletionContext, hints: HotHints): CompletionResult | null {
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);

  const type = /\btype:\s*["']?([\w:.-]*)$/.exec(before);
  if (type) {
    const options = hints.resourceTypes.map((entry) => ({
      label: entry.resource_type,
      type: 'class',
      info: entry.description ? firstLine(entry.description) : undefined,
    }));
    // A type is worth offering as soon as `type: ` is written.
    return options.length > 0 ? { from: context.pos - type[1]!.length, options, validFor: /^[\w:.-]*$/ } : null;
  }

  const reference = /\b(get_param|get_resource|get_attr):\s*\[?\s*(\w*)$/.exec(before);
  if (reference) {
    const names = reference[1] === 'get_param' ? hints.parameterNames : hints.resourceNames;
    const options = names.map((name) => ({ label: name, type: reference[1] === 'get_param' ? 'variable' : 'property' }));
    return options.length > 0 ? { from: context.pos - reference[2]!.length, options, validFor: /^\w*$/ } : null;
  }

  const topLevel = /^(\w*)$/.exec(before);
  if (topLevel) {
    return result(context, topLevel[1]!, hotSections.map((section) => ({ label: section, type: 'keyword', apply: `${section}: ` })), /^\w*$/);
  }

  // A function is written as a one-key map: `{get_param: name}`, or `get_param: name` as a key of its own line.
  const functionPlace = /(?:\{\s*|^\s+|:\s+|-\s+)(\w*)$/.exec(before);
  if (functionPlace) {
    const options = hints.functions.map((entry) => ({
      label: entry.functions,
      type: 'function',
      info: entry.description,
      apply: `${entry.functions}: `,
    }));
    return result(context, functionPlace[1]!, options, /^\w*$/);
  }
  return null;
}
