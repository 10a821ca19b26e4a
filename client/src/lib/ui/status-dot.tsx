// A resource's status as a coloured dot and a translated word; data-status keeps the API's own value for tests.
import clsx from 'clsx';
import type { ReactNode } from 'react';

export type StatusTone = 'ok' | 'idle' | 'busy' | 'error';

const tones: Record<StatusTone, string> = { ok: 'bg-ok', idle: 'bg-fg-muted', busy: 'bg-warn-bar', error: 'bg-danger-bar' };

/** Neutron's statuses (networks, ports, routers, floating IPs) in one tone each. */
export function neutronStatusTone(status: string): StatusTone {
  if (status === 'ACTIVE') return 'ok';
  if (status === 'ERROR') return 'error';
  if (status === 'BUILD' || status === 'ALLOCATING') return 'busy';
  return 'idle';
}

export function StatusDot({ status, tone, label, note, testId }: { status: string; tone: StatusTone; label: ReactNode; note?: ReactNode; testId?: string }) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap" data-testid={testId} data-status={status}>
      <span aria-hidden="true" className={clsx('size-2 rounded-full', tones[tone])} />
      <span className="text-fg">{label}</span>
      {note && <span className="text-xs text-fg-muted">({note})</span>}
    </span>
  );
}
