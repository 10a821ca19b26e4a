// Form building blocks shared by the feature forms: a labelled field with its hint and error (wired with
// aria-describedby and aria-invalid), and the shared input classes.
import clsx from 'clsx';
import type { ReactNode } from 'react';

export const inputClass =
  'block h-9 w-full rounded-md border border-line-strong bg-surface px-3 text-sm text-fg placeholder:text-fg-muted focus-visible:border-focus focus-visible:outline-1 aria-[invalid=true]:border-danger';
export const textareaClass =
  'block w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-sm text-fg placeholder:text-fg-muted focus-visible:border-focus focus-visible:outline-1 aria-[invalid=true]:border-danger';

/** The ids a field's control points to with aria-describedby. */
export function describedBy(id: string, { hint, error }: { hint?: boolean; error?: boolean }): string | undefined {
  const ids = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function Field({
  id,
  label,
  hint,
  error,
  children,
  className,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={clsx('space-y-1', className)}>
      <label htmlFor={id} className="block text-sm font-medium text-fg">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-fg-muted">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function FieldError({ id, message }: { id?: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" data-testid="field-error" className="text-xs font-medium text-danger">
      {message}
    </p>
  );
}
