// @vitest-environment jsdom
// The shared table's Columns menu and CSV export, on a table of things with a looked-up name and a row menu.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ColumnDef } from '@tanstack/react-table';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../i18n';
import { giveLayout } from '../../testing/virtual-layout';
import { ScopeContext, type Scope } from '../scope';
import { arrangeColumns, columnStorageKey, moveColumn, PreferenceOwnerContext, readColumnChoice } from './column-preferences';
import { nameLinkColumn, rowActionsColumn } from './columns';
import { DataTable, type TablePagination } from './data-table';
import { lookup, LookupText, type LookupSource } from './lookup-cell';
import { cellText, exportFileName, type ExportColumns, type ReadAllRows } from './table-export';

const downloads = vi.hoisted(() => [] as { fileName: string; csv: string }[]);
vi.mock('./download', () => ({ downloadCsv: (fileName: string, csv: string) => downloads.push({ fileName, csv }) }));

interface Thing {
  id: string;
  name: string;
  size: number;
  ownerId: string;
}

const thingsOf = (count: number): Thing[] => Array.from({ length: count }, (_, index) => ({ id: `t${index}`, name: `thing-${index}`, size: index, ownerId: `o${index % 2}` }));

function columnsWith(owners: LookupSource<string, string>): ColumnDef<Thing>[] {
  return [
    nameLinkColumn({ header: 'Name', href: (thing) => `/things/${thing.id}`, text: (thing) => thing.name, testId: 'thing-name' }),
    { id: 'size', header: 'Size', cell: ({ row }) => `${row.original.size} GiB` },
    { id: 'owner', header: 'Owner', cell: ({ row }) => <LookupText lookup={lookup(owners, row.original.ownerId)} id={row.original.ownerId} /> },
    rowActionsColumn({ header: 'Actions', label: (thing) => `Actions for ${thing.name}`, items: () => [] }),
  ];
}

const ownersKnown: LookupSource<string, string> = { data: new Map([['o0', 'alice'], ['o1', '=bob']]), isPending: false };
const scope: Scope = { region: 'RegionOne', projectId: 'p1', projectName: 'demo', services: [] };
const storageKey = columnStorageKey('user-1', 'things');

function pagination(readAll?: ReadAllRows<Thing>): TablePagination<Thing> {
  return { hasPrevious: false, hasNext: false, onPrevious: () => {}, onNext: () => {}, pageSize: 1000, pageSizes: [20, 1000], onPageSizeChange: () => {}, readAll };
}

function Table({
  rows,
  owners = ownersKnown,
  readAll,
  exportColumns,
}: {
  rows: Thing[];
  owners?: LookupSource<string, string>;
  readAll?: ReadAllRows<Thing>;
  exportColumns?: ExportColumns<Thing>;
}) {
  return (
    <MemoryRouter>
      <ScopeContext value={scope}>
        <PreferenceOwnerContext value="user-1">
          <DataTable
            testId="things-table"
            columns={columnsWith(owners)}
            rows={rows}
            rowId={(thing) => thing.id}
            rowName={(thing) => thing.name}
            label="Things"
            sorting={[]}
            onSortingChange={() => {}}
            pagination={pagination(readAll)}
            exportColumns={exportColumns}
          />
        </PreferenceOwnerContext>
      </ScopeContext>
    </MemoryRouter>
  );
}

const headers = () => screen.getAllByRole('columnheader').map((header) => header.textContent);
const openColumns = () => fireEvent.click(screen.getByRole('button', { name: 'Columns' }));

giveLayout();
beforeEach(() => {
  localStorage.clear();
  downloads.length = 0;
});
afterEach(cleanup);

