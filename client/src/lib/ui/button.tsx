import clsx from 'clsx';
import type { ComponentProps } from 'react';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

const variants: Record<Variant, string> = {
  primary: 'bg-brand text-on-brand hover:bg-brand-hover disabled:opacity-60',
  secondary: 'border border-line-strong bg-surface text-fg hover:bg-sunken disabled:opacity-60',
  ghost: 'text-fg hover:bg-sunken disabled:opacity-60',
  // The confirming button of a destructive action: red text on a pale ground keeps its contrast in both themes.
  danger: 'border border-danger-line bg-danger-soft text-danger hover:bg-danger-line/60 disabled:opacity-60',
};

export function Button({
  variant = 'secondary',
  className,
  type = 'button',
  ...props
}: ComponentProps<'button'> & { variant?: Variant }) {
  return (
    <button
      type={type}
      className={clsx(
        'inline-flex items-center justify-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium transition-colors disabled:cursor-not-allowed',
        variants[variant],
        className,
      )}
      {...props}
    />
  );
}
