/**
 * Reading one cell of text as a value: the one way numbers, codes, years and choices are read
 * from files, forms and command lines, so `0x10`, `1e308`, `Infinity` or `1,000` never slip
 * through as numbers and every refusal says what is wrong and what to enter instead.
 *
 * A cell schema is a zod transform from the cell's text; a refusal carries its reason as the
 * zod message and the GOV.UK-style instruction as `params.fix` (see `rowIssues`).
 */
import { z } from 'zod';
import { fromTimePeriod, isTimePeriod, type AcademicYear } from './academic-year.ts';
import { isMissingSymbol } from './ees.ts';
import type { DataIssue, Provenance } from './types.ts';

/** The geographic levels Explore Education Statistics accepts in `geographic_level`. */
export const EES_GEOGRAPHIC_LEVELS = [
  'National',
  'Regional',
  'Local authority',
  'Local authority district',
  'English devolved area',
  'Mayoral combined authority',
  'Local enterprise partnership',
  'Local skills improvement plan area',
  'Opportunity area',
  'Parliamentary constituency',
  'Ward',
  'Planning area',
  'RSC region',
  'MAT',
  'Sponsor',
  'School',
  'Provider',
  'Institution',
] as const;
export type EesGeographicLevel = (typeof EES_GEOGRAPHIC_LEVELS)[number];

const PLAIN_DECIMAL = /^[+-]?\d+(\.\d+)?$/;
const GROUPED_DECIMAL = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * A plain decimal (`12`, `-0.5`, `+3.25`) as a number, or null for anything else: hex,
 * exponents, `Infinity`, blanks, spaces inside, and thousands separators unless `grouped`
 * allows them (`12,345.6`).
 */
export function parseDecimal(text: string, grouped = false): number | null {
  const trimmed = text.trim();
  let digits: string | null = null;
  if (PLAIN_DECIMAL.test(trimmed)) digits = trimmed;
  else if (grouped && GROUPED_DECIMAL.test(trimmed)) digits = trimmed.replace(/,/g, '');
  const value = digits === null ? Number.NaN : Number(digits);
  // Hundreds of digits read as Infinity.
  return Number.isFinite(value) ? value : null;
}

/** A cell's value, or why it was refused and what to enter instead. */
export type Parsed<T> = { value: T } | { reason: string; fix?: string };

export interface CellOptions {
  /** What a blank cell means: refused (default, with this reason) or a value. */
  blank?: Parsed<unknown>;
}

const BLANK: Parsed<never> = {
  reason: 'the cell is blank',
  fix: 'Enter a value, or an EES symbol for a missing one (x, z, c, low or u)',
};

/** A cell schema: the text is trimmed; a blank cell is refused unless `options.blank` says. */
export function cell<T>(parse: (trimmed: string) => Parsed<T>, options: CellOptions = {}) {
  return z.string().transform((raw, ctx): T => {
    const trimmed = raw.trim();
    const result = (trimmed === '' ? (options.blank ?? BLANK) : parse(trimmed)) as Parsed<T>;
    if ('reason' in result) {
      ctx.issues.push({
        code: 'custom',
        message: result.reason,
        input: raw,
        ...(result.fix ? { params: { fix: result.fix } } : {}),
      });
      return z.NEVER;
    }
    return result.value;
  });
}

/** A number's plausible range and what it counts, for messages. */
export interface NumberRule {
  /** Lowest value allowed. */
  min?: number;
  /** Values must be above this. */
  above?: number;
  /** Highest value allowed. */
  max?: number;
  /** Values must be below this. */
  below?: number;
  integer?: boolean;
  /** Thousands separators allowed (`12,345`). */
  grouped?: boolean;
  /** What the number is, after "Enter": 'a number of teachers (FTE)' (default 'a number'). */
  what?: string;
}

// One formatter for every message: toLocaleString with options builds a new one per call.
const FIGURE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 10 });
const figure = (value: number) => FIGURE.format(value);

