// What a Heat status says: its action and its outcome, whether Heat is still working (so a page keeps polling the
// stack and its events), and how it reads (tone). Statuses are `<ACTION>_<STATUS>` (heat/engine/stack.py).
import type { StatusTone } from '../../lib/ui/status-dot';
import type { HeatStatus, Stack, StackSummary } from './types';

export type HeatOutcome = 'IN_PROGRESS' | 'COMPLETE' | 'FAILED';

export function splitStatus(status: HeatStatus): { action: string; outcome: HeatOutcome | null } {
  const match = /^([A-Z]+)_(IN_PROGRESS|COMPLETE|FAILED)$/.exec(status);
  return match ? { action: match[1]!, outcome: match[2] as HeatOutcome } : { action: status, outcome: null };
}

export function isInProgress(status: HeatStatus): boolean {
  return splitStatus(status).outcome === 'IN_PROGRESS';
}

export function isStackSettled(stack: Pick<StackSummary, 'stack_status'>): boolean {
  return !isInProgress(stack.stack_status);
}

/**
 * Whether polling a stack can stop: Heat has settled it, and the answer was read after the write (if one was sent)
 * and shows the write's own action (a stack read just after `POST .../actions {suspend}` may still say
 * CREATE_COMPLETE: the engine had not started yet).
 */
export function isStackPollingDone(
  stack: Stack,
  readAt: number,
  watch: { since: number; done?: (stack: Stack) => boolean } | undefined,
): boolean {
  if (!isStackSettled(stack)) return false;
  if (!watch) return true;
  if (readAt <= watch.since) return false;
  return splitStatus(stack.stack_status).outcome === 'FAILED' || (watch.done?.(stack) ?? true);
}

export function heatStatusTone(status: HeatStatus): StatusTone {
  const { action, outcome } = splitStatus(status);
  if (outcome === 'FAILED') return 'error';
  if (outcome === 'IN_PROGRESS') return 'busy';
  if (action === 'DELETE' || action === 'SUSPEND') return 'idle';
  return outcome === 'COMPLETE' ? 'ok' : 'idle';
}

/** Heat writes UTC times, sometimes without a zone ("2026-12-07T02:51:09"): read them as UTC, not local time. */
export function heatTime(value: string): string {
  return /(Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`;
}
