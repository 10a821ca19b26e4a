// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ColumnDef, RowSelectionState } from '@tanstack/react-table';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import '../i18n';
import { giveLayout, rowHeight } from '../../testing/virtual-layout';
import { nameLinkColumn, rowActionsColumn } from './columns';
import { DataTable, rowMove, virtualizeAbove } from './data-table';

interface Thing {
  id: string;
  name: string;
}

const thingsOf = (count: number): Thing[] => Array.from({ length: count }, (_, index) => ({ id: `t${index}`, name: `thing-${index}` }));
const columns: ColumnDef<Thing>[] = [
  nameLinkColumn({ header: 'Name', href: (thing) => `/things/${thing.id}`, text: (thing) => thing.name, testId: 'thing-name' }),
  { id: 'kind', header: 'Kind', cell: () => 'plain' },
];
const pagination = { hasPrevious: false, hasNext: false, onPrevious: () => {}, onNext: () => {}, pageSize: 1000, pageSizes: [20, 1000], onPageSizeChange: () => {} };

/** The table with its selection kept as a page keeps it; `selected` reads it. */
function renderTable(rows: Thing[]) {
  let selected: RowSelectionState = {};
  function Page() {
    const [selection, setSelection] = useState<RowSelectionState>({});
    selected = selection;
    return (
      <MemoryRouter>
        <DataTable
          columns={columns}
          rows={rows}
          rowId={(thing) => thing.id}
          rowName={(thing) => thing.name}
          label="Things"
          sorting={[]}
          onSortingChange={() => {}}
          selection={selection}
          onSelectionChange={setSelection}
          pagination={pagination}
        />
      </MemoryRouter>
    );
  }
  render(<Page />);
  return { selected: () => Object.keys(selected).filter((id) => selected[id]) };
}

const renderedRows = () => screen.queryAllByTestId('table-row');
const scroller = () => screen.getByTestId('table-scroller');
const checkboxOf = (name: string) => screen.getByRole('checkbox', { name: `Select ${name}` });

giveLayout();
afterEach(cleanup);

describe('DataTable with a big page', () => {
  it(`keeps plain DOM up to ${virtualizeAbove} rows`, () => {
    renderTable(thingsOf(virtualizeAbove));
    expect(renderedRows()).toHaveLength(virtualizeAbove);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBeNull();
  });

  it('renders only the rows in view of a 1000-row page, and tells assistive technology the whole count and each row’s place', () => {
    renderTable(thingsOf(1000));
    const rows = renderedRows();
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(60);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('1001');
    // The header is row 1; the first row of the page is row 2.
    expect(rows[0]!.getAttribute('aria-rowindex')).toBe('2');
    expect(within(rows[0]!).getByText('thing-0')).toBeTruthy();
    expect(screen.queryByText('thing-999')).toBeNull();
  });

  it('renders the rows further down once scrolled there', async () => {
    renderTable(thingsOf(1000));
    act(() => scroller().scrollTo({ top: rowHeight * 500 }));
    await waitFor(() => expect(screen.getByText('thing-500')).toBeTruthy());
    expect(screen.queryByText('thing-0')).toBeNull();
    expect(renderedRows().length).toBeLessThan(60);
  });

  it('selects every row of the page with the header checkbox, rendered or not', () => {
    const table = renderTable(thingsOf(1000));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select every row of this page' }));
    expect(table.selected()).toHaveLength(1000);
    expect(table.selected()).toContain('t999');
    fireEvent.click(checkboxOf('thing-3'));
    expect(table.selected()).toHaveLength(999);
    expect(table.selected()).not.toContain('t3');
  });

  it('moves the focus to the same column of the next rows with the arrows, and to the last row with Ctrl+End', async () => {
    renderTable(thingsOf(1000));
    checkboxOf('thing-0').focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(checkboxOf('thing-1'));
    // From a link, the next row's link.
    screen.getByRole('link', { name: 'thing-1' }).focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'thing-2' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'thing-1' }));
    // The last row is not rendered: the table scrolls to it, then focuses it.
    fireEvent.keyDown(document.activeElement!, { key: 'End', ctrlKey: true });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('link', { name: 'thing-999' })));
    expect(renderedRows().length).toBeLessThan(60);
  });

  it('keeps the focused row rendered when it is scrolled out of view', async () => {
    renderTable(thingsOf(1000));
    checkboxOf('thing-0').focus();
    act(() => scroller().scrollTo({ top: rowHeight * 500 }));
    await waitFor(() => expect(screen.getByText('thing-500')).toBeTruthy());
    expect(document.activeElement).toBe(checkboxOf('thing-0'));
  });

  it('renders every row for printing, and goes back to the rows in view after', () => {
    renderTable(thingsOf(200));
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    expect(renderedRows()).toHaveLength(200);
    act(() => {
      window.dispatchEvent(new Event('afterprint'));
    });
    expect(renderedRows().length).toBeLessThan(60);
  });
});

describe('rowMove', () => {
  it('moves one row, a screen, or to either end, and stays within the page', () => {
    expect(rowMove('ArrowDown', false, 3, 10, 4)).toBe(4);
    expect(rowMove('ArrowUp', false, 3, 10, 4)).toBe(2);
    expect(rowMove('PageDown', false, 3, 10, 4)).toBe(7);
    expect(rowMove('PageDown', false, 8, 10, 4)).toBe(9);
    expect(rowMove('PageUp', false, 2, 10, 4)).toBe(0);
    expect(rowMove('End', true, 2, 10, 4)).toBe(9);
    expect(rowMove('Home', true, 2, 10, 4)).toBe(0);
  });

  it('leaves other keys, plain Home/End and moves past an end to the browser', () => {
    expect(rowMove('Enter', false, 3, 10, 4)).toBeUndefined();
    expect(rowMove('Home', false, 3, 10, 4)).toBeUndefined();
    expect(rowMove('ArrowDown', false, 9, 10, 4)).toBeUndefined();
    expect(rowMove('ArrowUp', false, 0, 10, 4)).toBeUndefined();
  });
});

describe('DataTable row menus', () => {
  it('keeps a menu open when the page remakes its columns (enrichment arriving while the user reaches for an item)', () => {
    let remake: (generation: number) => void = () => undefined;
    function Page() {
      const [generation, setGeneration] = useState(0);
      remake = setGeneration;
      // A page builds its columns from what it has read so far: new column objects each time that changes.
      const columnsNow: ColumnDef<Thing>[] = [
        { id: 'kind', header: 'Kind', cell: () => `kind ${generation}` },
        rowActionsColumn<Thing>({ header: 'Actions', label: (thing) => `Actions for ${thing.name}`, items: () => [{ id: 'delete', label: 'Delete', onSelect: () => {} }] }),
      ];
      return (
        <MemoryRouter>
          <DataTable columns={columnsNow} rows={thingsOf(2)} rowId={(thing) => thing.id} rowName={(thing) => thing.name} label="Things" sorting={[]} onSortingChange={() => {}} pagination={pagination} />
        </MemoryRouter>
      );
    }
    render(<Page />);
    fireEvent.click(screen.getByRole('button', { name: 'Actions for thing-0' }));
    expect(screen.getByRole('menuitem', { name: 'Delete' })).toBeTruthy();
    act(() => remake(1));
    expect(screen.getAllByText('kind 1')).toHaveLength(2);
    expect(screen.getByRole('menuitem', { name: 'Delete' })).toBeTruthy();
  });
});
