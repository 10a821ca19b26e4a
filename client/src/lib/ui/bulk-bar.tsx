// Shown above a table while rows are selected: how many, the actions that apply to all of them at once, and the
// pages that take them as their input (links, such as "Export as template").
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from './button';

export interface BulkBarAction {
  id: string;
  label: ParseKeys;
}

/** A page the selected rows are handed to: its address is built from them. */
export interface SelectionLink<Row> {
  id: string;
  label: ParseKeys;
  href: (rows: Row[]) => string;
}

export function BulkBar<Action extends BulkBarAction, Row>({
  count,
  actions,
  onAction,
  links = [],
  selected = [],
}: {
  count: number;
  actions: readonly Action[];
  onAction: (action: Action) => void;
  links?: readonly SelectionLink<Row>[];
  selected?: Row[];
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
      {links.map((link) => (
        <Link
          key={link.id}
          to={link.href(selected)}
          className="inline-flex items-center rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm font-medium text-fg hover:bg-sunken"
          data-testid={`bulk-${link.id}`}
        >
          {t(link.label)}
        </Link>
      ))}
    </div>
  );
}
