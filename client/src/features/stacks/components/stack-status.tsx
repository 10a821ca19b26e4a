// A Heat status (a stack's, a resource's, an event's) as a coloured dot and a translated word; data-status keeps
// Heat's own value for tests. A stack a write was just sent to says so while the page waits for Heat.
import clsx from 'clsx';
import type { ParseKeys } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusDot } from '../../../lib/ui/status-dot';
import { statuses } from '../../../resources/stacks/list-state';
import { heatStatusTone } from '../../../resources/stacks/stack-state';
import type { HeatStatus } from '../../../resources/stacks/types';

/** The translated words of a status; Heat's own string for the rare ones without (INIT_COMPLETE, SNAPSHOT_...). */
export function useHeatStatusLabel() {
  const { t } = useTranslation();
  return useCallback((status: HeatStatus) => (statuses.includes(status) ? t(`stacks.status.${status}` as ParseKeys) : status), [t]);
}

export function HeatStatusBadge({ status, pending = false, testId = 'stack-status' }: { status: HeatStatus; pending?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const label = useHeatStatusLabel();
  return (
    <StatusDot
      status={status}
      tone={pending ? 'busy' : heatStatusTone(status)}
      label={label(status)}
      note={pending ? t('stacks.pending') : undefined}
      testId={testId}
    />
  );
}

/** Heat's reason for a status, in the colour of a failure when it explains one. */
export function StatusReason({ status, reason, clamp = false, testId = 'stack-status-reason' }: { status: HeatStatus; reason: string; clamp?: boolean; testId?: string }) {
  if (!reason) return null;
  const failed = heatStatusTone(status) === 'error';
  return (
    <p
      className={clsx('text-xs break-words', clamp ? 'line-clamp-2 max-w-md' : 'whitespace-pre-wrap', failed ? 'text-danger' : 'text-fg-muted')}
      title={clamp ? reason : undefined}
      data-testid={testId}
    >
      {reason}
    </p>
  );
}
