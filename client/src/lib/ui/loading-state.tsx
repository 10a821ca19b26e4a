import clsx from 'clsx';
import { Spinner } from './spinner';

/** Says what is being loaded, for everyone: the text is read out through role=status. */
export function LoadingState({ label, className }: { label: string; className?: string }) {
  return (
    <div role="status" className={clsx('flex items-center gap-2 py-6 text-sm text-fg-muted', className)}>
      <Spinner />
      <span>{label}</span>
    </div>
  );
}
