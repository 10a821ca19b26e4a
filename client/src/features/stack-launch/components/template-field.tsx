// Where the template comes from: written in the editor (HOT hints, YAML errors inline with line and column),
// uploaded from a file, taken from Zenith's starter library, or given as a URL that Heat fetches itself; and the
// environment files that go with it.
import type { CompletionSource } from '@codemirror/autocomplete';
import clsx from 'clsx';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../../../lib/format';
import { Button } from '../../../lib/ui/button';
import { CodeEditor } from '../../../lib/ui/code-editor';
import { FieldError } from '../../../lib/ui/form-controls';
import { TextField } from '../../../lib/ui/text-field';
import type { EnvironmentFile, TemplateInput } from '../model/stack-request';
import { maxTemplateSize, type TemplateText } from '../model/template-text';
import { starterTemplates } from '../starters';
import type { TemplateDiagnostic, TemplateDiagnosticMessage } from './use-template-checks';

/** Past this a file is no template Heat would take: refuse to read it into the editor (a frozen tab says nothing). */
const largestReadableFile = 4 * maxTemplateSize;

export function diagnosticText(message: TemplateDiagnosticMessage, t: TFunction, number: (value: number) => string): string {
  switch (message.code) {
    case 'yamlSyntax':
      return t('stack-launch.template.diagnostics.yamlSyntax', { detail: message.detail });
    case 'unknownType':
      return t('stack-launch.template.diagnostics.unknownType', { type: message.type });
    case 'tooLarge':
      return t('stack-launch.template.diagnostics.tooLarge', { size: number(message.size), max: number(message.max) });
  }
}

async function readFiles(files: FileList | null, t: TFunction): Promise<{ files: EnvironmentFile[]; error?: string }> {
  const read: EnvironmentFile[] = [];
  for (const file of files ? [...files] : []) {
    if (file.size > largestReadableFile) return { files: read, error: t('stack-launch.template.fileTooLarge', { file: file.name }) };
    read.push({ name: file.name, text: await file.text() });
  }
  return { files: read };
}