/** "Enter a whole number of places from 0 to 99,999": what to type, from the rule. */
export function numberFix(rule: NumberRule): string {
  const what = rule.what ?? (rule.integer ? 'a whole number' : 'a number');
  // Whole numbers read better with inclusive bounds: below 100,000 is "to 99,999".
  const min = rule.min ?? (rule.integer && rule.above !== undefined ? rule.above + 1 : undefined);
  const max = rule.max ?? (rule.integer && rule.below !== undefined ? rule.below - 1 : undefined);
  const above = min === undefined ? rule.above : undefined;
  const below = max === undefined ? rule.below : undefined;
  if (min !== undefined && max !== undefined)
    return `Enter ${what} from ${figure(min)} to ${figure(max)}`;
  const low =
    min !== undefined
      ? `at least ${figure(min)}`
      : above !== undefined
        ? `above ${figure(above)}`
        : null;
  const high =
    max !== undefined
      ? `at most ${figure(max)}`
      : below !== undefined
        ? `below ${figure(below)}`
        : null;
  if (low && high) return `Enter ${what} ${low} and ${high}`;
  if (min !== undefined) return `Enter ${what}, ${figure(min)} or more`;
  if (max !== undefined) return `Enter ${what}, ${figure(max)} or less`;
  return `Enter ${what}${low || high ? ` ${low ?? high}` : ''}`;
}

/** A number text checked against its rule. */
export function checkNumber(raw: string, rule: NumberRule = {}): Parsed<number> {
  // The instruction is written only for a refused cell: a data file has many thousands of good ones.
  const refuse = (reason: string) => ({ reason, fix: numberFix(rule) });
  const value = parseDecimal(raw, rule.grouped);
  if (value === null) {
    return refuse(
      !rule.grouped && GROUPED_DECIMAL.test(raw)
        ? `"${raw}" has a thousands separator`
        : `"${raw}" is not a number written in digits`,
    );
  }
  if (rule.integer && !Number.isInteger(value)) return refuse(`${raw} is not a whole number`);
  if (
    (rule.min !== undefined && value < rule.min) ||
    (rule.above !== undefined && value <= rule.above)
  ) {
    return refuse(`${raw} is too small`);
  }
  if (
    (rule.max !== undefined && value > rule.max) ||
    (rule.below !== undefined && value >= rule.below)
  ) {
    return refuse(`${raw} is too large to be right`);
  }
  return { value };
}

export const text = () => cell<string>((raw) => ({ value: raw }));

/** Text that may be an EES symbol for "none" (read as null). */
export const optionalText = () =>
  cell<string | null>((raw) => ({ value: isMissingSymbol(raw) ? null : raw }));

const GSS = /^[EWSNK]\d{8}$/;
const GSS_FIX = 'Enter a GSS code: a letter and 8 digits, like E08000019';

export function isGssCode(text: string): boolean {
  return GSS.test(text);
}

export const gssCode = () =>
  cell<string>((raw) =>
    GSS.test(raw) ? { value: raw } : { reason: `"${raw}" is not a GSS code`, fix: GSS_FIX },
  );

export const optionalGssCode = () =>
  cell<string | null>((raw) =>
    isMissingSymbol(raw)
      ? { value: null }
      : GSS.test(raw)
        ? { value: raw }
        : { reason: `"${raw}" is not a GSS code`, fix: `${GSS_FIX}, or z when there is none` },
  );

/** EES academic-year time_period '202425', read as '2024/25' (years 1990/91 to 2060/61). */
export const academicYear = () =>
  cell<AcademicYear>((raw) =>
    isTimePeriod(raw)
      ? { value: fromTimePeriod(raw) }
      : {
          reason: `"${raw}" is not an academic year this tool plans`,
          fix: 'Enter the academic year as 6 digits, like 202526 for 2025/26',
        },
  );

export const calendarYear = () =>
  cell<number>((raw) =>
    /^\d{4}$/.test(raw) && Number(raw) >= 1990 && Number(raw) <= 2060
      ? { value: Number(raw) }
      : { reason: `"${raw}" is not a year this tool uses`, fix: 'Enter a year like 2019' },
  );

/** A number that must be present. */
export const numberCell = (rule: NumberRule = {}) =>
  cell<number>(
    (raw) =>
      isMissingSymbol(raw)
        ? {
            reason: `"${raw}" is a missing-value symbol but a number is needed`,
            fix: numberFix(rule),
          }
        : checkNumber(raw, rule),
    { blank: { reason: 'the cell is blank', fix: numberFix(rule) } },
  );

/** A number or an EES missing-value symbol (read as null). */
export const optionalNumber = (rule: NumberRule = {}) => {
  const fix = `${numberFix(rule)}, or a symbol for a missing value (x, z, c, low or u)`;
  return cell<number | null>(
    (raw) => {
      if (isMissingSymbol(raw)) return { value: null };
      const checked = checkNumber(raw, rule);
      return 'reason' in checked ? { reason: checked.reason, fix } : checked;
    },
    { blank: { reason: 'the cell is blank', fix } },
  );
};

