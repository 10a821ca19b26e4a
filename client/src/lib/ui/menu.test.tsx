// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Menu } from './menu';

afterEach(cleanup);

describe('Menu', () => {
  it('stays open through a scroll and follows its trigger, and closes on a click outside', () => {
    const onSelect = vi.fn();
    render(<Menu label="Actions" testId="actions" items={[{ id: 'extend', label: 'Extend', onSelect }]} />);
    const trigger = screen.getByTestId('actions');
    let top = 100;
    vi.spyOn(trigger, 'getBoundingClientRect').mockImplementation(() => DOMRect.fromRect({ x: 10, y: top, width: 80, height: 30 }));

    fireEvent.click(trigger);
    const menu = screen.getByRole('menu');
    expect(menu.style.top).toBe('134px');

    // The scroll that brought the trigger into view can arrive just after the click that opened the menu.
    top = 40;
    act(() => {
      document.dispatchEvent(new Event('scroll'));
    });
    expect(screen.getByRole('menu').style.top).toBe('74px');

    fireEvent.mouseDown(document.body);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(onSelect).not.toHaveBeenCalled();
  });
});