export function TemplateField({
  value,
  onChange,
  text,
  diagnostics,
  completion,
  allowStarters = true,
}: {
  value: TemplateInput;
  onChange: (value: TemplateInput) => void;
  text: TemplateText;
  diagnostics: readonly TemplateDiagnostic[];
  completion: CompletionSource;
  allowStarters?: boolean;
}) {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const [fileError, setFileError] = useState<string>();
  const messages = diagnostics.map((diagnostic) => ({ ...diagnostic, message: diagnosticText(diagnostic.detail, t, number) }));

  const upload = async (files: FileList | null) => {
    const read = await readFiles(files, t);
    setFileError(read.error);
    const file = read.files[0];
    if (file) onChange({ ...value, mode: 'text', text: file.text, fileName: file.name });
  };
  const addEnvironment = async (files: FileList | null) => {
    const read = await readFiles(files, t);
    setFileError(read.error);
    // A name is the file's key in `files`: a second file of the same name replaces the first.
    const names = new Set(read.files.map((file) => file.name));
    onChange({ ...value, environmentFiles: [...value.environmentFiles.filter((file) => !names.has(file.name)), ...read.files] });
  };

  return (
    <div className="space-y-3" data-testid="template-field">
      <div role="radiogroup" aria-label={t('stack-launch.template.source')} className="flex flex-wrap gap-4 text-sm text-fg">
        {(['text', 'url'] as const).map((mode) => (
          <label key={mode} className="flex items-center gap-2">
            <input
              type="radio"
              name="template-mode"
              className="accent-brand"
              checked={value.mode === mode}
              onChange={() => onChange({ ...value, mode })}
              data-testid={`template-mode-${mode}`}
            />
            {t(`stack-launch.template.modes.${mode}`)}
          </label>
        ))}
      </div>

      {value.mode === 'url' ? (
        <TextField
          label={t('stack-launch.template.url')}
          value={value.url}
          onChange={(url) => onChange({ ...value, url })}
          placeholder="https://"
          hint={t('stack-launch.template.urlHint')}
          testId="template-url"
          maxLength={2048}
        />
      ) : (
        <>
          {allowStarters && (
            <section aria-labelledby="starters-title" className="space-y-2">
              <h3 id="starters-title" className="text-sm font-medium text-fg">
                {t('stack-launch.starters.title')}
              </h3>
              <div className="grid gap-2 sm:grid-cols-2">
                {starterTemplates.map((starter) => (
                  <button
                    key={starter.id}
                    type="button"
                    data-testid={`starter-${starter.id}`}
                    aria-pressed={value.fileName === `${starter.id}.yaml` && value.text === starter.template}
                    onClick={() => onChange({ ...value, text: starter.template, fileName: `${starter.id}.yaml` })}
                    className={clsx(
                      'rounded-md border px-3 py-2 text-left hover:bg-sunken',
                      value.text === starter.template ? 'border-brand bg-sunken' : 'border-line bg-surface',
                    )}
                  >
                    <span className="block text-sm font-medium text-fg">{t(`stack-launch.starters.${starter.id}.title`)}</span>
                    <span className="block text-xs text-fg-muted">{t(`stack-launch.starters.${starter.id}.description`)}</span>
                  </button>
                ))}
              </div>
            </section>
          )}
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <span className="text-sm font-medium text-fg">
              {t('stack-launch.template.label')} <span className="font-mono text-xs font-normal text-fg-muted">{value.fileName}</span>
            </span>
            <label className="ml-auto text-sm text-fg">
              <span className="mr-2">{t('stack-launch.template.upload')}</span>
              <input
                type="file"
                accept=".yaml,.yml,.json,.template,text/*"
                data-testid="template-file"
                className="text-sm"
                onChange={(event) => void upload(event.target.files)}
              />
            </label>
          </div>
          <CodeEditor
            value={value.text}
            onChange={(text) => onChange({ ...value, text })}
            diagnostics={messages}
            ariaLabel={t('stack-launch.template.label')}
            placeholder={t('stack-launch.template.placeholder')}
            testId="template-editor"
            completion={completion}
          />
          <p data-testid="template-size" className={clsx('text-xs', text.size > maxTemplateSize ? 'font-medium text-danger' : 'text-fg-muted')}>
            {t('stack-launch.template.size', { size: number(text.size), max: number(maxTemplateSize) })}
          </p>
          {messages.length > 0 && (
            <ul className="space-y-1 text-xs" data-testid="template-diagnostics" aria-label={t('stack-launch.template.diagnosticsLabel')}>
              {messages.map((diagnostic, index) => (
                <li
                  key={`${diagnostic.from}-${index}`}
                  data-severity={diagnostic.severity}
                  className={diagnostic.severity === 'error' ? 'text-danger' : 'text-warn'}
                >
                  <span className="font-mono">{t('stack-launch.template.position', { line: diagnostic.line, column: diagnostic.column })}</span>{' '}
                  {diagnostic.message}
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
          <span className="text-sm font-medium text-fg">{t('stack-launch.environment.label')}</span>
          <label className="ml-auto text-sm text-fg">
            <span className="mr-2">{t('stack-launch.environment.add')}</span>
            <input
              type="file"
              multiple
              accept=".yaml,.yml,.json,text/*"
              data-testid="environment-files"
              className="text-sm"
              onChange={(event) => {
                void addEnvironment(event.target.files);
                event.target.value = '';
              }}
            />
          </label>
        </div>
        <p className="text-xs text-fg-muted">{t('stack-launch.environment.hint')}</p>
        {value.environmentFiles.length > 0 && (
          <ol className="space-y-1 text-sm" data-testid="environment-list">
            {value.environmentFiles.map((file) => (
              <li key={file.name} className="flex items-center justify-between gap-2 rounded-md border border-line px-2 py-1">
                <span className="font-mono text-xs text-fg">{file.name}</span>
                <Button
                  variant="ghost"
                  className="px-2 py-0.5 text-xs"
                  onClick={() => onChange({ ...value, environmentFiles: value.environmentFiles.filter((other) => other !== file) })}
                >
                  {t('stack-launch.environment.remove', { file: file.name })}
                </Button>
              </li>
            ))}
          </ol>
        )}
      </div>
      <FieldError message={fileError} />
    </div>
  );
}
