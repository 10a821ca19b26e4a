// A labelled text input (or textarea) with its hint and its error, wired for assistive technologies: the form
// field most action forms are made of.
import { useId, type ReactNode } from 'react';
import { describedBy, Field, inputClass, textareaClass } from './form-controls';

export function TextField({
  label,
  value,
  onChange,
  testId,
  placeholder,
  hint,
  error,
  multiline = false,
  disabled = false,
  inputMode,
  maxLength = 255,
  secret = false,
  className,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  placeholder?: string;
  hint?: ReactNode;
  /** Already translated; shown under the field, which is marked invalid. */
  error?: string;
  multiline?: boolean;
  disabled?: boolean;
  inputMode?: 'numeric' | 'text';
  maxLength?: number;
  /** A secret typed once (a pre-shared key): shown as dots, not offered to the browser's autofill or spellchecker. */
  secret?: boolean;
  className?: string;
}) {
  const id = useId();
  const shared = {
    id,
    value,
    placeholder,
    maxLength,
    disabled,
    'data-testid': testId,
    'aria-describedby': describedBy(id, { hint: hint !== undefined, error: error !== undefined }),
    'aria-invalid': error !== undefined,
  };
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      {multiline ? (
        <textarea {...shared} rows={2} className={textareaClass} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...shared}
          {...(secret ? { type: 'password', autoComplete: 'new-password', spellCheck: false } : {})}
          inputMode={inputMode}
          className={`${inputClass} disabled:opacity-60`}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
