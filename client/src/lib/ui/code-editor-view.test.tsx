// @vitest-environment jsdom
import { EditorView } from '@codemirror/view';
import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CodeEditorView } from './code-editor-view';

function editorIn(container: HTMLElement): EditorView {
  const content = container.firstElementChild!.shadowRoot!.querySelector<HTMLElement>('.cm-content')!;
  return EditorView.findFromDOM(content)!;
}

// jsdom lays nothing out: CodeMirror's measuring asks ranges for rectangles, which jsdom lacks.
const noRects: DOMRect[] = [];
Range.prototype.getClientRects = () => Object.assign(noRects, { item: () => null });
Range.prototype.getBoundingClientRect = () => new DOMRect();

describe('CodeEditorView', () => {
  it('keeps what was typed when a render still carries an older edit, and takes a change from outside', () => {
    const onChange = vi.fn<(value: string) => void>();
    const field = (value: string) => <CodeEditorView value={value} onChange={onChange} language="yaml" ariaLabel="User data" />;
    const { container, rerender } = render(field('#cloud-config\n'));
    const editor = editorIn(container);

    // The user empties the editor, then inserts a text, before React renders the first change.
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: '' } });
    editor.dispatch({ changes: { from: 0, insert: '#cloud-config\npackages: vim\n' } });
    expect(onChange.mock.calls.map(([value]) => value)).toEqual(['', '#cloud-config\npackages: vim\n']);
    rerender(field(''));
    expect(editor.state.doc.toString()).toBe('#cloud-config\npackages: vim\n');
    rerender(field('#cloud-config\npackages: vim\n'));

    // A file loaded: the value changes from outside, the editor shows it.
    rerender(field('#!/bin/sh\necho hi\n'));
    expect(editor.state.doc.toString()).toBe('#!/bin/sh\necho hi\n');
  });
});
