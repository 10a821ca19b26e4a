// "3 hours ago" in the UI's language, from an ISO date: how long a server has existed.
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

// One formatter per language: making one costs more than formatting, and a list formats a date per row.
const formats = new Map<string, Intl.RelativeTimeFormat>();

export function relativeAge(isoDate: string, now: number, language: string): string {
  const seconds = Math.round((Date.parse(isoDate) - now) / 1000);
  let format = formats.get(language);
  if (!format) formats.set(language, (format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' })));
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === 'second') return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'second');
}
