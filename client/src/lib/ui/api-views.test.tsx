// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiViews } from './api-views';

afterEach(cleanup);

describe('ApiViews as tabs', () => {
  it('shows the command line first and builds the HTTP view only when its tab is chosen, arrows moving between tabs', () => {
    const http = vi.fn(() => <p>the requests</p>);
    render(<ApiViews variant="tabs" commands={[['network', 'create', 'blue net']]} http={http} />);
    expect(screen.getByTestId('cli-command').textContent).toBe("openstack network create 'blue net'");
    expect(http).not.toHaveBeenCalled();
    const cliTab = screen.getByRole('tab', { name: 'CLI' });
    expect(cliTab.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(cliTab, { key: 'ArrowRight' });
    const httpTab = screen.getByRole('tab', { name: 'HTTP' });
    expect(httpTab.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(httpTab);
    expect(screen.getByRole('tabpanel').textContent).toBe('the requests');
    fireEvent.keyDown(httpTab, { key: 'Home' });
    expect(screen.getByTestId('cli-command')).toBeTruthy();
  });

  it('says what is missing when there is no command yet', () => {
    render(<ApiViews variant="tabs" commands={[]} http={() => null} empty={<p>fill the form</p>} />);
    expect(screen.getByRole('tabpanel').textContent).toBe('fill the form');
  });
});

describe('ApiViews as a disclosure', () => {
  it('holds the command line (in the page even while closed) and the HTTP tab, built once chosen', () => {
    const http = vi.fn(() => <p>the requests</p>);
    render(<ApiViews commands={[['server', 'stop', 'a']]} http={http} />);
    const summary = screen.getByText('Show as CLI or HTTP');
    expect(summary.tagName).toBe('SUMMARY');
    expect(screen.getByTestId('action-cli').contains(summary)).toBe(true);
    expect(screen.getByTestId('cli-command').textContent).toBe('openstack server stop a');
    expect(http).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('action-http-tab'));
    expect(screen.getByTestId('action-http').textContent).toBe('the requests');
  });
});
