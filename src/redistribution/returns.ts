/**
 * Monthly recruitment returns per partnership x subject, read from Explore Education
 * Statistics tidy CSV or typed in by hand. Everything is validated before anything changes:
 * an import either yields a new state with all of the file's rows or the old state untouched
 * and a list of problems naming file, row, column and reason.
 *
 * Meaning of the counts (cumulative within the cycle, as at the end of the month):
 * - allocation_count: places allocated to the partnership in that subject, as reported;
 * - applications_count: applications received;
 * - offers_count: offers made (at most the applications);
 * - recruited_count: offers accepted and still held (accepted, net of withdrawals);
 * - withdrawn_count: candidates who withdrew after an offer or acceptance.
 */
import { formatCsvRecords } from '../data/csv-writer.ts';
import { readCsvFile } from '../data/ees.ts';
import { z } from 'zod';
import { SUBJECT_GROUPS, type DataIssue, type SubjectGroup } from '../data/types.ts';
import { CYCLE_MONTHS, cycleMonthIndex, type CycleMonth } from './cycle.ts';
import { isTimePeriod } from '../data/academic-year.ts';

export interface RecruitmentReturn {
  /** EES academic year the trainees start, e.g. '202526'. */
  timePeriod: string;
  month: CycleMonth;
  /** 1 (October) ... 12 (September) within the recruitment cycle. */
  monthIndex: number;
  partnershipCode: string;
  partnershipName: string;
  subject: SubjectGroup;
  allocation: number;
  applications: number;
  offers: number;
  recruited: number;
  withdrawn: number;
}

/** What a return is checked against: the dataset's partnerships and subject groups. */
export interface ReturnsContext {
  partnershipCodes: readonly string[];
  /** Defaults to SUBJECT_GROUPS from the dataset types. */
  subjects?: readonly string[];
}

/**
 * A returns file larger than this is refused before parsing. A region's full year is about
 * 12 months x 20 partnerships x 19 subjects = 4,560 rows (under 1 MB), so the limits leave
 * room for several past years or all of England while keeping the browser responsive.
 */
export const RETURNS_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxRows: 50_000,
  maxIssues: 50,
} as const;

export const RETURNS_COLUMNS = [
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'country_name',
  'partnership_code',
  'partnership_name',
  'subject',
  'allocation_count',
  'applications_count',
  'offers_count',
  'recruited_count',
  'withdrawn_count',
] as const;

/** Returns held, keyed by time period, month, partnership and subject (one row per key). */
export interface ReturnsState {
  readonly returns: readonly RecruitmentReturn[];
}

export const EMPTY_RETURNS: ReturnsState = { returns: [] };

export type ReturnsImportResult =
  | { ok: true; state: ReturnsState; added: number; replaced: number }
  | { ok: false; state: ReturnsState; issues: DataIssue[] };

/** A return typed in by hand; the same checks as a CSV row apply. */
export interface ManualReturnInput {
  timePeriod: string;
  month: string;
  partnershipCode: string;
  partnershipName: string;
  subject: string;
  allocation: number;
  applications: number;
  offers: number;
  recruited: number;
  withdrawn: number;
}

export function returnKey(
  r: Pick<RecruitmentReturn, 'timePeriod' | 'monthIndex' | 'partnershipCode' | 'subject'>,
): string {
  return `${r.timePeriod}|${r.monthIndex}|${r.partnershipCode}|${r.subject}`;
}

/** Cell key (partnership x subject) shared by forecasts, transfers and the ledger. */
export function cellKey(partnershipCode: string, subject: string): string {
  return `${partnershipCode}|${subject}`;
}

const countField = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const reason = countProblem(text);
    if (reason !== null) {
      ctx.addIssue({ code: 'custom', message: reason });
      return z.NEVER;
    }
    return Number(text);
  });

function countProblem(text: string): string | null {
  if (text === '') return 'is empty; a count is required';
  if (!/^-?\d+(\.\d+)?$/.test(text)) return `"${text}" is not a number`;
  const value = Number(text);
  if (value < 0) return `${text} is negative; counts cannot be below 0`;
  if (!Number.isInteger(value)) return `${text} is not a whole number`;
  return null;
}

