// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n';
import type { AnyActionDeclaration } from '../actions/types';
import { CheckboxField } from './checkbox-field';
import { nameLinkColumn, rowActionsColumn } from './columns';
import { DataTable } from './data-table';
import { DialogFooter } from './dialog-footer';
import { appliedFilters, FilterForm, type Filters } from './filter-form';
import { ResourceListPage, type RowActions } from './resource-list-page';
import { Tabs } from './tabs';
import { TextField } from './text-field';

afterEach(cleanup);

interface Thing {
  id: string;
  name: string;
}

const things: Thing[] = [
  { id: 't1', name: 'alpha' },
  { id: 't2', name: 'beta' },
];
const columns: ColumnDef<Thing>[] = [
  nameLinkColumn({ header: 'Name', href: (thing) => `/things/${thing.id}`, text: (thing) => thing.name, testId: 'thing-name' }),
  rowActionsColumn({ header: 'Actions', label: (thing) => `Actions for ${thing.name}`, items: () => [] }),
];
const deleteAction = { id: 'delete', label: 'common.dismiss' } as unknown as AnyActionDeclaration<Thing>;
const pagination = { hasPrevious: false, hasNext: false, onPrevious: () => {}, onNext: () => {}, pageSize: 20, pageSizes: [20], onPageSizeChange: () => {} };

function renderList({ rows = things, query = { error: null, isPending: false, isFetching: false, refetch: vi.fn() }, rowActions }: { rows?: Thing[]; query?: { error: unknown; isPending: boolean; isFetching: boolean; refetch: () => unknown }; rowActions?: RowActions<Thing> }) {
  return render(
    <MemoryRouter>
      <ResourceListPage
        title="Things"
        query={query}
        reads={{ commands: [['thing', 'list']], requests: ['/api/os/compute/things'] }}
        rowActions={rowActions}
        bulkActions={[deleteAction]}
        table={{ testId: 'things-table', label: 'Things', columns, rows, rowId: (thing) => thing.id, rowName: (thing) => thing.name, sorting: [], onSortingChange: () => {}, pagination }}
        empty={{ loading: 'Loading things', title: 'No things', hint: 'Make one' }}
      />
    </MemoryRouter>,
  );
}

function outlet(): RowActions<Thing> {
  return { trigger: vi.fn(), selectionRefusal: () => null, failures: [], dismissFailure: vi.fn(), dialogElement: null };
}

