// "Export CSV" over a table: every row of the list under its current filters and sort (all pages: a list paged by
// its service reads them with its own fetcher, showing how many rows came, and can be cancelled), the visible
// columns in their order, each cell's text as the table shows it. The cells are rendered by the columns themselves,
// a chunk of rows at a time, out of the document, and their text read back. A name looked up by a second read
// (lib/ui/lookup-cell) that follows the rows shown is read for the exported rows instead where the list gives
// `exportColumns` (useExportColumns): a row of another page gets its name too. A name still coming otherwise is
// waited for, up to a bound, so the file says what the page would. Written with lib/csv (formulas neutralised) and
// named `<list>-<project>-<date>.csv`.
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { toCsv } from '../csv';
import { ScopeContext } from '../scope';
import { Button } from './button';
import { columnIdOf, columnLabelOf } from './columns';
import { downloadCsv } from './download';

/** Every row of the list in its order; `progress` hears the count read so far; stops (rejects) when `signal` aborts. */
export type ReadAllRows<Row> = (progress: (count: number) => void, signal: AbortSignal) => Promise<readonly Row[]>;

/** A list's columns with the names they look up read over the exported rows (useExportColumns). */
export interface ExportColumns<Row> {
  /** Reads the names the cells look up over `rows` (the rows exported, of every page). */
  read: (rows: readonly Row[]) => Promise<void>;
  /** The list's columns with the names read over `rows`, once read (its other cells as the table has them now). */
  columnsFor: (rows: readonly Row[]) => ColumnDef<Row>[] | undefined;
}

/**
 * A list's `exportColumns` from its column builder over its looked-up sources and a read of those sources over given
 * rows (the page's own batched queries). The page's lookups follow the rows it shows: names of the rows of other
 * pages would never come. What was read is the page's state, so the columns built over it follow the page's renders.
 */
export function useExportColumns<Row, Looked>(columnsWith: (looked: Looked) => ColumnDef<Row>[], read: (rows: readonly Row[]) => Promise<Looked>): ExportColumns<Row> {
  const [looked, setLooked] = useState<{ rows: readonly Row[]; value: Looked }>();
  const columns = useMemo(() => looked && columnsWith(looked.value), [columnsWith, looked]);
  return {
    read: async (rows) => setLooked({ rows, value: await read(rows) }),
    // Only over the rows read: a cancelled export's read answering late does not stand for the next one's.
    columnsFor: (rows) => (looked?.rows === rows ? columns : undefined),
  };
}

/** Rows rendered at once to read their text: a frame's work, so the page stays responsive and the count moves. */
const chunkSize = 200;
/** How long the export waits for names still being looked up before it writes what the cells show. */
const lookupWait = 10_000;

const blockTags = new Set(['BR', 'DIV', 'LI', 'P', 'TR', 'UL', 'OL']);

/**
 * A cell's text as seen: screen-reader-only and hidden parts left out, each block (a list item, a line) on its own
 * line, spaces collapsed. A cell showing no text (an icon) gives the text it gives screen readers.
 */
export function cellText(cell: Element): string {
  const read = (withScreenReaderText: boolean) => {
    const lines = [''];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        lines[lines.length - 1] += node.textContent ?? '';
        return;
      }
      if (!(node instanceof Element) || node.getAttribute('aria-hidden') === 'true') return;
      if (!withScreenReaderText && node.classList.contains('sr-only')) return;
      const block = blockTags.has(node.tagName);
      if (block) lines.push('');
      node.childNodes.forEach(walk);
      if (block) lines.push('');
    };
    cell.childNodes.forEach(walk);
    return lines
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');
  };
  return read(false) || read(true);
}

/** `<list>-<project>-<date>.csv`, the date the user's own (local) day; characters a file name should not hold as `_`. */
export function exportFileName(listId: string, projectName: string | undefined, now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return [listId, projectName, date]
    .filter((part): part is string => Boolean(part))
    .map((part) => part.replace(/[^\p{L}\p{N}._-]+/gu, '_'))
    .join('-') + '.csv';
}

