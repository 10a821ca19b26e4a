// The "Columns" button over a table: a disclosure (button + panel, not an ARIA menu, whose items could not hold
// a checkbox and two buttons each) listing the columns that can be hidden, each with its checkbox and a move up/down
// pair. Escape or a click outside closes it; Escape gives the focus back to the button. A moved column's button
// keeps the focus (or its pair's, at an end), so the arrows can be pressed again and again.
import clsx from 'clsx';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { ChevronDownIcon } from './icons';

export interface ColumnEntry {
  id: string;
  label: string;
  visible: boolean;
}

const moveButton = 'rounded p-1 text-fg-muted hover:bg-sunken hover:text-fg disabled:opacity-30 disabled:hover:bg-transparent';

export function ColumnsMenu({
  columns,
  onVisibleChange,
  onMove,
  onReset,
}: {
  /** The columns that can be hidden and moved, in their order. */
  columns: readonly ColumnEntry[];
  onVisibleChange: (id: string, visible: boolean) => void;
  onMove: (id: string, step: -1 | 1) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const refocus = useRef<{ id: string; step: -1 | 1 } | null>(null);
  const visibleCount = columns.filter((column) => column.visible).length;

  useEffect(() => {
    if (open) panelRef.current?.querySelector<HTMLElement>('input, button')?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const closeOnOutside = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOnOutside);
    return () => document.removeEventListener('mousedown', closeOnOutside);
  }, [open]);

  // After a move the row is elsewhere: the focus follows it, to the other arrow when this one became disabled.
  useEffect(() => {
    const moved = refocus.current;
    if (!moved) return;
    refocus.current = null;
    const row = [...(panelRef.current?.querySelectorAll<HTMLElement>('li[data-column]') ?? [])].find((item) => item.dataset.column === moved.id);
    const wanted = row?.querySelector<HTMLButtonElement>(`[data-move="${moved.step}"]`);
    const target = wanted && !wanted.disabled ? wanted : row?.querySelector<HTMLButtonElement>(`[data-move="${-moved.step}"]`);
    target?.focus();
  });

  return (
    <div
      className="relative"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        event.stopPropagation();
        setOpen(false);
        buttonRef.current?.focus();
      }}
    >
      <Button
        ref={buttonRef}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        data-testid="columns-menu"
      >
        {t('table.columns.button')}
        <ChevronDownIcon className={clsx('size-3.5', open && 'rotate-180')} />
      </Button>
      {open && (
        <div
          ref={panelRef}
          id={panelId}
          role="group"
          aria-label={t('table.columns.title')}
          className="absolute right-0 z-20 mt-1 w-72 rounded-lg border border-line bg-surface p-2 text-sm shadow-lg"
          data-testid="columns-panel"
        >
          <ul className="max-h-80 space-y-0.5 overflow-y-auto">
            {columns.map((column, index) => (
              <li key={column.id} data-column={column.id} className="flex items-center gap-1 rounded px-1 hover:bg-sunken/60">
                <label className="flex min-w-0 flex-1 items-center gap-2 py-1">
                  <input
                    type="checkbox"
                    checked={column.visible}
                    // One column stays: a table of no column shows nothing.
                    disabled={column.visible && visibleCount === 1}
                    onChange={(event) => onVisibleChange(column.id, event.target.checked)}
                    className="size-4 accent-brand"
                    data-testid={`column-toggle-${column.id}`}
                  />
                  <span className="truncate">{column.label}</span>
                </label>
                <button
                  type="button"
                  className={moveButton}
                  aria-label={t('table.columns.moveUp', { name: column.label })}
                  title={t('table.columns.moveUp', { name: column.label })}
                  disabled={index === 0}
                  onClick={() => {
                    onMove(column.id, -1);
                    refocus.current = { id: column.id, step: -1 };
                  }}
                  data-move="-1"
                >
                  <ChevronDownIcon className="size-4 rotate-180" />
                </button>
                <button
                  type="button"
                  className={moveButton}
                  aria-label={t('table.columns.moveDown', { name: column.label })}
                  title={t('table.columns.moveDown', { name: column.label })}
                  disabled={index === columns.length - 1}
                  onClick={() => {
                    onMove(column.id, 1);
                    refocus.current = { id: column.id, step: 1 };
                  }}
                  data-move="1"
                >
                  <ChevronDownIcon className="size-4" />
                </button>
              </li>
            ))}
          </ul>
          <div className="mt-2 border-t border-line pt-2 text-right">
            <Button onClick={onReset} data-testid="columns-reset">
              {t('table.columns.reset')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
