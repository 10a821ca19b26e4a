// One quota: used against its limit, as a bar and as plain numbers. A limit of -1 means unlimited.
import clsx from 'clsx';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../format';

interface GaugeProps {
  label: string;
  used: number;
  /** -1 for unlimited, as OpenStack reports it. */
  limit: number;
  /** Unit after the numbers ("GiB"), if any. */
  unit?: string;
  testId: string;
  /** The usage is still being read (a second read, after the limits): a placeholder keeps the gauge's place. */
  pending?: boolean;
}

function usageLevel(used: number, limit: number): 'ok' | 'warn' | 'full' {
  if (limit < 0) return 'ok';
  if (limit === 0 || used >= limit) return 'full';
  return used / limit >= 0.8 ? 'warn' : 'ok';
}

const barColours = { ok: 'bg-brand', warn: 'bg-warn-bar', full: 'bg-danger-bar' } as const;

export function Gauge({ label, used, limit, unit, testId, pending = false }: GaugeProps) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const labelId = useId();
  const unlimited = limit < 0;
  const level = usageLevel(used, limit);
  const percent = limit <= 0 ? (used > 0 ? 100 : 0) : Math.min(100, (used / limit) * 100);
  const withUnit = (text: string) => (unit ? `${text} ${unit}` : text);
  const valueText = t('quota.valueText', { used: withUnit(formatNumber(used)), limit: withUnit(formatNumber(limit)) });

  return (
    <div data-testid={testId} data-used={pending ? undefined : used} data-limit={limit} data-pending={pending || undefined} className="min-w-0">
      <div className="flex items-end justify-between gap-3">
        <span id={labelId} className="min-w-0 text-sm leading-tight text-fg-muted">
          {label}
        </span>
        <span className="shrink-0 text-sm tabular-nums text-fg">
          {pending ? (
            // A digit or two wide, one line high: the count is coming.
            <span className="inline-block h-[0.9em] w-5 rounded-sm bg-sunken align-middle" aria-hidden="true" />
          ) : (
            <span data-testid={`${testId}-used`} className="font-semibold">
              {formatNumber(used)}
            </span>
          )}
          <span className="text-fg-muted"> / </span>
          <span data-testid={`${testId}-limit`} className={clsx(unlimited && 'text-fg-muted')}>
            {unlimited ? t('quota.unlimited') : formatNumber(limit)}
          </span>
          {unit && <span className="text-fg-muted"> {unit}</span>}
        </span>
      </div>
      {pending ? (
        <div aria-hidden="true" className="mt-1.5 h-1.5 rounded-full bg-meter-track" />
      ) : unlimited ? (
        // Nothing to measure against: the numbers above say it, the striped track only shows it.
        <div aria-hidden="true" className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-meter-track">
          <div className="h-full w-full bg-[repeating-linear-gradient(135deg,transparent_0_4px,var(--line-strong)_4px_6px)]" />
        </div>
      ) : (
        <div
          role="meter"
          aria-labelledby={labelId}
          aria-valuemin={0}
          aria-valuemax={limit}
          aria-valuenow={Math.min(used, limit)}
          aria-valuetext={valueText}
          className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-meter-track"
        >
          <div className={clsx('h-full rounded-full transition-[width]', barColours[level])} style={{ width: `${percent}%` }} />
        </div>
      )}
    </div>
  );
}

/** A gauge for a table cell: "used / limit" over a thin bar, labelled by its column. */
export function MiniGauge({ used, limit, label, testId }: { used: number; limit: number; label: string; testId?: string }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const unlimited = limit < 0;
  const percent = limit <= 0 ? (used > 0 || limit === 0 ? 100 : 0) : Math.min(100, (used / limit) * 100);
  return (
    <div className="min-w-20" data-testid={testId} data-used={used} data-limit={limit}>
      <div className="text-xs whitespace-nowrap tabular-nums text-fg">
        {formatNumber(used)}
        <span className="text-fg-muted"> / {unlimited ? '∞' : formatNumber(limit)}</span>
      </div>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(unlimited ? 0 : percent)}
        aria-valuetext={t('quota.valueText', { used: formatNumber(used), limit: unlimited ? t('quota.unlimited') : formatNumber(limit) })}
        className="mt-1 h-1 overflow-hidden rounded-full bg-meter-track"
      >
        {!unlimited && <div className={clsx('h-full rounded-full', barColours[usageLevel(used, limit)])} style={{ width: `${percent}%` }} />}
      </div>
    </div>
  );
}
