// The behaviours every resource list page owes its user, as page tests: its rows, its empty state, a service's
// refusal with the request id, its columns to choose and its CSV export, and a row action that shows pending until
// the service answers and the list reads again. Each feature's `<x>.page.test.tsx` describes its page with this and
// adds what is its own.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { exportCsv } from './export-csv';
import { FakeBff, heldAnswer, openstackError, type CapturedError, type Method } from './fake-bff';
import sessionDemo from './fixtures/session-demo.json';
import { cleanupApp, renderApp, rowOf } from './render-app';

export interface ListPageCase<Row> {
  /** The page's URL. */
  page: string;
  /** The BFF path the page lists from (GET), and the body it answers with for some rows. */
  listPath: string;
  answer: (rows: readonly Row[]) => object;
  /** Captured rows; the first one is acted on. */
  rows: readonly Row[];
  /** The text that names a row in the table, and other texts its row shows (in its text, maybe among others). */
  rowText: (row: Row) => string;
  rowShows?: (row: Row) => string[];
  /** Other reads the page makes, answered as captured. */
  alsoAnswers?: (bff: FakeBff) => void;
  /** The session the page runs in (the demo user's by default). */
  session?: unknown;
  emptyText: string;
  forbidden: CapturedError;
  /** The service's words in that refusal. */
  forbiddenMessage: string;
  /**
   * The service's name as a notice says it is away ("Networking (Neutron)"): given, the page is also shown with its
   * service unreachable (the BFF's 502), then back after Retry.
   */
  unavailable?: string;
  /** A row action (none where the list has no row menu: the flavors' actions are on their detail page). */
  action?: {
    /** The row menu's accessible name, and the action's label in it (the confirmation's button says the same). */
    menuLabel: (row: Row) => string;
    label: string;
    method: Method;
    path: (row: Row) => string;
  };
}

