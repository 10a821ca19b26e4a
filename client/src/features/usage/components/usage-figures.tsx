// The four totals of a report, as figure cards: instance-hours, vCPU-hours, RAM and disk GB-hours.
import { useTranslation } from 'react-i18next';
import type { UsageTotals } from '../../../resources/usage/report';

export function UsageFigures({ totals }: { totals: UsageTotals }) {
  const { t, i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.resolvedLanguage, { maximumFractionDigits: 2 });
  const figures = [
    ['instanceHours', totals.instanceHours],
    ['vcpuHours', totals.vcpuHours],
    ['ramGbHours', totals.ramGbHours],
    ['diskGbHours', totals.diskGbHours],
  ] as const;
  return (
    <dl className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {figures.map(([id, value]) => (
        <div key={id} className="rounded-lg border border-line bg-surface p-4">
          <dt className="text-xs font-medium text-fg-muted">{t(`usage.totals.${id}`)}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums text-fg" data-testid={`total-${id}`} data-value={value}>
            {format.format(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
