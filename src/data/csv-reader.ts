/**
 * The one reader of tabular input: default data files, uploads (Data sources, In-year returns
 * and allocations, partnership submissions and partner-school lists) and CLI files. It reads
 * RFC 4180 CSV strictly, so a damaged file is refused with the line where the damage is
 * rather than read as something else:
 *
 * - the bytes must be UTF-8 (the first bad line is named) and hold no control characters;
 * - a quoted cell must close (an unclosed quote is reported at the line where it opens), and
 *   quote marks may appear only around a whole cell (doubled inside it);
 * - header names are unique and not blank, and every row has exactly the header's cells;
 * - size and row limits are checked before and while reading.
 *
 * Line numbers are lines of the file (header = 1), also after a cell holding a line break.
 * Whole blank lines are skipped. Cells are returned as written; cell parsers trim and read them.
 */
import type { DataIssue } from './types.ts';
import { byteLength, decodeUtf8, notUtf8, sizeText, type FileContent } from './utf8.ts';

export interface CsvLimits {
  maxBytes: number;
  maxRows: number;
}

/** Problems reported per file before the rest are summarised in one line. */
export const MAX_ISSUES_PER_FILE = 50;

export interface CsvRow {
  /** The file line the row starts on (header = 1). */
  line: number;
  cells: Record<string, string>;
}

export interface CsvTable {
  columns: string[];
  rows: CsvRow[];
}

export type CsvRead = { ok: true; table: CsvTable } | { ok: false; issues: DataIssue[] };

export interface CsvReadOptions {
  limits: CsvLimits;
  /** Columns the header must have. */
  required?: readonly string[];
  /** What the file holds, for messages: 'returns file'. */
  what?: string;
  /** A header alone is a table with no rows (for files this project wrote). */
  allowNoRows?: boolean;
}

interface Row {
  line: number;
  cells: string[];
}

interface Damage {
  line: number;
  /** 0-based position of the cell in its row. */
  cellIndex: number;
  message: string;
  fix: string;
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Splits the text into rows of cells, up to the damage if there is any. */
function splitRows(text: string): { rows: Row[]; damage?: Damage } {
  const rows: Row[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const startLine = line;
    const cells: string[] = [];
    let endOfRow = false;
    while (!endOfRow) {
      let cell: string;
      if (text.charCodeAt(i) === QUOTE) {
        const openLine = line;
        let value = '';
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1) {
            return {
              rows,
              damage: {
                line: openLine,
                cellIndex: cells.length,
                message: 'a quote mark opens a cell on this line and is never closed',
                fix: 'Close the quoted cell with a quote mark, or remove the quote mark',
              },
            };
          }
          value += text.slice(from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            from = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
        line += value.split('\n').length - 1 + (value.match(/\r(?!\n)/g)?.length ?? 0);
        cell = value;
        const next = text.charCodeAt(i);
        if (i < text.length && next !== COMMA && next !== LF && next !== CR) {
          return {
            rows,
            damage: {
              line,
              cellIndex: cells.length,
              message: 'there is text after the closing quote mark of a cell',
              fix: 'Put the whole cell inside the quote marks, and write a quote mark inside it as two ("")',
            },
          };
        }
      } else {
        let end = i;
        while (end < text.length) {
          const code = text.charCodeAt(end);
          if (code === COMMA || code === LF || code === CR) break;
          end += 1;
        }
        cell = text.slice(i, end);
        if (cell.includes('"')) {
          return {
            rows,
            damage: {
              line,
              cellIndex: cells.length,
              message: 'a quote mark is inside a cell that is not quoted',
              fix: 'Put the whole cell in quote marks and write the quote mark inside it as two ("")',
            },
          };
        }
        i = end;
      }
      cells.push(cell);
      const code = text.charCodeAt(i);
      if (code === COMMA) {
        i += 1;
      } else {
        // End of the row: a line break (LF, CRLF or CR) or the end of the text.
        if (code === CR && text.charCodeAt(i + 1) === LF) i += 1;
        if (i < text.length) i += 1;
        line += 1;
        endOfRow = true;
      }
    }
    const blank = cells.length === 1 && cells[0] === '';
    if (!blank) rows.push({ line: startLine, cells });
  }
  return { rows };
}

/** The first line holding a control character other than tab and line breaks, or null. */
function lineWithControlCharacter(text: string): number | null {
  // eslint-disable-next-line no-control-regex
  const match = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text);
  return match === null ? null : text.slice(0, match.index).split(/\r\n|\n|\r/).length;
}

