import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { successNotice } from './use-action-runner';

const web = { id: 'srv-1', name: 'web-1', page: '/instances/srv-1' };
const db = { id: 'srv-2', name: 'db-1', page: '/instances/srv-2' };
// A label every catalog has: the notice's own words are the runner's, whatever the action.
const rename = { label: 'actions.showCli' } as const;

describe('successNotice', () => {
  it('says the label and "done" when the declaration has no words of its own, with a link to the page', () => {
    expect(successNotice(i18n.t, rename, [web])).toEqual({ text: 'Show the CLI · web-1: done.', link: { to: '/instances/srv-1', name: 'web-1' } });
  });

  it('counts the resources of a bulk action, without a link', () => {
    expect(successNotice(i18n.t, rename, [web, db])).toEqual({ text: 'Show the CLI · 2 resources: done.', link: undefined });
  });

  it('uses the declaration’s own words, given the count and the name', () => {
    const declared = { ...rename, succeeded: 'actions.bulkTitle' } as const;
    expect(successNotice(i18n.t, declared, [web, db]).text).toBe('{{action}}: 2 selected');
  });

  it('links to nothing when the action took the resource away, or it has no page', () => {
    expect(successNotice(i18n.t, { ...rename, removes: true }, [web]).link).toBeUndefined();
    expect(successNotice(i18n.t, rename, [{ id: 'x', name: 'x' }]).link).toBeUndefined();
  });
});
