// What every form owes its user when the service refuses what was sent (issue 15): the service's own words and
// request id, every field still holding what was typed, and a second try that sends the same thing again. Each
// feature's `<x>.page.test.tsx` describes two of its forms with this.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { openstackError, type Answer, type CapturedError, type FakeBff, type Method } from './fake-bff';
import { cleanupApp, renderApp, rowOf } from './render-app';

export interface FormFailureCase {
  /** The page the form is on, and the BFF answering the reads it makes before the form is sent. */
  page: string;
  bff: () => FakeBff;
  /** Opens the form (a button, a row or detail menu); a form that is a page is open already. */
  open?: () => Promise<void>;
  /** What holds the form once open (by default the dialog). */
  container?: () => Promise<HTMLElement>;
  /** What the form needs before the fields (a field hidden after the first try, a checkbox, a file), awaited. */
  prepare?: (form: HTMLElement) => unknown;
  /** Typed in order, by the field's label (or test id, see `fieldsBy`): a text field's text, a select's option value. */
  fields: readonly (readonly [label: string, value: string])[];
  /** How `fields` name their fields: by label (the default), or by test id where a label is not unique on a page. */
  fieldsBy?: 'label' | 'testId';
  /** The submit button's test id (the action dialog's by default). */
  submit?: string;
  /** The call the form sends, refused the first time and answered with `success` the second. */
  method: Method;
  path: string;
  refusal: CapturedError;
  /** Fields whose value this call does not carry (a later call of the form sends it). */
  notSent?: readonly string[];
  /** The service's words in that refusal. */
  message: string;
  success: Answer;
  /** What shows the second try succeeded (by default: the dialog closed). */
  succeeded?: (bff: FakeBff) => Promise<unknown>;
}

const dialog = () => screen.findByRole('dialog');

/** The default `succeeded`: the form's dialog closed. */
export const dialogClosed = () => waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

/** `open` for a form behind a page's button. */
export const byButton = (testId: string) => async () => {
  fireEvent.click(await screen.findByTestId(testId));
};

/** `open` for a form in a row's menu (`menu` is the menu button's accessible name). */
export const byRowMenu = (row: string, menu: string, item: string) => async () => {
  fireEvent.click(within(await rowOf(row)).getByRole('button', { name: menu }));
  fireEvent.click(screen.getByRole('menuitem', { name: item }));
};

/** `open` for a form in a detail page's action menu. */
export const byDetailMenu = (item: string) => async () => {
  fireEvent.click(await screen.findByTestId('detail-actions'));
  fireEvent.click(screen.getByRole('menuitem', { name: item }));
};

export function describeFormFailures(name: string, cases: Readonly<Record<string, FormFailureCase>>) {
  describe(name, { timeout: 20_000 }, () => {
    afterEach(cleanupApp);

    it.each(Object.entries(cases))("%s: shows the service's refusal with its request id, keeps the input, and sends it again", async (_, c) => {
      const bff = c.bff().on(c.method, c.path, openstackError(c.refusal), c.success);
      renderApp(c.page, bff);
      await c.open?.();
      const form = await (c.container ?? dialog)();
      await c.prepare?.(form);
      const field = (name: string) =>
        c.fieldsBy === 'testId' ? within(form).findByTestId<HTMLInputElement>(name) : within(form).findByLabelText<HTMLInputElement>(name);
      for (const [name, value] of c.fields) fireEvent.change(await field(name), { target: { value } });
      const submit = () => within(form).getByTestId(c.submit ?? 'action-submit');
      fireEvent.click(submit());

      // A page may show other notices (a validation's): the refusal is the one naming its request id.
      const alert = await waitFor(() => {
        const found = within(form).getAllByRole('alert').find((element) => element.textContent?.includes(c.refusal.requestId));
        if (!found) throw new Error(`no alert shows ${c.refusal.requestId}`);
        return found;
      });
      expect(alert.textContent).toContain(c.message);
      const values = await Promise.all(c.fields.map(async ([name]) => (await field(name)).value));
      expect(values).toEqual(c.fields.map(([, value]) => value));

      fireEvent.click(submit());
      await waitFor(() => expect(bff.calls(c.method, c.path)).toHaveLength(2));
      const [first, second] = bff.calls(c.method, c.path);
      const sent = JSON.stringify(first!.body);
      expect(c.fields.filter(([, value]) => !sent.includes(value)).map(([name]) => name)).toEqual(c.notSent ?? []);
      expect(second!.body).toEqual(first!.body);
      await (c.succeeded ?? dialogClosed)(bff);
    });
  });
}
