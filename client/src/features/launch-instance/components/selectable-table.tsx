// A table whose rows are the options of one radio group (images, flavors, volumes...): the whole row selects,
// a row that cannot be chosen says why, and the keyboard works as in any radio group.
import clsx from 'clsx';
import type { ReactNode } from 'react';

export interface SelectableColumn<Row> {
  id: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  className?: string;
}

export function SelectableTable<Row>({
  name,
  label,
  rows,
  columns,
  rowId,
  rowLabel,
  selectedId,
  onSelect,
  unavailableReason,
  testId,
  describedById,
}: {
  /** The radio group's name. */
  name: string;
  /** The table's accessible name. */
  label: string;
  rows: readonly Row[];
  columns: readonly SelectableColumn<Row>[];
  rowId: (row: Row) => string;
  rowLabel: (row: Row) => string;
  selectedId: string;
  onSelect: (id: string) => void;
  /** Why a row cannot be chosen, or null. */
  unavailableReason?: (row: Row) => string | null;
  testId?: string;
  describedById?: string;
}) {
  return (
    <div className="overflow-x-auto rounded-md border border-line">
      <table className="w-full text-left text-sm" aria-label={label} data-testid={testId} aria-describedby={describedById}>
        <thead className="bg-sunken text-xs text-fg-muted">
          <tr>
            <th scope="col" className="w-10 px-3 py-2">
              <span className="sr-only">{label}</span>
            </th>
            {columns.map((column) => (
              <th key={column.id} scope="col" className={clsx('px-3 py-2 font-medium', column.className)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const id = rowId(row);
            const reason = unavailableReason?.(row) ?? null;
            const selected = id === selectedId;
            const inputId = `${name}-${id}`;
            return (
              <tr
                key={id}
                data-testid={`${name}-row`}
                data-row-name={rowLabel(row)}
                data-unavailable={reason !== null ? 'true' : undefined}
                onClick={() => reason === null && onSelect(id)}
                className={clsx(
                  'border-t border-line',
                  selected && 'bg-brand-soft',
                  reason === null ? 'cursor-pointer hover:bg-sunken' : 'text-fg-muted',
                )}
              >
                <td className="px-3 py-2 align-top">
                  <input
                    type="radio"
                    id={inputId}
                    name={name}
                    value={id}
                    checked={selected}
                    disabled={reason !== null}
                    onChange={() => onSelect(id)}
                    aria-describedby={reason !== null ? `${inputId}-reason` : undefined}
                    className="mt-0.5 size-4 accent-brand"
                  />
                </td>
                {columns.map((column, index) => (
                  <td key={column.id} className={clsx('px-3 py-2 align-top', column.className)}>
                    {index === 0 ? (
                      <label htmlFor={inputId} className={clsx('font-medium', reason === null ? 'cursor-pointer text-fg' : 'text-fg-muted')}>
                        {column.cell(row)}
                      </label>
                    ) : (
                      column.cell(row)
                    )}
                    {index === 0 && reason !== null && (
                      <span id={`${inputId}-reason`} data-testid="unavailable-reason" className="block text-xs text-danger">
                        {reason}
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
