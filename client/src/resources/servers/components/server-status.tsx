// A server's status, with a spinner and its task state while Nova works on it (or an action was just sent).
import clsx from 'clsx';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../../lib/ui/spinner';
import { statusLabel, statusTone, type StatusTone } from '../server-state';
import type { Server } from '../types';

const tones: Record<StatusTone, string> = {
  ok: 'bg-ok',
  warn: 'bg-warn-bar',
  danger: 'bg-danger-bar',
  muted: 'bg-fg-muted',
};

export function StatusBadge({ server, pending }: { server: Server; pending: boolean }) {
  const { t } = useTranslation();
  const task = server['OS-EXT-STS:task_state'];
  const working = pending || task !== null;
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap" data-testid="server-status" data-status={server.status} data-task-state={task ?? ''} data-pending={working}>
      {working ? <Spinner className="size-3.5 text-brand" /> : <span aria-hidden="true" className={clsx('size-2 rounded-full', tones[statusTone(server.status)])} />}
      <span className="text-fg">{t(statusLabel(server.status))}</span>
      {task && <span className="text-xs text-fg-muted">({task})</span>}
      {!task && pending && <span className="sr-only">{t('resources.servers.pending')}</span>}
    </span>
  );
}