/** "an allocation file", "a returns file". */
function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** Reads a CSV file into its header and rows, or the problems that stop it being read. */
export function readCsv(content: FileContent, fileName: string, options: CsvReadOptions): CsvRead {
  const what = withArticle(options.what ?? 'file');
  const refuse = (row: number | null, column: string | null, message: string, fix?: string) => ({
    ok: false as const,
    issues: [{ file: fileName, row, column, message, ...(fix ? { fix } : {}) }],
  });
  const size = byteLength(content);
  if (size > options.limits.maxBytes) {
    return refuse(
      null,
      null,
      `the file is larger than ${sizeText(options.limits.maxBytes)}, the limit for ${what}`,
      `Upload ${what} smaller than ${sizeText(options.limits.maxBytes)}`,
    );
  }
  const decoded = decodeUtf8(content);
  if (!decoded.ok) return { ok: false, issues: [notUtf8(fileName, decoded.line)] };
  const text = decoded.text;
  if (text.trim() === '')
    return refuse(
      null,
      null,
      'the file is empty',
      `Upload ${what} with a header row and data rows`,
    );
  const controlLine = lineWithControlCharacter(text);
  if (controlLine !== null) {
    return refuse(
      controlLine,
      null,
      'this line holds a control character, so the file is not a CSV text file',
      'Save the file as "CSV UTF-8" and upload it again',
    );
  }
  const split = splitRows(text);
  const [header, ...body] = split.rows;
  const columns = header?.cells.map((name) => name.trim()) ?? [];
  // Before any damage: a semicolon file is damaged everywhere, and this is the one fix.
  const separator = otherSeparator(columns, options.required ?? []);
  if (header && separator) {
    return refuse(
      header.line,
      null,
      `the columns are separated by ${separator}, not commas`,
      'Save the file as "CSV UTF-8 (comma delimited)" and upload it again',
    );
  }
  if (split.damage) {
    const { line, cellIndex, message, fix } = split.damage;
    return refuse(line, header ? (columns[cellIndex] ?? null) : null, message, fix);
  }
  if (!header) return refuse(null, null, 'the file is empty');

  const issues: DataIssue[] = [];
  const firstIndex = new Map<string, number>();
  columns.forEach((name, index) => {
    if (name === '') {
      issues.push({
        file: fileName,
        row: header.line,
        column: null,
        message: `header cell ${index + 1} is blank`,
        fix: 'Give every column a name in the header row',
      });
      return;
    }
    const first = firstIndex.get(name);
    if (first !== undefined) {
      issues.push({
        file: fileName,
        row: header.line,
        column: name,
        message: `the header names column ${name} twice (cells ${first + 1} and ${index + 1})`,
        fix: `Remove or rename one of the ${name} columns`,
      });
    } else {
      firstIndex.set(name, index);
    }
  });
  for (const column of options.required ?? []) {
    if (!firstIndex.has(column)) {
      const misspelt = columns.find((name) => name.toLowerCase() === column.toLowerCase());
      issues.push({
        file: fileName,
        row: header.line,
        column,
        message: `the header has no ${column} column`,
        fix: misspelt ? `Rename column ${misspelt} to ${column}` : `Add the ${column} column`,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  if (body.length === 0 && !options.allowNoRows) {
    return refuse(null, null, 'the file has a header but no rows', `Upload ${what} with data rows`);
  }
  if (body.length > options.limits.maxRows) {
    return refuse(
      null,
      null,
      `the file has ${body.length.toLocaleString('en-GB')} rows; the limit for ${what} is ${options.limits.maxRows.toLocaleString('en-GB')}`,
      `Split the file into files of at most ${options.limits.maxRows.toLocaleString('en-GB')} rows`,
    );
  }
  const rows: CsvRow[] = [];
  for (const { line, cells } of body) {
    if (cells.length !== columns.length) {
      issues.push({
        file: fileName,
        row: line,
        column: null,
        message: `the row has ${cells.length} cells but the header has ${columns.length} columns`,
        fix:
          cells.length > columns.length
            ? 'Remove the extra cells, or put a cell holding a comma in quote marks'
            : 'Add the missing cells',
      });
      continue;
    }
    const record: Record<string, string> = {};
    columns.forEach((name, index) => (record[name] = cells[index]!));
    rows.push({ line, cells: record });
  }
  return issues.length > 0
    ? { ok: false, issues: capIssues(issues, fileName) }
    : { ok: true, table: { columns, rows } };
}

/** At most MAX_ISSUES_PER_FILE issues, then one line counting the rest. */
export function capIssues(issues: DataIssue[], fileName: string): DataIssue[] {
  if (issues.length <= MAX_ISSUES_PER_FILE) return issues;
  const more = issues.length - MAX_ISSUES_PER_FILE;
  return [
    ...issues.slice(0, MAX_ISSUES_PER_FILE),
    { file: fileName, row: null, column: null, message: `${more} more problems are not listed` },
  ];
}

/** "semicolons" or "tabs" when a one-column header splits into the wanted columns on them. */
function otherSeparator(columns: readonly string[], required: readonly string[]): string | null {
  if (columns.length !== 1 || required.length < 2) return null;
  const found = (separator: string) =>
    new Set(columns[0]!.split(separator).map((name) => name.trim()));
  for (const [separator, name] of [
    [';', 'semicolons'],
    ['\t', 'tabs'],
  ] as const) {
    const names = found(separator);
    if (required.some((column) => names.has(column))) return name;
  }
  return null;
}
