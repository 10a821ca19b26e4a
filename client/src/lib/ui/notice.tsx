import clsx from 'clsx';
import type { ReactNode } from 'react';
import { InfoIcon } from './icons';

/** A neutral message (why the user is on the login page, a confirmation...). */
export function Notice({ children, className, testId }: { children: ReactNode; className?: string; testId?: string }) {
  return (
    <div
      role="status"
      data-testid={testId}
      className={clsx('flex gap-2 rounded-md border border-info-line bg-info-soft px-3 py-2 text-sm text-fg', className)}
    >
      <InfoIcon className="mt-0.5 size-4 shrink-0 text-brand" />
      <div>{children}</div>
    </div>
  );
}
