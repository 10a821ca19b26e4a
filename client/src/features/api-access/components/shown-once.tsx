// The warning above a secret Keystone answers once: read it now, it cannot be shown again.
import { AlertIcon } from '../../../lib/ui/icons';

export function ShownOnce({ children, testId }: { children: string; testId: string }) {
  return (
    <div role="alert" className="flex gap-2 rounded-md border border-danger-line bg-danger-soft px-3 py-2 text-sm text-fg" data-testid={testId}>
      <AlertIcon className="mt-0.5 size-4 shrink-0 text-danger" />
      <p>{children}</p>
    </div>
  );
}
