/**
 * zod 4 cell schemas (codes, numbers, ranges, EES symbols) that the data-file registry
 * (src/data/registry) builds its row schemas from, and `validateTable`, which applies a file's
 * spec (row schema, unique key, whole-table rules) and names the file, row and column of each
 * problem.
 */
import { z } from 'zod';
import { fromTimePeriod, isTimePeriod } from './academic-year.ts';
import { isMissingSymbol, parseCsv } from './ees.ts';
import type {
  AcademicYear,
  DataIssue,
  NationalFlowType,
  PartnershipType,
  Phase,
  Provenance,
} from './types.ts';

/** Largest file accepted (the whole of England at LSOA level is about 33,000 rows). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 200_000;
/** Problems listed per file before the rest are summarised in one line. */
export const MAX_ISSUES_PER_FILE = 50;

export const PROVENANCES: readonly Provenance[] = [
  'published',
  'derived',
  'estimated',
  'illustrative',
  'imported',
];
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

const BLANK_REASON = 'is blank: EES files use a symbol for a missing value (x, z, c, low, u)';

type Parsed<T> = { value: T } | { reason: string };

/** A cell schema: blank cells are refused; `parse` gets the trimmed text. */
function cell<T>(parse: (raw: string) => Parsed<T>) {
  return z.string().transform((raw, ctx): T => {
    const trimmed = raw.trim();
    const result: Parsed<T> = trimmed === '' ? { reason: BLANK_REASON } : parse(trimmed);
    if ('reason' in result) {
      ctx.issues.push({ code: 'custom', message: result.reason, input: raw });
      return z.NEVER;
    }
    return result.value;
  });
}

export const text = () => cell<string>((raw) => ({ value: raw }));

/** Text that may be an EES symbol for "none" (read as null). */
export const optionalText = () =>
  cell<string | null>((raw) => ({ value: isMissingSymbol(raw) ? null : raw }));

const GSS = /^[EWSNK]\d{8}$/;
export const gssCode = () =>
  cell<string>((raw) =>
    GSS.test(raw) ? { value: raw } : { reason: `"${raw}" is not a GSS code (E + 8 digits)` },
  );
export const optionalGssCode = () =>
  cell<string | null>((raw) =>
    isMissingSymbol(raw)
      ? { value: null }
      : GSS.test(raw)
        ? { value: raw }
        : { reason: `"${raw}" is not a GSS code (E + 8 digits) or an EES symbol` },
  );

/** EES academic-year time_period '202425', read as '2024/25'. */
export const academicYear = () =>
  cell<AcademicYear>((raw) => {
    if (!isTimePeriod(raw)) {
      return { reason: `"${raw}" is not an academic-year time_period like 202425` };
    }
    return { value: fromTimePeriod(raw) };
  });

export const calendarYear = () =>
  cell<number>((raw) =>
    /^\d{4}$/.test(raw) ? { value: Number(raw) } : { reason: `"${raw}" is not a year like 2019` },
  );

interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

function checkNumber(raw: string, rule: NumberRule): Parsed<number> {
  const value = Number(raw);
  if (!Number.isFinite(value)) return { reason: `"${raw}" is not a number` };
  if (rule.integer && !Number.isInteger(value)) return { reason: `"${raw}" is not a whole number` };
  if (rule.min !== undefined && value < rule.min) {
    return { reason: rule.min === 0 ? `${raw} is negative` : `${raw} is below ${rule.min}` };
  }
  if (rule.max !== undefined && value > rule.max) return { reason: `${raw} is above ${rule.max}` };
  return { value };
}

/** A number that must be present. */
export const numberCell = (rule: NumberRule = {}) =>
  cell<number>((raw) =>
    isMissingSymbol(raw)
      ? { reason: `"${raw}" is a missing-value symbol but a number is required here` }
      : checkNumber(raw, rule),
  );

/** A number or an EES missing-value symbol (read as null). */
export const optionalNumber = (rule: NumberRule = {}) =>
  cell<number | null>((raw) => (isMissingSymbol(raw) ? { value: null } : checkNumber(raw, rule)));

export const oneOf = <T extends string>(values: readonly T[], what: string) =>
  cell<T>((raw) =>
    (values as readonly string[]).includes(raw)
      ? { value: raw as T }
      : { reason: `"${raw}" is not a known ${what} (expected one of: ${values.join(', ')})` },
  );

export const phaseCell = () =>
  cell<Phase>((raw) => {
    const lower = raw.toLowerCase();
    return lower === 'primary' || lower === 'secondary'
      ? { value: lower }
      : { reason: `"${raw}" is not a phase (Primary or Secondary)` };
  });

export const provenanceCell = () => oneOf(PROVENANCES, 'provenance');
export const yesNo = () => oneOf(['Yes', 'No'] as const, 'value');

