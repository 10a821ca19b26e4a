// A stack's events as a timeline, newest first: when, which resource (and in which nested stack), its status and
// Heat's reason. While Heat works on the stack, new events arrive at the top (resources/stacks/events.ts asks only
// for those after the last one read).
import clsx from 'clsx';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../../lib/ui/spinner';
import { owningStackOf } from '../../../resources/stacks/resource-links';
import { heatStatusTone } from '../../../resources/stacks/stack-state';
import type { Stack, StackEvent } from '../../../resources/stacks/types';
import { useHeatDate } from './stack-overview';
import { HeatStatusBadge } from './stack-status';

const dotTone = { ok: 'bg-ok-bar', busy: 'bg-warn-bar', error: 'bg-danger-bar', idle: 'bg-fg-muted' } as const;

export function StackEvents({ stack, events, live }: { stack: Stack; events: readonly StackEvent[]; live: boolean }) {
  const { t } = useTranslation();
  const date = useHeatDate();
  return (
    <div className="space-y-3">
      <p className="flex items-center gap-2 text-sm text-fg-muted" aria-live="polite" data-testid="stack-events-summary">
        {live && <Spinner className="size-3.5" />}
        {live ? t('stacks.events.live', { count: events.length }) : t('stacks.events.count', { count: events.length })}
      </p>
      {events.length > 0 && (
        <ol className="relative ml-2 border-l border-line-strong" data-testid="stack-events">
          {[...events].reverse().map((event) => {
            const owner = owningStackOf(event);
            const nested = owner && owner.id !== stack.id;
            return (
              <li key={event.id} className="relative pb-3 pl-5" data-testid="stack-event" data-resource={event.resource_name} data-status={event.resource_status}>
                <span aria-hidden="true" className={clsx('absolute top-1.5 -left-[5px] size-2.5 rounded-full ring-2 ring-surface', dotTone[heatStatusTone(event.resource_status)])} />
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
                  <time dateTime={event.event_time} className="text-xs whitespace-nowrap text-fg-muted">
                    {date(event.event_time)}
                  </time>
                  <span className="font-medium text-fg">{event.resource_name}</span>
                  {nested && <span className="text-xs text-fg-muted">{t('stacks.resources.inNested', { stack: owner.name })}</span>}
                  <HeatStatusBadge status={event.resource_status} testId="event-status" />
                </div>
                {event.resource_status_reason && (
                  <p className={clsx('mt-0.5 text-xs break-words whitespace-pre-wrap', heatStatusTone(event.resource_status) === 'error' ? 'text-danger' : 'text-fg-muted')}>
                    {event.resource_status_reason}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
