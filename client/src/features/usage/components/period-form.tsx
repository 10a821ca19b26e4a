// Picks the report's period: two UTC dates, start included, end excluded, as Nova and the CLI count them.
import clsx from 'clsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../lib/ui/button';
import { FieldError, inputClass } from '../../../lib/ui/form-controls';
import { periodProblem } from '../../../resources/usage/report';
import type { UsagePeriod } from '../../../resources/usage/types';

export function PeriodForm({ period, onApply, onDownload, downloadDisabled }: { period: UsagePeriod; onApply: (period: UsagePeriod) => void; onDownload: () => void; downloadDisabled: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(period);
  const problem = periodProblem(draft);
  return (
    <form
      className="mb-4 flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem) onApply(draft);
      }}
      data-testid="period-form"
    >
      <label className="text-sm text-fg-muted">
        {t('usage.period.start')}
        <input type="date" value={draft.start} onChange={(event) => setDraft({ ...draft, start: event.target.value })} className={clsx(inputClass, 'mt-1 w-44')} data-testid="period-start" aria-invalid={problem ? true : undefined} aria-describedby={problem ? 'period-problem' : undefined} />
      </label>
      <label className="text-sm text-fg-muted">
        {t('usage.period.end')}
        <input type="date" value={draft.end} onChange={(event) => setDraft({ ...draft, end: event.target.value })} className={clsx(inputClass, 'mt-1 w-44')} data-testid="period-end" aria-invalid={problem ? true : undefined} aria-describedby={problem ? 'period-problem' : undefined} />
      </label>
      <Button type="submit" variant="primary" disabled={problem !== null} data-testid="period-apply">
        {t('usage.period.apply')}
      </Button>
      <Button onClick={onDownload} disabled={downloadDisabled} data-testid="download-csv">
        {t('usage.downloadCsv')}
      </Button>
      <p className="basis-full text-xs text-fg-muted">{t('usage.period.hint')}</p>
      {problem && <FieldError id="period-problem" message={t(problem)} />}
    </form>
  );
}