describe('column choice', () => {
  it('arranges a stored order around columns added or removed since, the fixed ones in place', () => {
    const slots = [
      { id: 'name', movable: true },
      { id: 'size', movable: true },
      { id: 'added', movable: true },
      { id: 'actions', movable: false },
    ];
    expect(arrangeColumns(slots, [])).toEqual(['name', 'size', 'added', 'actions']);
    // `gone` no longer exists; `added` comes after `size`, which it follows by default.
    expect(arrangeColumns(slots, ['size', 'gone', 'name'])).toEqual(['size', 'added', 'name', 'actions']);
    expect(moveColumn(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveColumn(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
  });

  it('reads nothing from a stored value of another shape', () => {
    const storage = (value: string | null) => ({ getItem: () => value });
    expect(readColumnChoice(storage('not json'), 'k')).toEqual({ order: [], hidden: [] });
    expect(readColumnChoice(storage('{"order":[1],"hidden":["size"]}'), 'k')).toEqual({ order: [], hidden: ['size'] });
  });

  it('hides a column, keeps it hidden for this user after a reload, and offers no way to hide the row menu', () => {
    const { unmount } = render(<Table rows={thingsOf(3)} />);
    expect(headers()).toEqual(['Name', 'Size', 'Owner', 'Actions']);
    openColumns();
    const panel = screen.getByRole('group', { name: 'Columns shown' });
    expect(within(panel).getAllByRole('checkbox').map((box) => box.parentElement?.textContent)).toEqual(['Name', 'Size', 'Owner']);
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'Size' }));
    expect(headers()).toEqual(['Name', 'Owner', 'Actions']);
    expect(screen.queryByText('1 GiB')).toBeNull();
    expect(JSON.parse(localStorage.getItem(storageKey)!)).toMatchObject({ hidden: ['size'] });

    unmount();
    render(<Table rows={thingsOf(3)} />);
    expect(headers()).toEqual(['Name', 'Owner', 'Actions']);
  });

  it('moves columns with the keyboard, the focus following the moved column, and goes back to the default', () => {
    render(<Table rows={thingsOf(3)} />);
    openColumns();
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Name' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move Name down' }));
    expect(headers()).toEqual(['Size', 'Name', 'Owner', 'Actions']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Name down' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move Name down' }));
    expect(headers()).toEqual(['Size', 'Owner', 'Name', 'Actions']);
    // At the bottom, "down" is disabled: the focus goes to "up".
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Name up' }));

    fireEvent.click(screen.getByRole('button', { name: 'Default columns' }));
    expect(headers()).toEqual(['Name', 'Size', 'Owner', 'Actions']);
    expect(localStorage.getItem(storageKey)).toBeNull();

    fireEvent.keyDown(screen.getByRole('button', { name: 'Move Name up' }), { key: 'Escape' });
    expect(screen.queryByRole('group', { name: 'Columns shown' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Columns' }));
  });

  it('keeps the last visible column', () => {
    render(<Table rows={thingsOf(3)} />);
    openColumns();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Name' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Size' }));
    expect(screen.getByRole('checkbox', { name: 'Owner' })).toHaveProperty('disabled', true);
  });

  it('applies to the virtualized body of a 1000-row page', async () => {
    localStorage.setItem(storageKey, JSON.stringify({ order: ['owner', 'name', 'size'], hidden: ['size'] }));
    render(<Table rows={thingsOf(1000)} />);
    expect(screen.getByTestId('table-scroller').dataset.virtual).toBe('true');
    expect(headers()).toEqual(['Owner', 'Name', 'Actions']);
    const first = screen.getAllByTestId('table-row')[0] as HTMLTableRowElement;
    expect([...first.cells].map((cell) => cell.textContent)).toEqual(['alice', 'thing-0', '']);
    // The column widths are measured again for the new columns: one per visible column.
    await waitFor(() => expect(document.querySelectorAll('col')).toHaveLength(3));
  });
});

