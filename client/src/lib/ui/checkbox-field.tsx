// A labelled checkbox with an optional hint under its label: the on/off setting of the feature forms.
import clsx from 'clsx';

export function CheckboxField({
  label,
  hint,
  checked,
  onChange,
  testId,
  className,
}: {
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
  className?: string;
}) {
  return (
    <label className={clsx('flex items-start gap-2 text-sm text-fg', className)}>
      <input type="checkbox" className="mt-0.5 size-4 accent-brand" checked={checked} onChange={(event) => onChange(event.target.checked)} data-testid={testId} />
      <span>
        {label}
        {hint && <span className="block text-xs text-fg-muted">{hint}</span>}
      </span>
    </label>
  );
}