/** Renders the rows' cells out of the document, a chunk at a time, and hands back each row's cell texts. */
function CellTexts<Row>({
  rows,
  columns,
  onProgress,
  onDone,
}: {
  rows: readonly Row[];
  columns: ColumnDef<Row>[];
  onProgress: (count: number) => void;
  onDone: (texts: string[][]) => void;
}) {
  const [container] = useState(() => document.createElement('div'));
  const [start, setStart] = useState(0);
  const [tick, setTick] = useState(0);
  const texts = useRef<string[][]>([]);
  const read = useRef(-1);
  const finished = useRef(false);
  const waitingSince = useRef<number | null>(null);
  // The parent's callbacks change with each count it shows: the effect reads the latest, without running again.
  const report = useRef({ onProgress, onDone });
  useLayoutEffect(() => {
    report.current = { onProgress, onDone };
  });
  // eslint-disable-next-line react-hooks/incompatible-library -- rebuilt per render like the table's own
  const table = useReactTable<Row>({ data: rows.slice(start, start + chunkSize), columns, getCoreRowModel: getCoreRowModel() });

  // Each step may run twice (React's strict mode runs effects twice): reading a chunk and finishing happen once.
  useEffect(() => {
    if (read.current !== start) {
      // Names still coming: wait for them (the columns render the cells again when they arrive), or for the bound.
      if (container.querySelector('[data-lookup="pending"]')) {
        waitingSince.current ??= Date.now();
        if (Date.now() - waitingSince.current < lookupWait) {
          const timer = setTimeout(() => setTick((value) => value + 1), 250);
          return () => clearTimeout(timer);
        }
      }
      read.current = start;
      waitingSince.current = null;
      texts.current.push(...[...container.querySelectorAll('tbody > tr')].map((row) => [...(row as HTMLTableRowElement).cells].map(cellText)));
      report.current.onProgress(texts.current.length);
    }
    if (start + chunkSize >= rows.length) {
      if (!finished.current) report.current.onDone(texts.current);
      finished.current = true;
      return;
    }
    // The next chunk after the browser has painted the count.
    const timer = setTimeout(() => setStart(start + chunkSize), 0);
    return () => clearTimeout(timer);
  }, [start, tick, container, rows.length]);

  return createPortal(
    <table>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            {row.getVisibleCells().map((cell) => (
              <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>,
    container,
  );
}

type ExportState<Row> =
  | { phase: 'idle' }
  | { phase: 'reading'; count: number; controller: AbortController }
  | { phase: 'writing'; rows: readonly Row[]; count: number; controller: AbortController }
  | { phase: 'done'; count: number }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

export function TableExport<Row>({
  listId,
  columns,
  rows,
  readAll,
  exportColumns,
}: {
  listId: string;
  /** The visible columns in their order; the row menu is left out here. */
  columns: ColumnDef<Row>[];
  /** The rows shown: the export's rows when the list cannot read all of its pages. */
  rows: readonly Row[];
  readAll?: ReadAllRows<Row>;
  exportColumns?: ExportColumns<Row>;
}) {
  const { t } = useTranslation();
  const scope = useContext(ScopeContext);
  const [state, setState] = useState<ExportState<Row>>({ phase: 'idle' });
  const exported = columns.filter((column) => !column.meta?.rowMenu);
  const busy = state.phase === 'reading' || state.phase === 'writing';
  // The chosen columns in their order, each with its names read over the exported rows where the list reads them.
  const lookedUp = state.phase === 'writing' ? exportColumns?.columnsFor(state.rows) : undefined;
  const looked = lookedUp && new Map(lookedUp.map((column) => [columnIdOf(column), column]));
  const written = looked ? exported.map((column) => looked.get(columnIdOf(column)) ?? column) : exported;

  const start = async () => {
    const controller = new AbortController();
    setState({ phase: 'reading', count: 0, controller });
    try {
      const all = readAll
        ? await readAll((count) => {
            if (!controller.signal.aborted) setState({ phase: 'reading', count, controller });
          }, controller.signal)
        : rows;
      if (controller.signal.aborted) return;
      await exportColumns?.read(all);
      if (!controller.signal.aborted) setState({ phase: 'writing', rows: all, count: 0, controller });
    } catch (error) {
      if (!controller.signal.aborted) setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const status =
    state.phase === 'reading'
      ? t('table.export.reading', { count: state.count })
      : state.phase === 'writing'
        ? t('table.export.writing', { count: state.count, total: state.rows.length })
        : state.phase === 'done'
          ? t('table.export.done', { count: state.count })
          : state.phase === 'cancelled'
            ? t('table.export.cancelled')
            : state.phase === 'failed'
              ? t('table.export.failed', { message: state.message })
              : '';

  return (
    <div className="flex items-center gap-2">
      <span role="status" className="text-sm text-fg-muted" data-testid="export-status">
        {status}
      </span>
      {busy ? (
        <Button
          onClick={() => {
            state.controller.abort();
            setState({ phase: 'cancelled' });
          }}
          data-testid="export-cancel"
        >
          {t('table.export.cancel')}
        </Button>
      ) : (
        <Button onClick={() => void start()} data-testid="export-csv">
          {t('table.export.button')}
        </Button>
      )}
      {state.phase === 'writing' && (
        <CellTexts
          rows={state.rows}
          columns={written}
          onProgress={(count) => setState({ ...state, count })}
          onDone={(texts) => {
            downloadCsv(exportFileName(listId, scope?.projectName, new Date()), toCsv(written.map(columnLabelOf), texts));
            setState({ phase: 'done', count: texts.length });
          }}
        />
      )}
    </div>
  );
}
