// What a create form is about to use of the project's quota, shown before submit: "Networks: 3 of 10 used, this
// adds 1". A request that would go over a limit is named with its numbers so the form can refuse it.
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';

/** One quota as the overview reads it (-1 = unlimited); `id` names its label under `quota.labels`. */
export interface QuotaFigure {
  id: string;
  used: number;
  limit: number;
}

export interface QuotaExcess extends QuotaFigure {
  adding: number;
}

/** The quotas the request would exceed, with the numbers. */
export function quotaExcesses(figures: readonly QuotaFigure[] | undefined, adds: Readonly<Record<string, number>>): QuotaExcess[] {
  return (figures ?? []).flatMap((figure) => {
    const adding = adds[figure.id] ?? 0;
    return adding > 0 && figure.limit >= 0 && figure.used + adding > figure.limit ? [{ ...figure, adding }] : [];
  });
}

export function QuotaImpact({ figures, adds, testId = 'quota-impact' }: { figures: readonly QuotaFigure[] | undefined; adds: Readonly<Record<string, number>>; testId?: string }) {
  const { t } = useTranslation();
  const shown = (figures ?? []).filter((figure) => (adds[figure.id] ?? 0) > 0);
  // Quotas unknown (still loading, or the service refused to tell): the API will still decide.
  if (shown.length === 0) return null;
  const excesses = new Set(quotaExcesses(shown, adds).map((excess) => excess.id));
  return (
    <ul className="space-y-0.5 text-xs" data-testid={testId} aria-label={t('quota.impact.label')}>
      {shown.map((figure) => {
        const label = t(`quota.labels.${figure.id}` as ParseKeys);
        const values = { label, used: figure.used, limit: figure.limit, adding: adds[figure.id] };
        return (
          <li key={figure.id} className={excesses.has(figure.id) ? 'font-medium text-danger' : 'text-fg-muted'} data-quota={figure.id} data-over={excesses.has(figure.id)}>
            {figure.limit < 0 ? t('quota.impact.unlimited', values) : excesses.has(figure.id) ? t('quota.impact.over', values) : t('quota.impact.within', values)}
          </li>
        );
      })}
    </ul>
  );
}
