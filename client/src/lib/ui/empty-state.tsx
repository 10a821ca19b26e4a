import clsx from 'clsx';
import type { ReactNode } from 'react';

export function EmptyState({ title, children, className }: { title: string; children?: ReactNode; className?: string }) {
  return (
    <div className={clsx('rounded-lg border border-dashed border-line-strong px-6 py-10 text-center', className)}>
      <p className="font-medium text-fg">{title}</p>
      {children && <div className="mt-1 text-sm text-fg-muted">{children}</div>}
    </div>
  );
}
