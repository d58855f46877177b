/**
 * The one CSV writer of the app: every download and every CLI output file goes through here,
 * so a cell can never reach a spreadsheet as a formula (OWASP "CSV injection"). A cell that
 * begins with `=`, `+`, `-`, `@`, a tab or a carriage return and is not a plain number is
 * written with a single quote in front, and quoted: `=HYPERLINK(...)` becomes
 * `"'=HYPERLINK(...)"`, which spreadsheets show as text. Numbers such as `-0.5` stay numbers.
 * Otherwise quoting is RFC 4180: a cell holding a comma, a double quote or a line break is
 * quoted, with its double quotes doubled.
 *
 * The lint config bans d3-dsv's format functions everywhere, so no writer can bypass this one.
 */

/** Characters that make a spreadsheet read the cell as a formula (or run DDE). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number, optionally negative and in exponent form, e.g. -0.5, 12, 1e-7. */
const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\n\r]/;

export type CsvValue = string | number | null | undefined;

function quoted(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** Whether a spreadsheet could read `text` as a formula. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/** One cell as CSV text, neutralised if it could be read as a formula. */
export function csvCell(value: CsvValue): string {
  const text = value === null || value === undefined ? '' : String(value);
  if (isFormulaLike(text)) return quoted(`'${text}`);
  return NEEDS_QUOTES.test(text) ? quoted(text) : text;
}

/** CSV text of rows of cells (LF line ends, no final line end), the first row usually a header. */
export function formatCsvRows(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\n');
}

/**
 * CSV text of records with a header row, columns in `columns` order or else every key of the
 * records in the order first seen (no final line end).
 */
export function formatCsvRecords<T extends object>(
  records: readonly T[],
  columns?: readonly (keyof T & string)[],
): string {
  const names = columns ?? recordColumns(records);
  return formatCsvRows([
    names,
    ...records.map((record) =>
      names.map((name) => (record as Record<string, CsvValue>)[name as string]),
    ),
  ]);
}

function recordColumns<T extends object>(records: readonly T[]): (keyof T & string)[] {
  const seen = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) seen.add(key);
  return [...seen] as (keyof T & string)[];
}
