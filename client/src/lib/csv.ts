// CSV as spreadsheets read it (RFC 4180: CRLF lines, quotes doubled), with formulas neutralised: a cell made from a
// cloud's data (a server's name, a description) must never run as a formula when the file is opened.

/** What a spreadsheet may start a formula with: = + - @, and the tab and carriage return that can hide one. */
const formulaStart = /^[=+\-@\t\r]/;
/** A plain decimal number ("-1", "2.5") is a value, not a formula: left as it is. */
const plainNumber = /^-?\d+(\.\d+)?$/;

export function csvCell(value: string | number): string {
  const text = String(value);
  const safe = typeof value === 'string' && formulaStart.test(text) && !plainNumber.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
