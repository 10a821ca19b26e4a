// The user data editor: what kind of content it is, its diagnostics inline and listed (with line and column),
// its size against Nova's limit, and a file upload.
import clsx from 'clsx';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { checkUserData, maxEncodedUserDataLength, type DiagnosticMessage, type UserDataCheck } from '../model/user-data';
import { CodeEditor, type EditorDiagnostic } from '../../../lib/ui/code-editor';
import { FieldError } from '../../../lib/ui/form-controls';
import { useQuantityFormat } from './use-quantity-format';

// Far above what Nova accepts, so the size message (not a frozen tab) tells the user the file is too big.
const largestReadableFile = 1024 * 1024;

export function diagnosticText(message: DiagnosticMessage, t: TFunction): string {
  switch (message.code) {
    case 'wrongType':
      return t('launch-instance.userData.diagnostics.wrongType', {
        path: message.path,
        expected: t(`launch-instance.userData.expected.${message.expected}`),
        received: t(`launch-instance.userData.received.${message.received}`),
      });
    case 'listExpected':
      return t('launch-instance.userData.diagnostics.listExpected', {
        path: message.path,
        received: t(`launch-instance.userData.received.${message.received}`),
      });
    case 'unknownModule':
    case 'unknownKey':
      return message.suggestion
        ? t(`launch-instance.userData.diagnostics.${message.code}Suggestion`, { ...message, suggestion: message.suggestion })
        : t(`launch-instance.userData.diagnostics.${message.code}`, message);
    default:
      return t(`launch-instance.userData.diagnostics.${message.code}`, message);
  }
}

export function UserDataField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const format = useQuantityFormat();
  const [fileError, setFileError] = useState<string>();
  const check: UserDataCheck = useMemo(() => checkUserData(value), [value]);
  const diagnostics: EditorDiagnostic[] = useMemo(
    () => check.diagnostics.map((diagnostic) => ({ ...diagnostic, message: diagnosticText(diagnostic.message, t) })),
    [check, t],
  );
  const tooLarge = check.encodedLength > maxEncodedUserDataLength;

  const upload = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > largestReadableFile) {
      setFileError(t('launch-instance.userData.fileTooLarge', { file: file.name, size: format.bytes(file.size) }));
      return;
    }
    setFileError(undefined);
    onChange(await file.text());
  };

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <span id="user-data-label" className="text-sm font-medium text-fg">
          {t('launch-instance.userData.label')}
        </span>
        <span data-testid="user-data-kind" className="rounded-full bg-sunken px-2 py-0.5 text-xs font-medium text-fg-muted">
          {t(`launch-instance.userData.kinds.${check.kind}`)}
        </span>
        <label className="ml-auto text-sm text-fg">
          <span className="mr-2">{t('launch-instance.userData.upload')}</span>
          <input
            type="file"
            data-testid="user-data-file"
            accept=".yaml,.yml,.sh,.txt,text/*"
            className="text-sm"
            onChange={(event) => void upload(event.target.files?.[0])}
          />
        </label>
      </div>
      <p id="user-data-help" className="text-xs text-fg-muted">
        {t('launch-instance.userData.help')}
      </p>
      <CodeEditor
        value={value}
        onChange={onChange}
        diagnostics={diagnostics}
        language={check.kind === 'shell' ? 'plain' : 'yaml'}
        ariaLabel={t('launch-instance.userData.label')}
        placeholder={t('launch-instance.userData.placeholder')}
        testId="user-data-editor"
      />
      <p id="user-data-size" data-testid="user-data-size" className={clsx('text-xs', tooLarge ? 'font-medium text-danger' : 'text-fg-muted')}>
        {t('launch-instance.userData.size', {
          bytes: format.number(check.bytes),
          encoded: format.number(check.encodedLength),
          max: format.number(maxEncodedUserDataLength),
        })}
      </p>
      {diagnostics.length > 0 && (
        <ul className="space-y-1 text-xs" data-testid="user-data-diagnostics" aria-label={t('launch-instance.userData.diagnosticsLabel')}>
          {check.diagnostics.map((diagnostic, index) => (
            <li
              key={`${diagnostic.from}-${index}`}
              data-severity={diagnostic.severity}
              className={clsx(
                diagnostic.severity === 'error' ? 'text-danger' : diagnostic.severity === 'warning' ? 'text-warn' : 'text-fg-muted',
              )}
            >
              <span className="font-mono">{t('launch-instance.userData.position', { line: diagnostic.line, column: diagnostic.column })}</span>{' '}
              <span className="font-semibold">{t(`launch-instance.userData.severity.${diagnostic.severity}`)}</span>{' '}
              {diagnostics[index]!.message}
            </li>
          ))}
        </ul>
      )}
      <FieldError message={fileError} />
      <FieldError id="user-data-error" message={error} />
    </div>
  );
}
