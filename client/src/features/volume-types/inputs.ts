// The inputs of the volume type actions and the rules they are checked by, declared apart from actions.ts so the
// forms that edit them need not import the declarations that render those forms.

export interface SpecEntry {
  key: string;
  value: string;
}

export interface TypeCreateInput {
  name: string;
  description: string;
  isPublic: boolean;
  specs: SpecEntry[];
}

export interface ExtraSpecsInput {
  specs: SpecEntry[];
}

/** The rows of an extra specs editor, one per spec, in key order. */
export const specEntriesOf = (specs: Readonly<Record<string, string>> | undefined): SpecEntry[] =>
  Object.entries(specs ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => ({ key, value }));

/** The rows as Cinder's map, blank rows left out; keys are sent as typed, for Cinder to validate. */
export function specMapOf(entries: readonly SpecEntry[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const entry of entries) if (entry.key.trim() !== '') map[entry.key.trim()] = entry.value;
  return map;
}

/** Null when the rows can be sent; else what is wrong: a value without a key, or a key given twice. */
export function specEntriesProblem(entries: readonly SpecEntry[]): 'keyMissing' | 'keyRepeated' | null {
  const keys = entries.map((entry) => entry.key.trim());
  if (entries.some((entry, index) => keys[index] === '' && entry.value !== '')) return 'keyMissing';
  const named = keys.filter((key) => key !== '');
  return new Set(named).size === named.length ? null : 'keyRepeated';
}

/** What an edit changes: the specs to set (new or changed values) and the keys to remove. */
export function specChanges(current: Readonly<Record<string, string>> | undefined, entries: readonly SpecEntry[]) {
  const next = specMapOf(entries);
  const before = current ?? {};
  const set = Object.fromEntries(Object.entries(next).filter(([key, value]) => before[key] !== value));
  const unset = Object.keys(before).filter((key) => !(key in next));
  return { set, unset };
}

/** `openstack` arguments for a spec map: `--property key=value` each. */
export const propertyArgs = (specs: Readonly<Record<string, string>>) => Object.entries(specs).flatMap(([key, value]) => ['--property', `${key}=${value}`]);
