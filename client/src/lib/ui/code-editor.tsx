// A code editor field whose CodeMirror code is only downloaded when the editor first shows (a few hundred KB
// that the rest of the app never needs); until then a spinner holds its place.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from './loading-state';
import type { CodeEditorProps } from './code-editor-view';

export type { CodeEditorProps, EditorDiagnostic } from './code-editor-view';

const CodeEditorView = lazy(async () => ({ default: (await import('./code-editor-view')).CodeEditorView }));

export function CodeEditor(props: CodeEditorProps) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<LoadingState label={t('editor.loading')} className="min-h-64" />}>
      <CodeEditorView {...props} />
    </Suspense>
  );
}