describe('CSV export', () => {
  it('writes every row, the visible columns in their order, each cell as shown, formulas neutralised', { timeout: 20_000 }, async () => {
    localStorage.setItem(storageKey, JSON.stringify({ order: ['owner', 'name', 'size'], hidden: ['size'] }));
    render(<Table rows={thingsOf(2)} readAll={() => Promise.resolve(thingsOf(450))} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    // Rendered 200 rows at a time, which jsdom takes its time over.
    await waitFor(() => expect(screen.getByRole('status')).toHaveProperty('textContent', '450 rows exported.'), { timeout: 15_000 });
    expect(downloads).toHaveLength(1);
    const { fileName, csv } = downloads[0]!;
    expect(fileName).toMatch(/^things-demo-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(451);
    expect(lines.slice(0, 3)).toEqual(['Owner,Name', 'alice,thing-0', "'=bob,thing-1"]);
    expect(lines[450]).toBe("'=bob,thing-449");
  });

  it('waits for names still being looked up', async () => {
    const pending: LookupSource<string, string> = { isPending: true };
    const { rerender } = render(<Table rows={thingsOf(2)} owners={pending} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Writing'));
    expect(downloads).toHaveLength(0);
    rerender(<Table rows={thingsOf(2)} owners={ownersKnown} />);
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.csv).toBe("Name,Size,Owner\r\nthing-0,0 GiB,alice\r\nthing-1,1 GiB,'=bob\r\n");
  });

  it('takes the names of the rows it exports from the list’s read over those rows, not the shown rows’ read', async () => {
    // The shown page's owners read never knew o1 (only o0 is on screen) and is still pending: without the list's
    // own read the export would wait for it, then write the id.
    const shownOwners: LookupSource<string, string> = { data: new Map([['o0', 'alice']]), isPending: true };
    const asked: string[][] = [];
    let read: readonly Thing[] | undefined;
    const exportColumns: ExportColumns<Thing> = {
      read: (things) => {
        asked.push([...new Set(things.map((thing) => thing.ownerId))]);
        read = things;
        return Promise.resolve();
      },
      columnsFor: (things) => (things === read ? columnsWith({ data: new Map([['o0', 'alice'], ['o1', 'bob']]), isPending: false }) : undefined),
    };
    localStorage.setItem(storageKey, JSON.stringify({ order: ['owner', 'name', 'size'], hidden: ['size'] }));
    render(<Table rows={thingsOf(1)} owners={shownOwners} readAll={() => Promise.resolve(thingsOf(3))} exportColumns={exportColumns} />);
    const started = Date.now();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(Date.now() - started).toBeLessThan(2000);
    // Asked once, over every exported row; the chosen columns in their order.
    expect(asked).toEqual([['o0', 'o1']]);
    expect(downloads[0]!.csv).toBe('Owner,Name\r\nalice,thing-0\r\nbob,thing-1\r\nalice,thing-2\r\n');
  });

  it('shows the rows read so far and can be cancelled, with no file', async () => {
    let progress: (count: number) => void = () => {};
    let aborted = false;
    const readAll: ReadAllRows<Thing> = (report, signal) => {
      progress = report;
      return new Promise((_, reject) =>
        signal.addEventListener('abort', () => {
          aborted = true;
          reject(new Error('cancelled'));
        }),
      );
    };
    render(<Table rows={thingsOf(2)} readAll={readAll} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    act(() => progress(1000));
    expect(screen.getByRole('status').textContent).toBe('Reading rows: 1000 so far…');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel export' }));
    expect(aborted).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Export cancelled.');
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeTruthy();
    expect(downloads).toHaveLength(0);
  });

  it('says why an export failed', async () => {
    render(<Table rows={thingsOf(2)} readAll={() => Promise.reject(new Error('Nova answered 503'))} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Export failed: Nova answered 503'));
  });

  it('reads a cell’s visible text, a line per list item, and names the file safely', () => {
    const cell = document.createElement('td');
    cell.innerHTML = '<ul><li><a>web-1</a> <span>/dev/vdb</span></li><li>web-2</li></ul><span class="sr-only">attached</span>';
    expect(cellText(cell)).toBe('web-1 /dev/vdb\nweb-2');
    const icon = document.createElement('td');
    icon.innerHTML = '<span aria-hidden="true">●</span><span class="sr-only">Active</span>';
    expect(cellText(icon)).toBe('Active');
    expect(exportFileName('volumes', 'my project/α', new Date(2026, 11, 8))).toBe('volumes-my_project_α-2026-12-08.csv');
  });
});
