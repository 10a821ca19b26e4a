// CodeMirror 6 as a controlled React field: YAML highlighting, the caller's diagnostics shown inline (underline,
// gutter marker, hover message), the caller's completions, colours from the app's theme variables so both themes
// stay readable.
import { autocompletion, closeBrackets, completionKeymap, type CompletionSource } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  placeholder as placeholderExtension,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { useEffect, useRef } from 'react';

export interface EditorDiagnostic {
  from: number;
  to: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface CodeEditorProps {
  value: string;
  onChange: (value: string) => void;
  diagnostics?: readonly EditorDiagnostic[];
  /** Highlights YAML (cloud-config); plain text otherwise. */
  language?: 'yaml' | 'plain';
  /**
   * Accessible name of the editing area. (No aria-describedby: the editor lives in a shadow root, which ids of the
   * page cannot reach; put the help next to the editor.)
   */
  ariaLabel: string;
  placeholder?: string;
  testId?: string;
  /** Shown, selectable and copyable, but not editable (a template as it was sent). */
  readOnly?: boolean;
  /** Suggestions offered while typing (Ctrl+Space opens them too); read once, when the editor is made. */
  completion?: CompletionSource;
}

const highlightStyle = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--brand)', fontWeight: '600' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--ok)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--warn)' },
  { tag: [tags.comment, tags.meta], color: 'var(--fg-muted)', fontStyle: 'italic' },
  { tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace], color: 'var(--fg-muted)' },
  { tag: tags.invalid, color: 'var(--danger)' },
]);

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--surface)', color: 'var(--fg)', fontSize: '13px', minHeight: '16rem' },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '-1px' },
  '.cm-content': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', caretColor: 'var(--fg)' },
  // The gutters run down the whole editor, not only along the lines written so far.
  '.cm-content, .cm-gutter': { minHeight: '16rem' },
  '.cm-scroller': { maxHeight: '28rem', overflow: 'auto' },
  '.cm-gutters': { backgroundColor: 'var(--sunken)', color: 'var(--fg-muted)', borderRight: '1px solid var(--line)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--brand) 6%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--brand) 12%, transparent)', color: 'var(--fg)' },
  '.cm-cursor': { borderLeftColor: 'var(--fg)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'color-mix(in srgb, var(--brand) 25%, transparent)' },
  '.cm-placeholder': { color: 'var(--fg-muted)' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--fg)', border: '1px solid var(--line-strong)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--brand)', color: 'var(--on-brand)' },
  '.cm-completionDetail': { color: 'var(--fg-muted)', marginLeft: '0.5em' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--danger)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--warn)' },
  '.cm-diagnostic-info': { borderLeftColor: 'var(--brand)' },
  '.cm-lintRange-error': { textDecoration: 'underline wavy var(--danger)', backgroundImage: 'none' },
  '.cm-lintRange-warning': { textDecoration: 'underline wavy var(--warn)', backgroundImage: 'none' },
  '.cm-lintRange-info': { textDecoration: 'underline dotted var(--brand)', backgroundImage: 'none' },
});

function toCodeMirror(diagnostics: readonly EditorDiagnostic[], length: number): Diagnostic[] {
  // Diagnostics computed for a slightly older text must still land inside the document.
  return diagnostics.map((diagnostic) => {
    const from = Math.min(diagnostic.from, length);
    return { ...diagnostic, from, to: Math.min(Math.max(diagnostic.to, from), length) };
  });
}

/** Edits remembered while the value lags behind: React renders within a frame or two, far fewer than this. */
const maxHandedOver = 32;

export function CodeEditorView({
  value,
  onChange,
  diagnostics = [],
  language = 'yaml',
  ariaLabel,
  placeholder,
  testId,
  readOnly = false,
  completion,
}: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  // The documents the editor handed to onChange since the value last caught up with it. A render may still carry
  // one of them after the user typed on (a deletion, then an insertion before React rendered): that value is an
  // echo of an older edit, not a change from outside, and writing it back would erase what was typed since.
  const handedOver = useRef(new Set<string>());

  // The view is made once per language; later value changes from outside (a file upload) are dispatched into it.
  useEffect(() => {
    // CodeMirror writes its CSS at run time. In a document it would add <style> elements, which Zenith's
    // Content-Security-Policy (style-src 'self') rightly refuses; in a shadow root it uses constructed style
    // sheets, which the policy does not cover. The theme's colours still come in: custom properties inherit.
    const shadowRoot = host.current!.shadowRoot ?? host.current!.attachShadow({ mode: 'open' });
    const editor = new EditorView({
      parent: shadowRoot,
      root: shadowRoot,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          history(),
          drawSelection(),
          indentOnInput(),
          keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
          completion ? [autocompletion({ override: [completion] }), closeBrackets()] : [],
          EditorState.readOnly.of(readOnly),
          language === 'yaml' ? yaml() : [],
          syntaxHighlighting(highlightStyle),
          lintGutter(),
          theme,
          placeholder ? placeholderExtension(placeholder) : [],
          EditorView.contentAttributes.of({
            'aria-label': ariaLabel,
            // Said outright: an editable area is focusable anyway, but checkers (axe) only count a tabindex, and a
            // read-only one must stay reachable from the keyboard to scroll and select a long text.
            tabindex: '0',
            ...(testId ? { 'data-testid': testId } : {}),
          }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            const document = update.state.doc.toString();
            handedOver.current.add(document);
            // A parent that never hands the value back would otherwise keep every version typed.
            if (handedOver.current.size > maxHandedOver) handedOver.current.delete(handedOver.current.values().next().value!);
            onChangeRef.current(document);
          }),
        ],
      }),
    });
    view.current = editor;
    handedOver.current.clear();
    return () => {
      editor.destroy();
      view.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the document is handed over below, not by recreating the view
  }, [language, ariaLabel, placeholder, testId, readOnly]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    if (editor.state.doc.toString() === value) handedOver.current.clear();
    else if (!handedOver.current.has(value)) editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    const editor = view.current;
    if (editor) editor.dispatch(setDiagnostics(editor.state, toCodeMirror(diagnostics, editor.state.doc.length)));
  }, [diagnostics, language]);

  return <div ref={host} className="overflow-hidden rounded-md border border-line-strong" />;
}