/** "a" or "an", for a noun. */
function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? 'an' : 'a';
}

/** "Enter one of: a, b or c", or "Enter a subject group, such as a or b" for long lists. */
export function choiceFix(values: readonly string[], what: string): string {
  if (values.length === 1) return `Enter ${values[0]}`;
  if (values.length <= 6) {
    return `Enter one of: ${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
  }
  return `Enter ${article(what)} ${what}, such as ${values[0]} or ${values[1]}`;
}

/** One of a list of values, written exactly; `what` names it: 'subject group'. */
export const oneOf = <T extends string>(values: readonly T[], what: string) =>
  cell<T>((raw) =>
    (values as readonly string[]).includes(raw)
      ? { value: raw as T }
      : { reason: `"${raw}" is not a known ${what}`, fix: choiceFix(values, what) },
  );

/** `geographic_level`, one of the EES levels (optionally only some of them). */
export const geographicLevel = <T extends EesGeographicLevel>(
  allowed: readonly T[] = EES_GEOGRAPHIC_LEVELS as unknown as readonly T[],
) =>
  cell<T>((raw) => {
    if ((allowed as readonly string[]).includes(raw)) return { value: raw as T };
    const known = (EES_GEOGRAPHIC_LEVELS as readonly string[]).includes(raw);
    return {
      reason: known
        ? `"${raw}" is a geographic level this file cannot hold`
        : `"${raw}" is not a geographic level of Explore Education Statistics`,
      fix: choiceFix(allowed, 'geographic level'),
    };
  });

export const phaseCell = () =>
  cell<'primary' | 'secondary'>((raw) => {
    const lower = raw.toLowerCase();
    return lower === 'primary' || lower === 'secondary'
      ? { value: lower }
      : { reason: `"${raw}" is not a phase`, fix: 'Enter Primary or Secondary' };
  });

export const yesNo = () => oneOf(['Yes', 'No'] as const, 'answer');

/** Where a figure comes from. */
export const PROVENANCES: readonly Provenance[] = [
  'published',
  'derived',
  'estimated',
  'illustrative',
  'imported',
];
export const provenanceCell = () => oneOf(PROVENANCES, 'provenance');

/** A school's unique reference number: 5 to 7 digits. */
export const urn = () =>
  cell<string>((raw) =>
    /^\d{5,7}$/.test(raw)
      ? { value: raw }
      : { reason: `"${raw}" is not a URN`, fix: 'Enter the school’s URN: 5 to 7 digits' },
  );

/** A footprint destination: a district code, or "outside" the region. */
export const districtCodeOrOutside = () =>
  cell<string>((raw) =>
    raw === 'outside' || GSS.test(raw)
      ? { value: raw }
      : {
          reason: `"${raw}" is neither a district GSS code nor "outside"`,
          fix: `${GSS_FIX}, or outside`,
        },
  );

/** Where a row's problems are reported: the file and the row's line (null for a form). */
export interface RowPlace {
  file: string;
  row: number | null;
  /** The `column` reported for a cell (a form names its own fields). */
  columnName?: (column: string) => string;
}

/** zod issues of one row as DataIssues: the column, the reason and what to do. */
export function rowIssues(issues: readonly z.core.$ZodIssue[], place: RowPlace): DataIssue[] {
  return issues.map((issue) => {
    const key = issue.path[0];
    const column = typeof key === 'string' ? (place.columnName?.(key) ?? key) : null;
    const fix = (issue as { params?: { fix?: unknown } }).params?.fix;
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    return {
      file: place.file,
      row: place.row,
      column,
      message: missing ? 'the cell is missing' : issue.message,
      ...(typeof fix === 'string' ? { fix } : {}),
    };
  });
}

/** An ITT provider (partnership) code: 2-4 capital letters or digits, like S21. */
export const partnershipCode = () =>
  cell<string>((raw) =>
    /^[A-Z0-9]{2,4}$/.test(raw)
      ? { value: raw }
      : {
          reason: `"${raw}" is not a provider code`,
          fix: 'Enter the partnership’s provider code: 2 to 4 capital letters or digits, like S21',
        },
  );

/** Names agree when they differ only in case and spacing. */
export function sameName(a: string, b: string): boolean {
  const plain = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
  return plain(a) === plain(b);
}