function rowSchema(context: ReturnsContext) {
  const partnerships = new Set(context.partnershipCodes);
  const subjects = new Set<string>(context.subjects ?? SUBJECT_GROUPS);
  return z
    .object({
      time_period: z
        .string()
        .trim()
        .refine(isTimePeriod, 'must be an academic year such as 202526'),
      time_identifier: z
        .string()
        .trim()
        .refine(
          (month) => cycleMonthIndex(month) !== undefined,
          `must be a month name (${CYCLE_MONTHS.join(', ')})`,
        ),
      geographic_level: z
        .string()
        .trim()
        .refine((level) => level === 'Regional', 'must be "Regional"'),
      country_code: z
        .string()
        .trim()
        .regex(/^[EKNSW]\d{8}$/, 'must be a GSS code like E92000001'),
      country_name: z.string().trim().min(1, 'is empty'),
      partnership_code: z
        .string()
        .trim()
        .refine(
          (code) => partnerships.has(code),
          'is not a partnership of the dataset (unknown partnership code)',
        ),
      partnership_name: z.string().trim().min(1, 'is empty'),
      subject: z
        .string()
        .trim()
        .refine((subject) => subjects.has(subject), 'is not a known subject group'),
      allocation_count: countField,
      applications_count: countField,
      offers_count: countField,
      recruited_count: countField,
      withdrawn_count: countField,
    })
    .superRefine((row, ctx) => {
      if (row.offers_count > row.applications_count) {
        ctx.addIssue({
          code: 'custom',
          path: ['offers_count'],
          message: `offers (${row.offers_count}) exceed applications (${row.applications_count})`,
        });
      }
      if (row.recruited_count > row.offers_count) {
        ctx.addIssue({
          code: 'custom',
          path: ['recruited_count'],
          message: `recruited (${row.recruited_count}) exceeds offers (${row.offers_count})`,
        });
      }
    });
}

type RawRow = Record<string, string | undefined>;

/** Turn raw string records into returns, or the problems found (rows numbered from `firstRow`). */
function validateRows(
  rows: readonly RawRow[],
  fileName: string,
  context: ReturnsContext,
  firstRow: number,
): { returns: RecruitmentReturn[]; issues: DataIssue[] } {
  const schema = rowSchema(context);
  const issues: DataIssue[] = [];
  const returns: RecruitmentReturn[] = [];
  const seen = new Map<string, number>();
  const latestMonth = new Map<string, { month: number; row: number }>();
  rows.forEach((raw, index) => {
    const row = firstRow + index;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = typeof issue.path[0] === 'string' ? issue.path[0] : null;
        const value = column === null ? '' : (raw[column] ?? '').trim();
        const shown = value === '' || issue.message.includes(value) ? '' : ` ("${value}")`;
        issues.push({
          file: fileName,
          row,
          column,
          message: `${column ?? 'row'}${shown} ${issue.message}`,
        });
      }
      return;
    }
    const data = parsed.data;
    const monthIndex = cycleMonthIndex(data.time_identifier) as number;
    const item: RecruitmentReturn = {
      timePeriod: data.time_period,
      month: CYCLE_MONTHS[monthIndex - 1] as CycleMonth,
      monthIndex,
      partnershipCode: data.partnership_code,
      partnershipName: data.partnership_name,
      subject: data.subject as SubjectGroup,
      allocation: data.allocation_count,
      applications: data.applications_count,
      offers: data.offers_count,
      recruited: data.recruited_count,
      withdrawn: data.withdrawn_count,
    };
    const key = returnKey(item);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.push({
        file: fileName,
        row,
        column: null,
        message: `duplicate of row ${earlier}: ${item.partnershipCode} ${item.subject} ${item.month} ${item.timePeriod} appears twice`,
      });
      return;
    }
    seen.set(key, row);
    // Months of one cycle must come in cycle order (October first), so a mislabelled month
    // is caught rather than silently treated as the latest return.
    const previous = latestMonth.get(item.timePeriod);
    if (previous !== undefined && monthIndex < previous.month) {
      issues.push({
        file: fileName,
        row,
        column: 'time_identifier',
        message: `month ${item.month} is out of order: row ${previous.row} already has ${CYCLE_MONTHS[previous.month - 1]} for ${item.timePeriod} (the cycle runs October to September)`,
      });
      return;
    }
    latestMonth.set(item.timePeriod, { month: monthIndex, row });
    returns.push(item);
  });
  return { returns, issues };
}