export function describeListPage<Row>(name: string, c: ListPageCase<Row>) {
  const first = c.rows[0]!;
  const bffWith = (list: Parameters<FakeBff['on']>[2]) => {
    const bff = new FakeBff(c.session).on('GET', c.listPath, list);
    c.alsoAnswers?.(bff);
    return bff;
  };

  describe(name, () => {
    afterEach(cleanupApp);

    it('lists the captured rows', async () => {
      renderApp(c.page, bffWith(c.answer(c.rows)));
      for (const row of c.rows) {
        await rowOf(c.rowText(row));
        // Some columns come from a second read (a network's subnets, a gateway's network name).
        for (const text of c.rowShows?.(row) ?? []) await waitFor(() => expect(rowOf.now(c.rowText(row)).textContent).toContain(text));
      }
    });

    it('says so when there is nothing to list', async () => {
      renderApp(c.page, bffWith(c.answer([])));
      expect(await screen.findByText(c.emptyText)).toBeTruthy();
    });

    it("shows the service's refusal with its request id", async () => {
      renderApp(c.page, bffWith(openstackError(c.forbidden)));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain(c.forbiddenMessage);
      expect(alert.textContent).toContain(c.forbidden.requestId);
    });

    it("shows its list's GET in its API panel, at the catalog's endpoint, and the openstack command that lists the same", async () => {
      // Each service at an endpoint of its own, as the session tells the SPA since issue 13.
      const session = (c.session ?? sessionDemo) as { services: { type: string; name: string }[] };
      const endpoint = (type: string) => `https://${type}.cloud.example/v9`;
      const bff = new FakeBff({ ...session, services: session.services.map((service) => ({ ...service, url: endpoint(service.type) })) }).on('GET', c.listPath, c.answer(c.rows));
      c.alsoAnswers?.(bff);
      renderApp(c.page, bff);
      await rowOf(c.rowText(first));
      fireEvent.click(screen.getByTestId('api-reads-toggle'));
      const panel = screen.getByTestId('api-reads-panel');
      expect(within(panel).getByTestId('api-reads-cli').textContent).toMatch(/^openstack [a-z ]+ list\b/);
      const [, type = '', rest = ''] = /^\/api\/os\/([^/]+)(.*)$/.exec(c.listPath) ?? [];
      const urls = within(panel)
        .getAllByTestId('api-read-http-url')
        .map((url) => url.textContent?.split('?')[0]);
      expect(urls).toContain(`${endpoint(type)}${rest}`);
    });

    it('hides a column through the Columns menu, and exports every row as CSV in the columns shown', async () => {
      try {
        renderApp(c.page, bffWith(c.answer(c.rows)));
        await rowOf(c.rowText(first));
        fireEvent.click(screen.getByRole('button', { name: 'Columns' }));
        const boxes = within(screen.getByRole('group', { name: 'Columns shown' })).getAllByRole('checkbox');
        const hidden = boxes.at(-1)!.parentElement!.textContent;
        fireEvent.click(boxes.at(-1)!);
        const headers = () => screen.getAllByRole('columnheader').map((header) => header.textContent);
        expect(headers()).not.toContain(hidden);

        const csv = await exportCsv();
        const [header = '', ...lines] = csv.trimEnd().split('\r\n');
        expect(header.split(',')).not.toContain(hidden);
        expect(header.split(',')[0]).toBe(headers().find((text) => text));
        expect(lines).toHaveLength(c.rows.length);
        for (const row of c.rows) expect(lines.some((line) => line.includes(c.rowText(row)))).toBe(true);
      } finally {
        localStorage.clear();
      }
    });

    const unavailable = c.unavailable;
    if (unavailable) {
      it('says its service is unavailable, in bounded time, and lists the rows after Retry once it is back', async () => {
        const [, service = ''] = /^\/api\/os\/([^/]+)/.exec(c.listPath) ?? [];
        let down = true;
        const refused = () =>
          Response.json(
            { error: { message: `The ${service} service (127.0.0.1:9) is unreachable: connection refused`, status: 502, code: 'upstream_unreachable' } },
            { status: 502, headers: { 'x-zenith-request-id': 'req-zenith-down' } },
          );
        const bff = bffWith(() => (down ? refused() : Response.json(c.answer(c.rows))));
        renderApp(c.page, bff);
        // The client tries a refused call twice more (1 s, then 2 s later), then shows the error: no endless spinner.
        const alert = await screen.findByRole('alert', {}, { timeout: 8000 });
        expect(within(alert).getByTestId('error-title').textContent).toContain(`${unavailable} is unavailable`);
        expect(within(alert).getByTestId('error-message').textContent).toContain('is unreachable: connection refused');
        expect(within(alert).getByTestId('error-zenith-request-id').textContent).toBe('req-zenith-down');
        // No spinner left anywhere: nothing waits for an answer that will not come.
        expect(document.querySelector('.animate-spin')).toBeNull();

        down = false;
        fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
        await rowOf(c.rowText(first));
        expect(screen.queryByRole('alert')).toBeNull();
      }, 15_000);
    }

    const action = c.action;
    if (!action) return;
    it(`shows "${action.label}" pending until the service answers, then the list as read again`, async () => {
      let done = false;
      const bff = bffWith(() => Response.json(c.answer(done ? c.rows.slice(1) : c.rows)));
      const write = heldAnswer();
      bff.on(action.method, action.path(first), write.answer);
      renderApp(c.page, bff);

      fireEvent.click(within(await rowOf(c.rowText(first))).getByRole('button', { name: action.menuLabel(first) }));
      fireEvent.click(screen.getByRole('menuitem', { name: action.label }));
      const dialog = await screen.findByRole('dialog');
      fireEvent.click(within(dialog).getByRole('button', { name: action.label }));

      await waitFor(() => expect(bff.calls(action.method, action.path(first))).toHaveLength(1));
      expect(within(dialog).getByRole('button', { name: action.label }).hasAttribute('disabled')).toBe(true);
      expect(rowOf.now(c.rowText(first))).toBeTruthy();

      done = true;
      write.release(new Response(null, { status: 204 }));
      await waitFor(() => expect(screen.queryByText(c.rowText(first))).toBeNull());
      expect(screen.queryByRole('dialog')).toBeNull();
    });
  });
}
