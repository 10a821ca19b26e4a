// A labelled choice among resources (a network, a subnet, a port...): a native select, whose first option says
// what to choose, and options that may be offered but unavailable (with their reason in the label).
import { useId, type ReactNode } from 'react';
import { describedBy, Field, inputClass } from './form-controls';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export function SelectField({
  label,
  value,
  onChange,
  options,
  placeholder,
  hint,
  error,
  testId,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  /** The empty first option ("Choose a network"); omitted when a value is always chosen. */
  placeholder?: string;
  hint?: ReactNode;
  error?: string;
  testId?: string;
}) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={inputClass}
        aria-describedby={describedBy(id, { hint: hint !== undefined, error: error !== undefined })}
        aria-invalid={error !== undefined}
        data-testid={testId}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
