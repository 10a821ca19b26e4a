// Flavor extra specs as the editors hold them (rows of key and value), what Nova would refuse in them, and what
// they become in a request body and on an `openstack flavor` command line.

export interface ExtraSpecEntry {
  key: string;
  value: string;
}

export type ExtraSpecsProblem = 'badKey' | 'badValue';

// Nova's extra spec key schema: 1-255 of letters, digits, "_", "-", ".", ":", " " and "/"; values up to 255.
const extraSpecKeyPattern = /^[\w.:/ -]{1,255}$/;
const maxValueLength = 255;

/** The rows the user filled in: a row left entirely blank is not a spec. */
export const filledEntries = (entries: readonly ExtraSpecEntry[]) => entries.filter(({ key, value }) => key.trim() !== '' || value !== '');

export function extraSpecsProblem(entries: readonly ExtraSpecEntry[]): ExtraSpecsProblem | null {
  if (entries.some(({ key }) => !extraSpecKeyPattern.test(key.trim()))) return 'badKey';
  if (entries.some(({ value }) => value.length > maxValueLength)) return 'badValue';
  return null;
}

export const extraSpecsBody = (entries: readonly ExtraSpecEntry[]) => ({
  extra_specs: Object.fromEntries(entries.map(({ key, value }) => [key.trim(), value])),
});

export const extraSpecsCliOptions = (entries: readonly ExtraSpecEntry[]) => entries.flatMap(({ key, value }) => ['--property', `${key.trim()}=${value}`]);
