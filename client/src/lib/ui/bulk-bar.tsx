// Shown above a table while rows are selected: how many, and the actions that apply to all of them at once.
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Button } from './button';

export interface BulkBarAction {
  id: string;
  label: ParseKeys;
}

export function BulkBar<Action extends BulkBarAction>({
  count,
  actions,
  onAction,
}: {
  count: number;
  actions: readonly Action[];
  onAction: (action: Action) => void;
}) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <div
      className="mb-3 flex flex-wrap items-center gap-2 rounded-md border border-line bg-brand-soft px-3 py-2 text-sm"
      role="region"
      aria-label={t('table.bulkActions')}
      data-testid="bulk-bar"
    >
      <span className="mr-2 font-medium text-fg">{t('table.selected', { count })}</span>
      {actions.map((action) => (
        <Button key={action.id} onClick={() => onAction(action)} data-testid={`bulk-${action.id}`}>
          {t(action.label)}
        </Button>
      ))}
    </div>
  );
}
