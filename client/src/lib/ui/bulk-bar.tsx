// Shown above a table while rows are selected: how many, the actions that apply to all of them at once, and the
// pages that take them as their input (links, such as "Export as template"). An action the cloud refused on some of
// the selected rows says so, in the service's words; refused on all of them, it is greyed.
import type { ParseKeys } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from './button';

export interface BulkBarAction {
  id: string;
  label: ParseKeys;
}

/** The cloud's refusal of an action on the selected rows, in words; `all` when it refused it on every one. */
export interface SelectionRefusal {
  reason: string;
  all: boolean;
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
  refusal,
  links = [],
  selected = [],
}: {
  count: number;
  actions: readonly Action[];
  onAction: (action: Action) => void;
  refusal: (action: Action) => SelectionRefusal | null;
  links?: readonly SelectionLink<Row>[];
  selected?: Row[];
}) {
  const { t } = useTranslation();
  const reasonId = useId();
  if (count === 0) return null;
  return (
    <div
      className="mb-3 flex flex-wrap items-center gap-2 rounded-md border border-line bg-brand-soft px-3 py-2 text-sm"
      role="region"
      aria-label={t('table.bulkActions')}
      data-testid="bulk-bar"
    >
      <span className="mr-2 font-medium text-fg">{t('table.selected', { count })}</span>
      {actions.map((action) => {
        const refused = refusal(action);
        const describedBy = `${reasonId}-${action.id}`;
        return (
          <span key={action.id} className="inline-flex items-center gap-2">
            <Button
              onClick={() => onAction(action)}
              disabled={refused?.all}
              aria-describedby={refused ? describedBy : undefined}
              data-testid={`bulk-${action.id}`}
            >
              {t(action.label)}
            </Button>
            {refused && (
              <span id={describedBy} className="text-xs text-fg-muted" data-testid={`bulk-refused-${action.id}`}>
                {refused.reason}
              </span>
            )}
          </span>
        );
      })}
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
