// Everything said about the template while it is written: the local reading (YAML errors, size, resource types this
// cloud's Heat does not offer) as editor diagnostics, the HOT hints for the editor's completions, and Heat's own
// validation, asked again once the text has rested for a moment (never while the YAML is broken: Heat would only
// repeat what the editor already shows, without a position).
import type { CompletionContext } from '@codemirror/autocomplete';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useScope } from '../../../lib/scope';
import type { EditorDiagnostic } from '../../../lib/ui/code-editor';
import { useResourceTypes } from '../../../resources/stacks/stacks';
import { templateValidationQueryOptions, useTemplateFunctions } from '../../../resources/stacks/template-checks';
import { hotCompletions, type HotHints } from '../model/hot-completions';
import { templateBody, type TemplateInput } from '../model/stack-request';
import { maxTemplateSize, readTemplateText, unknownResourceTypes, type TemplateText } from '../model/template-text';

export type TemplateDiagnosticMessage =
  | { code: 'yamlSyntax'; detail: string }
  | { code: 'unknownType'; type: string }
  | { code: 'tooLarge'; size: number; max: number };

/** A diagnostic before its message is put in the user's language. */
export interface TemplateDiagnostic extends Omit<EditorDiagnostic, 'message'> {
  line: number;
  column: number;
  detail: TemplateDiagnosticMessage;
}

/** How long the text must rest before Heat is asked again. */
export const validationDelay = 700;

function useDebounced<Value>(value: Value, delay: number): Value {
  const [rested, setRested] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setRested(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return rested;
}

export function templateDiagnostics(template: TemplateText, knownTypes: ReadonlySet<string> | undefined): TemplateDiagnostic[] {
  const diagnostics: TemplateDiagnostic[] = template.syntaxErrors.map(({ from, to, line, column, detail }) => ({
    from,
    to,
    line,
    column,
    severity: 'error',
    detail: { code: 'yamlSyntax', detail },
  }));
  if (template.size > maxTemplateSize) {
    diagnostics.push({ from: 0, to: 0, line: 1, column: 1, severity: 'error', detail: { code: 'tooLarge', size: template.size, max: maxTemplateSize } });
  }
  for (const type of knownTypes ? unknownResourceTypes(template, knownTypes) : []) {
    diagnostics.push({ from: type.from, to: type.to, line: type.line, column: type.column, severity: 'warning', detail: { code: 'unknownType', type: type.name } });
  }
  return diagnostics;
}

/** Whether the template can be sent to Heat at all: text that parses, or a URL. */
export function isSendable(template: TemplateInput, text: TemplateText): boolean {
  if (template.mode === 'url') return /^https?:\/\/\S+$/i.test(template.url.trim());
  return template.text.trim() !== '' && text.syntaxErrors.length === 0;
}

export function useTemplateChecks(template: TemplateInput) {
  const scope = useScope();
  const text = useMemo(() => readTemplateText(template.mode === 'text' ? template.text : ''), [template.mode, template.text]);
  const resourceTypes = useResourceTypes();
  const functions = useTemplateFunctions(text.version);
  const knownTypes = useMemo(() => (resourceTypes.data ? new Set(resourceTypes.data.map((type) => type.resource_type)) : undefined), [resourceTypes.data]);
  const diagnostics = useMemo(() => templateDiagnostics(text, knownTypes), [text, knownTypes]);

  // The editor reads its completion source once: it reads the hints of the moment through this ref.
  const hints = useRef<HotHints>({ resourceTypes: [], functions: [], parameterNames: [], resourceNames: [] });
  useEffect(() => {
    hints.current = {
      resourceTypes: resourceTypes.data ?? [],
      functions: functions.data ?? [],
      parameterNames: text.parameterNames,
      resourceNames: text.resourceNames,
    };
  }, [resourceTypes.data, functions.data, text]);
  const completion = useCallback((context: CompletionContext) => hotCompletions(context, hints.current), []);

  const sendable = isSendable(template, text);
  const body = useMemo(() => (sendable ? templateBody(template) : null), [sendable, template]);
  const restedBody = useDebounced(body, validationDelay);
  const validation = useQuery({
    ...templateValidationQueryOptions(scope, restedBody ?? {}),
    enabled: restedBody !== null,
    // The form keeps the last answer's parameters while Heat reads the new text.
    placeholderData: keepPreviousData,
  });
  const settled = restedBody === body && !validation.isFetching;

  return { text, diagnostics, completion, sendable, validation, settled };
}