function merge(
  state: ReturnsState,
  incoming: readonly RecruitmentReturn[],
): { state: ReturnsState; added: number; replaced: number } {
  const byKey = new Map(state.returns.map((r) => [returnKey(r), r]));
  let replaced = 0;
  for (const r of incoming) {
    if (byKey.has(returnKey(r))) replaced += 1;
    byKey.set(returnKey(r), r);
  }
  const returns = [...byKey.values()].sort(compareReturns);
  return { state: { returns }, added: incoming.length - replaced, replaced };
}

function compareReturns(a: RecruitmentReturn, b: RecruitmentReturn): number {
  return (
    a.timePeriod.localeCompare(b.timePeriod) ||
    a.monthIndex - b.monthIndex ||
    a.partnershipCode.localeCompare(b.partnershipCode) ||
    a.subject.localeCompare(b.subject)
  );
}

/**
 * Validate a whole returns CSV and, only when every row is valid, merge it into the state
 * (a row for a month, partnership and subject already held replaces it: a resubmission).
 */
export function importReturnsCsv(
  state: ReturnsState,
  text: string,
  fileName: string,
  context: ReturnsContext,
): ReturnsImportResult {
  const refuse = (issues: DataIssue[]): ReturnsImportResult => ({
    ok: false,
    state,
    issues: issues.slice(0, RETURNS_LIMITS.maxIssues),
  });
  const file = readCsvFile(text, fileName, RETURNS_COLUMNS, RETURNS_LIMITS, 'returns file');
  if (!file.ok) return refuse(file.issues);
  const { returns, issues } = validateRows(file.rows, fileName, context, 2);
  if (issues.length > 0) return refuse(issues);
  return { ok: true, ...merge(state, returns) };
}

/** Add or correct one return typed in by hand (same checks as a CSV row). */
export function enterReturn(
  state: ReturnsState,
  input: ManualReturnInput,
  context: ReturnsContext,
  source = 'manual entry',
): ReturnsImportResult {
  const raw: RawRow = {
    time_period: input.timePeriod,
    time_identifier: input.month,
    geographic_level: 'Regional',
    country_code: 'E92000001',
    country_name: 'England',
    partnership_code: input.partnershipCode,
    partnership_name: input.partnershipName,
    subject: input.subject,
    allocation_count: String(input.allocation),
    applications_count: String(input.applications),
    offers_count: String(input.offers),
    recruited_count: String(input.recruited),
    withdrawn_count: String(input.withdrawn),
  };
  const { returns, issues } = validateRows([raw], source, context, 1);
  if (issues.length > 0)
    return { ok: false, state, issues: issues.map((i) => ({ ...i, row: null })) };
  return { ok: true, ...merge(state, returns) };
}

/** Write returns as EES tidy CSV (the import format). */
export function returnsToCsv(
  returns: readonly RecruitmentReturn[],
  country = { code: 'E92000001', name: 'England' },
): string {
  return formatCsvRecords(
    returns.map((r) => ({
      time_period: r.timePeriod,
      time_identifier: r.month,
      geographic_level: 'Regional',
      country_code: country.code,
      country_name: country.name,
      partnership_code: r.partnershipCode,
      partnership_name: r.partnershipName,
      subject: r.subject,
      allocation_count: String(r.allocation),
      applications_count: String(r.applications),
      offers_count: String(r.offers),
      recruited_count: String(r.recruited),
      withdrawn_count: String(r.withdrawn),
    })),
    [...RETURNS_COLUMNS],
  );
}

/** The latest time period held and the latest month returned in it, or null when empty. */
export function latestMonthReached(
  state: ReturnsState,
): { timePeriod: string; monthIndex: number } | null {
  let best: { timePeriod: string; monthIndex: number } | null = null;
  for (const r of state.returns) {
    if (
      best === null ||
      r.timePeriod > best.timePeriod ||
      (r.timePeriod === best.timePeriod && r.monthIndex > best.monthIndex)
    ) {
      best = { timePeriod: r.timePeriod, monthIndex: r.monthIndex };
    }
  }
  return best;
}

/** The returns of one period and month (one per partnership x subject). */
export function returnsForMonth(
  state: ReturnsState,
  timePeriod: string,
  monthIndex: number,
): RecruitmentReturn[] {
  return state.returns.filter((r) => r.timePeriod === timePeriod && r.monthIndex === monthIndex);
}
