// Marker paging in both directions over any OpenStack collection: ask for one row more than the page, and read
// backwards (sort reversed, marker = the first row of the next page) to go back.

export interface PagePosition {
  limit: number;
  /** The last row of the previous page (going forward). */
  marker?: string;
  /** The first row of the next page (going back). */
  before?: string;
}

export interface PageWindow<Row> {
  rows: Row[];
  hasPrevious: boolean;
  hasNext: boolean;
}

/** The rows to show from the answer (limit + 1 rows, reversed when going back) and where the user can go. */
export function pageWindow<Row>(position: PagePosition, answer: readonly Row[]): PageWindow<Row> {
  const more = answer.length > position.limit;
  const rows = answer.slice(0, position.limit);
  if (position.before !== undefined) return { rows: rows.reverse(), hasPrevious: more, hasNext: true };
  return { rows, hasPrevious: position.marker !== undefined, hasNext: more };
}