describe('ResourceListPage', () => {
  it('shows the rows with their name links and row menus, and Refresh reads the list again', () => {
    const refetch = vi.fn();
    renderList({ query: { error: null, isPending: false, isFetching: false, refetch }, rowActions: outlet() });
    expect(screen.getByRole('heading', { name: 'Things' })).toBeTruthy();
    expect(screen.getAllByTestId('thing-name').map((link) => link.getAttribute('href'))).toEqual(['/things/t1', '/things/t2']);
    expect(screen.getByRole('button', { name: 'Actions for beta' })).toBeTruthy();
    fireEvent.click(screen.getByTestId('refresh-list'));
    expect(refetch).toHaveBeenCalledOnce();
  });

  it("offers the API's sort on the columns that have one: ascending first, then the other way", () => {
    const onSortingChange = vi.fn();
    const table = (sorting: { id: string; desc: boolean }[]) => (
      <MemoryRouter>
        <DataTable columns={columns} rows={things} rowId={(thing) => thing.id} rowName={(thing) => thing.name} label="Things" sorting={sorting} onSortingChange={onSortingChange} pagination={pagination} />
      </MemoryRouter>
    );
    const { rerender } = render(table([]));
    expect(screen.queryByRole('button', { name: 'Actions' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(onSortingChange).toHaveBeenLastCalledWith([{ id: 'name', desc: false }]);
    rerender(table([{ id: 'name', desc: false }]));
    expect(screen.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(onSortingChange).toHaveBeenLastCalledWith([{ id: 'name', desc: true }]);
  });

  it('says why the table is empty', () => {
    renderList({ rows: [] });
    expect(screen.getByTestId('things-table').textContent).toContain('No things');
    expect(screen.getByTestId('things-table').textContent).toContain('Make one');
  });

  it('runs a bulk action on the selected rows, then forgets the selection', () => {
    const rowActions = outlet();
    renderList({ rowActions });
    expect(screen.queryByTestId('bulk-bar')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select beta' }));
    expect(screen.getByTestId('bulk-bar').textContent).toContain('1 selected');
    fireEvent.click(screen.getByTestId('bulk-delete'));
    expect(rowActions.trigger).toHaveBeenCalledWith(deleteAction, [things[1]]);
    expect(screen.queryByTestId('bulk-bar')).toBeNull();
  });

  it('shows the failures of every runner of the page in one list, and dismisses through each', () => {
    const rowActions = { ...outlet(), failures: [{ key: '7', resourceId: 't1', resourceName: 'alpha', action: 'common.dismiss' as const, error: new Error('refused') }] };
    renderList({ rowActions });
    const failures = screen.getByTestId('action-failures');
    expect(within(failures).getAllByTestId('action-failure')).toHaveLength(1);
    fireEvent.click(within(failures).getByRole('button', { name: 'Dismiss' }));
    expect(rowActions.dismissFailure).toHaveBeenCalledWith('7');
  });
});

describe('FilterForm', () => {
  const names = ['name', 'status'] as const;
  function Host({ onApply }: { onApply: (filters: Filters<'name' | 'status'>) => void }) {
    const [filters, setFilters] = useState<Filters<'name' | 'status'>>({ name: 'web' });
    return (
      <>
        <button type="button" onClick={() => setFilters({ status: 'ACTIVE' })}>
          back
        </button>
        <FilterForm
          names={names}
          filters={filters}
          onApply={onApply}
          label="Filters"
          applyLabel="Apply"
        >
          {(bind) => (
            <>
              <TextField label="Name" {...bind('name')} testId="filter-name" />
              <TextField label="Status" {...bind('status')} testId="filter-status" />
            </>
          )}
        </FilterForm>
      </>
    );
  }

  it('applies the draft at once, trimmed and without blanks', () => {
    const onApply = vi.fn();
    render(<Host onApply={onApply} />);
    expect(screen.getByTestId<HTMLInputElement>('filter-name').value).toBe('web');
    fireEvent.change(screen.getByTestId('filter-name'), { target: { value: '  db ' } });
    fireEvent.change(screen.getByTestId('filter-status'), { target: { value: '   ' } });
    expect(onApply).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('apply-filters'));
    expect(onApply).toHaveBeenCalledWith({ name: 'db' });
  });

  it('shows the filters applied from outside (back button) in place of the draft', () => {
    render(<Host onApply={() => {}} />);
    fireEvent.change(screen.getByTestId('filter-name'), { target: { value: 'draft' } });
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'back' }));
    });
    expect(screen.getByTestId<HTMLInputElement>('filter-name').value).toBe('');
    expect(screen.getByTestId<HTMLInputElement>('filter-status').value).toBe('ACTIVE');
    expect(screen.getByRole('search', { name: 'Filters' })).toBeTruthy();
  });

  it('keeps only the named, non-blank filters', () => {
    expect(appliedFilters(names, { name: ' a ', status: '' })).toEqual({ name: 'a' });
  });
});

describe('Tabs', () => {
  it('marks the current tab and labels its panel by it', () => {
    const onSelect = vi.fn();
    render(
      <Tabs tabs={['overview', 'log'] as const} current="log" onSelect={onSelect} label="web-1" tabLabel={(name) => name.toUpperCase()}>
        <p>the log</p>
      </Tabs>,
    );
    expect(screen.getByRole('tab', { name: 'LOG' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tab', { name: 'OVERVIEW' }).getAttribute('aria-selected')).toBe('false');
    expect(screen.getByRole('tabpanel', { name: 'LOG' }).textContent).toBe('the log');
    fireEvent.click(screen.getByTestId('tab-overview'));
    expect(onSelect).toHaveBeenCalledWith('overview');
  });
});

describe('DialogFooter', () => {
  it('submits the form it names, and disables the submit while pending', () => {
    const onCancel = vi.fn();
    const { rerender } = render(<DialogFooter cancelLabel="Cancel" onCancel={onCancel} formId="f1" submitLabel="Create" submitTestId="submit" />);
    const submit = screen.getByTestId<HTMLButtonElement>('submit');
    expect(submit.getAttribute('form')).toBe('f1');
    expect(submit.type).toBe('submit');
    expect(submit.disabled).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();
    rerender(<DialogFooter cancelLabel="Cancel" onCancel={onCancel} formId="f1" submitLabel="Create" submitTestId="submit" pending />);
    expect((screen.getByTestId<HTMLButtonElement>('submit')).disabled).toBe(true);
  });

  it('offers only the cancel (close) button once there is nothing to submit', () => {
    render(<DialogFooter cancelLabel="Close" onCancel={() => {}} formId="f1" />);
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual(['Close']);
  });
});

describe('CheckboxField', () => {
  it('is a checkbox named by its label, reporting its new state', () => {
    const onChange = vi.fn();
    render(<CheckboxField label="Shared" hint="Other projects see it" checked={false} onChange={onChange} testId="shared" />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Shared/ }));
    expect(onChange).toHaveBeenCalledWith(true);
  });
});
