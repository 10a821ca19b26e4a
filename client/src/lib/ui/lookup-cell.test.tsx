// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { byId, lookup, LookupText } from './lookup-cell';

afterEach(cleanup);

const names = new Map([['i1', 'cirros']]);

describe('lookup', () => {
  it('finds a key, or says it may still come while the read is pending or showing the previous page', () => {
    expect(lookup({ data: names, isPending: false }, 'i1')).toEqual({ state: 'found', value: 'cirros' });
    expect(lookup({ data: undefined, isPending: true }, 'i1')).toEqual({ state: 'pending' });
    expect(lookup({ data: names, isPending: false, isPlaceholderData: true }, 'i2')).toEqual({ state: 'pending' });
    expect(lookup({ data: names, isPending: false }, 'i2')).toEqual({ state: 'missing' });
    // A failed read: nothing more will come.
    expect(lookup({ data: undefined, isPending: false }, 'i1')).toEqual({ state: 'missing' });
  });

  it('shows what the cell needs of the value', () => {
    const networks = byId([{ id: 'n1', name: 'demo-net' }]);
    expect(lookup({ data: networks, isPending: false }, 'n1', (network) => network.name)).toEqual({ state: 'found', value: 'demo-net' });
  });
});

describe('LookupText', () => {
  const slotOf = () => screen.getByTestId('cell');

  it('keeps the same slot while pending and once found: a faint bar, then the name, the id in the tooltip', () => {
    const { rerender } = render(<LookupText lookup={{ state: 'pending' }} id="0f6c7d1e-aaaa" testId="cell" />);
    const pendingClass = slotOf().className;
    expect(slotOf().dataset.lookup).toBe('pending');
    expect(slotOf().title).toBe('0f6c7d1e-aaaa');
    // Screen readers hear the id meanwhile, not an empty cell.
    expect(slotOf().textContent).toBe('0f6c7d1e-aaaa');

    rerender(<LookupText lookup={{ state: 'found', value: 'cirros' }} id="0f6c7d1e-aaaa" testId="cell" />);
    expect(slotOf().className).toBe(pendingClass);
    expect(slotOf().textContent).toBe('cirros');
    expect(slotOf().title).toBe('cirros (0f6c7d1e-aaaa)');
  });

  it('shows the short id, or the words given, when there is no name', () => {
    const { rerender } = render(<LookupText lookup={{ state: 'missing' }} id="0f6c7d1e-aaaa" testId="cell" />);
    expect(slotOf().textContent).toBe('0f6c7d1e');
    rerender(<LookupText lookup={{ state: 'missing' }} id="0f6c7d1e-aaaa" missing="Unknown image" testId="cell" />);
    expect(slotOf().textContent).toBe('Unknown image');
    rerender(<LookupText lookup={{ state: 'found', value: '' }} id="0f6c7d1e-aaaa" testId="cell" />);
    expect(slotOf().textContent).toBe('0f6c7d1e');
  });
});
