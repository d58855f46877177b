/**
 * Table specifications (each registry entry in src/data/registry has one: row schema built
 * from the cell parsers of cells.ts, unique key, whole-table rules) and `validateTable`, which
 * reads a file through the one CSV reader and applies its spec, naming the file, line and
 * column of each problem.
 */
import type { z } from 'zod';
import { rowIssues } from './cells.ts';
import { capIssues, readCsv } from './csv-reader.ts';
import type { DataIssue, NationalFlowType, PartnershipType } from './types.ts';
import type { FileContent } from './utf8.ts';

/** Largest file accepted (the whole of England at LSOA level is about 33,000 rows). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 200_000;

export const NATIONAL_FLOW_TYPES: readonly NationalFlowType[] = [
  'Under 55 leaver rate',
  '55+ leaver rate',
  'Total leaver rate',
  'Returners',
  'New to state-funded sector entrants',
  'Newly qualified entrants',
];
export const PARTNERSHIP_TYPES: readonly PartnershipType[] = [
  'HEI',
  'SCITT',
  'School Direct',
  'Teach First',
  'Apprenticeship',
];

export interface TableProblem {
  line: number | null;
  column: string | null;
  reason: string;
  /** What to do, GOV.UK style. */
  fix?: string;
}

export interface FileSpec<Row> {
  /** What the file holds, for messages. */
  title: string;
  row: z.ZodType<Row>;
  /** Columns whose values together must be unique. */
  key?: readonly string[];
  /** Whole-table rules after every row is valid. */
  tableChecks?: (rows: readonly Located<Row>[]) => TableProblem[];
}

/** A parsed row with its 1-based line number in the file (header = 1). */
export interface Located<Row> {
  line: number;
  value: Row;
}

/** One issue: where, the reason and what to do (describeIssue words it). */
export function issue(
  file: string,
  row: number | null,
  column: string | null,
  reason: string,
  fix?: string,
): DataIssue {
  return { file, row, column, message: reason, ...(fix ? { fix } : {}) };
}

export interface ValidatedTable<Row> {
  rows: Located<Row>[];
  /** All columns of the file, including ones the schema does not read. */
  columns: string[];
  /** Each row's cells as written, in file order. */
  raw: Record<string, string>[];
}

/**
 * Validates a file against its spec. Returns the typed rows, or null with the issues when
 * anything is wrong (a file with any error is rejected whole).
 */
export function validateTable<Row>(
  spec: FileSpec<Row>,
  content: FileContent,
  fileName: string,
  extraRequired: readonly string[] = [],
): { table: ValidatedTable<Row> | null; issues: DataIssue[] } {
  const shape = (spec.row as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  const read = readCsv(content, fileName, {
    limits: { maxBytes: MAX_FILE_BYTES, maxRows: MAX_ROWS },
    required: [...Object.keys(shape), ...extraRequired],
    what: `${spec.title} file`,
  });
  if (!read.ok) return { table: null, issues: read.issues };
  const issues: DataIssue[] = [];
  const rows: Located<Row>[] = [];
  for (const { line, cells } of read.table.rows) {
    const result = spec.row.safeParse(cells);
    if (result.success) rows.push({ line, value: result.data });
    else issues.push(...rowIssues(result.error.issues, { file: fileName, row: line }));
    for (const column of extraRequired) {
      if ((cells[column] ?? '').trim() === '') {
        issues.push(issue(fileName, line, column, 'the cell is blank', 'Enter a value'));
      }
    }
  }
  if (spec.key) {
    const key = spec.key;
    const seen = new Map<string, number>();
    for (const { line, cells } of read.table.rows) {
      const values = key.map((c) => (cells[c] ?? '').trim()).join(', ');
      const first = seen.get(values);
      if (first === undefined) seen.set(values, line);
      else {
        issues.push(
          issue(
            fileName,
            line,
            key.join(', '),
            `${values} is also on line ${first}`,
            `Keep one row for each ${key.join(', ')}`,
          ),
        );
      }
    }
  }
  if (issues.length === 0 && spec.tableChecks) {
    for (const p of spec.tableChecks(rows)) {
      issues.push(issue(fileName, p.line, p.column, p.reason, p.fix));
    }
  }
  return issues.length > 0
    ? { table: null, issues: capIssues(issues, fileName) }
    : {
        table: { rows, columns: read.table.columns, raw: read.table.rows.map((r) => r.cells) },
        issues,
      };
}