export const partnershipCode = () =>
  cell<string>((raw) =>
    /^[A-Z0-9]{2,4}$/.test(raw)
      ? { value: raw }
      : { reason: `"${raw}" is not a provider code (2-4 capital letters or digits)` },
  );

export const urn = () =>
  cell<string>((raw) =>
    /^\d{5,7}$/.test(raw) ? { value: raw } : { reason: `"${raw}" is not a URN (5-7 digits)` },
  );

/** A footprint destination: a district code, or "outside" the region. */
export const districtCodeOrOutside = () =>
  cell<string>((raw) =>
    raw === 'outside' || GSS.test(raw)
      ? { value: raw }
      : { reason: `"${raw}" is neither a district GSS code nor "outside"` },
  );

// ---------------------------------------------------------------------------------------
// Table specifications (each registry entry has one)

export interface TableProblem {
  line: number | null;
  column: string | null;
  reason: string;
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

/** One issue with its full sentence: `file row 4, column lad_code: reason`. */
export function issue(
  file: string,
  row: number | null,
  column: string | null,
  reason: string,
): DataIssue {
  const where = [row === null ? null : `row ${row}`, column === null ? null : `column ${column}`]
    .filter((part) => part !== null)
    .join(', ');
  return { file, row, column, message: `${file}${where ? ` ${where}` : ''}: ${reason}` };
}

export interface ValidatedTable<Row> {
  rows: Located<Row>[];
  /** All columns of the file, including ones the schema does not read. */
  columns: string[];
  raw: Record<string, string>[];
}

/**
 * Validates a file's text against its spec. Returns the typed rows, or null with the issues
 * when anything is wrong (a file with any error is rejected whole).
 */
export function validateTable<Row>(
  spec: FileSpec<Row>,
  text: string,
  fileName: string,
  extraRequired: readonly string[] = [],
): { table: ValidatedTable<Row> | null; issues: DataIssue[] } {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_FILE_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return {
      table: null,
      issues: [
        issue(
          fileName,
          null,
          null,
          `file is ${mb(bytes)} MB; the limit is ${mb(MAX_FILE_BYTES)} MB`,
        ),
      ],
    };
  }
  let parsed: { columns: string[]; rows: Record<string, string>[] };
  try {
    parsed = parseCsv(text);
  } catch (error) {
    return {
      table: null,
      issues: [issue(fileName, null, null, `not a readable CSV file (${String(error)})`)],
    };
  }
  if (parsed.rows.length > MAX_ROWS) {
    return {
      table: null,
      issues: [
        issue(
          fileName,
          null,
          null,
          `file has ${parsed.rows.length} rows; the limit is ${MAX_ROWS}`,
        ),
      ],
    };
  }
  if (parsed.rows.length === 0) {
    return {
      table: null,
      issues: [issue(fileName, null, null, `has no data rows (${spec.title})`)],
    };
  }
  const shape = (spec.row as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  const required = [...Object.keys(shape), ...extraRequired];
  const missing = required.filter((c) => !parsed.columns.includes(c));
  if (missing.length > 0) {
    return {
      table: null,
      issues: missing.map((c) =>
        issue(fileName, 1, c, `missing required column (${spec.title} file)`),
      ),
    };
  }
  const issues: DataIssue[] = [];
  const rows: Located<Row>[] = [];
  parsed.rows.forEach((raw, index) => {
    const line = index + 2;
    const result = spec.row.safeParse(raw);
    if (result.success) {
      rows.push({ line, value: result.data });
    } else {
      for (const problem of result.error.issues) {
        issues.push(issue(fileName, line, String(problem.path[0] ?? ''), problem.message));
      }
    }
    for (const column of extraRequired) {
      if ((raw[column] ?? '').trim() === '')
        issues.push(issue(fileName, line, column, BLANK_REASON));
    }
  });
  if (spec.key) {
    const seen = new Map<string, number>();
    parsed.rows.forEach((raw, index) => {
      const key = (spec.key as readonly string[]).map((c) => raw[c] ?? '').join(' | ');
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push(
          issue(
            fileName,
            index + 2,
            (spec.key as readonly string[]).join(', '),
            `duplicate of row ${first} (${key})`,
          ),
        );
      } else {
        seen.set(key, index + 2);
      }
    });
  }
  if (issues.length === 0 && spec.tableChecks) {
    for (const p of spec.tableChecks(rows))
      issues.push(issue(fileName, p.line, p.column, p.reason));
  }
  if (issues.length > MAX_ISSUES_PER_FILE) {
    const more = issues.length - MAX_ISSUES_PER_FILE;
    issues.splice(MAX_ISSUES_PER_FILE);
    issues.push(issue(fileName, null, null, `${more} more problems not listed`));
  }
  return issues.length > 0
    ? { table: null, issues }
    : { table: { rows, columns: parsed.columns, raw: parsed.rows }, issues };
}
