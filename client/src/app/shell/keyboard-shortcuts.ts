// The shell's single-key shortcuts: `/` focuses the page's filter, `g` then a letter goes to a main page, `?` lists
// them. Single keys must never steal what the user types: nothing happens in a text field, a select or an editable
// region, with Ctrl, Alt or Meta held (the browser's and the system's own shortcuts), or while a modal dialog is open
// (the page behind it is inert).
import type { NavEntry } from '../../lib/navigation';

/** The `g` destinations, by letter: the side navigation's main pages (those the catalog does not offer are left out). */
export const goToLetters: Readonly<Record<string, string>> = {
  o: '/',
  i: '/instances',
  v: '/volumes',
  m: '/images',
  k: '/keypairs',
  n: '/networks',
  p: '/ports',
  r: '/routers',
  f: '/floating-ips',
  s: '/security-groups',
  l: '/load-balancers',
  t: '/topology',
  h: '/stacks',
  u: '/usage',
  a: '/api-access',
};

/** How long after `g` its letter is awaited. */
export const goToMilliseconds = 1500;

export interface GoToShortcut {
  letter: string;
  entry: Pick<NavEntry, 'to' | 'label'>;
}

/** The `g` shortcuts to the entries the side navigation shows, in its order. */
export function goToShortcuts(entries: readonly Pick<NavEntry, 'to' | 'label'>[]): GoToShortcut[] {
  const letterOf = new Map(Object.entries(goToLetters).map(([letter, to]) => [to, letter]));
  return entries.flatMap((entry) => {
    const letter = letterOf.get(entry.to);
    return letter ? [{ letter, entry }] : [];
  });
}

/** True when a single-key shortcut must leave the key alone: the user is typing, or holds a modifier. */
export function keyBelongsElsewhere(event: Pick<KeyboardEvent, 'ctrlKey' | 'altKey' | 'metaKey' | 'defaultPrevented' | 'isComposing' | 'target'>): boolean {
  if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented || event.isComposing) return true;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  // A modal dialog makes the page inert: its keys are the dialog's.
  return document.querySelector('dialog[open]') !== null;
}

/** The first field of the page's filter form (lib/ui/filter-form.tsx renders it as the main pane's search landmark). */
export function pageFilterField(root: ParentNode = document): HTMLElement | null {
  const fields = ['input:not([type="hidden"])', 'select', 'textarea'].map((field) => `#main form[role="search"] ${field}:not(:disabled)`);
  return root.querySelector<HTMLElement>(fields.join(', '));
}
