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
import { z } from 'zod';
import { toTimePeriod } from '../data/academic-year.ts';
import {
  academicYear,
  cell,
  geographicLevel,
  gssCode,
  numberCell,
  oneOf,
  rowIssues,
  sameName,
  text,
  type NumberRule,
} from '../data/cells.ts';
import { capIssues, readCsv } from '../data/csv-reader.ts';
import { formatCsvRecords } from '../data/csv-writer.ts';
import { eesColumns, eesLocation } from '../data/ees.ts';
import type { FileContent } from '../data/utf8.ts';
import { SUBJECT_GROUPS, type DataIssue, type SubjectGroup } from '../data/types.ts';
import { CYCLE_MONTHS, cycleMonthIndex, notBegun, type CycleMonth } from './cycle.ts';

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

/** What a return is checked against: the dataset's partnerships (code and name). */
export interface ReturnsContext {
  partnerships: readonly { code: string; name: string }[];
  /** Today's date: a return is for a month that has begun. */
  today: Date;
}

/**
 * A returns file larger than this is refused before parsing. A region's full year is about
 * 12 months x 20 partnerships x 19 subjects = 4,560 rows (under 1 MB), so the limits leave
 * room for several past years or all of England while keeping the browser responsive.
 */
export const RETURNS_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxRows: 50_000,
} as const;

/** No partnership has 100,000 places, applications or trainees in one subject. */
export const MAX_RETURN_COUNT = 100_000;

export const RETURNS_COLUMNS = [
  ...eesColumns(),
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

/** A return typed in by hand (counts as typed); the same checks as a CSV row apply. */
export interface ManualReturnInput {
  timePeriod: string;
  month: string;
  partnershipCode: string;
  partnershipName: string;
  subject: string;
  allocation: number | string;
  applications: number | string;
  offers: number | string;
  recruited: number | string;
  withdrawn: number | string;
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

const count = (what: string) =>
  numberCell({ min: 0, below: MAX_RETURN_COUNT, integer: true, what } satisfies NumberRule);

function rowSchema(context: ReturnsContext) {
  const names = new Map(context.partnerships.map((p) => [p.code, p.name]));
  const example = context.partnerships[0]?.code;
  return z
    .object({
      time_period: academicYear(),
      time_identifier: cell<number>((raw) => {
        const index = cycleMonthIndex(raw);
        return index === undefined
          ? {
              reason: `"${raw}" is not a month`,
              fix: 'Enter the month of the return, such as October (the cycle runs October to September)',
            }
          : { value: index };
      }),
      geographic_level: geographicLevel(['Regional'] as const),
      country_code: gssCode(),
      country_name: text(),
      partnership_code: cell<string>((raw) =>
        names.has(raw)
          ? { value: raw }
          : {
              reason: `"${raw}" is not a partnership of the region`,
              fix: `Enter the code of one of the region's partnerships${example ? `, such as ${example}` : ''}`,
            },
      ),
      partnership_name: text(),
      subject: oneOf(SUBJECT_GROUPS, 'subject group'),
      allocation_count: count('a whole number of places allocated'),
      applications_count: count('a whole number of applications'),
      offers_count: count('a whole number of offers'),
      recruited_count: count('a whole number of trainees recruited'),
      withdrawn_count: count('a whole number of withdrawals'),
    })
    .superRefine((row, ctx) => {
      const name = names.get(row.partnership_code);
      if (name !== undefined && !sameName(name, row.partnership_name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['partnership_name'],
          message: `"${row.partnership_name}" is not the name of ${row.partnership_code} ("${name}")`,
          params: { fix: `Enter ${name}, or the code of ${row.partnership_name}` },
        });
      }
      if (row.offers_count > row.applications_count) {
        ctx.addIssue({
          code: 'custom',
          path: ['offers_count'],
          message: `offers (${row.offers_count}) exceed applications (${row.applications_count})`,
          params: { fix: 'Enter no more offers than applications' },
        });
      }
      if (row.recruited_count > row.offers_count) {
        ctx.addIssue({
          code: 'custom',
          path: ['recruited_count'],
          message: `recruited (${row.recruited_count}) exceeds offers (${row.offers_count})`,
          params: { fix: 'Enter no more trainees recruited than offers' },
        });
      }
    });
}

/** Turn rows of cells into returns, or the problems found (`line` null for a form). */
function validateRows(
  rows: readonly { line: number | null; cells: Record<string, string> }[],
  fileName: string,
  context: ReturnsContext,
): { returns: RecruitmentReturn[]; issues: DataIssue[] } {
  const schema = rowSchema(context);
  const issues: DataIssue[] = [];
  const returns: RecruitmentReturn[] = [];
  const seen = new Map<string, number | null>();
  const latestMonth = new Map<string, { month: number; row: number | null }>();
  for (const { line: row, cells } of rows) {
    const parsed = schema.safeParse(cells);
    if (!parsed.success) {
      issues.push(...rowIssues(parsed.error.issues, { file: fileName, row }));
      continue;
    }
    const data = parsed.data;
    const monthIndex = data.time_identifier;
    const notYet = notBegun(data.time_period, monthIndex, context.today);
    if (notYet) {
      issues.push({ file: fileName, row, ...notYet });
      continue;
    }
    const item: RecruitmentReturn = {
      timePeriod: toTimePeriod(data.time_period),
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
        message: `the return for ${item.partnershipCode} ${item.subject} ${item.month} ${item.timePeriod} is also on line ${earlier}`,
        fix: 'Keep one row for each partnership, subject and month',
      });
      continue;
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
        message: `${item.month} comes after ${CYCLE_MONTHS[previous.month - 1]} on line ${previous.row} of ${item.timePeriod}, but the cycle runs October to September`,
        fix: 'Put the months of each cycle in order, October first',
      });
      continue;
    }
    latestMonth.set(item.timePeriod, { month: monthIndex, row });
    returns.push(item);
  }
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
  content: FileContent,
  fileName: string,
  context: ReturnsContext,
): ReturnsImportResult {
  const refuse = (issues: DataIssue[]): ReturnsImportResult => ({
    ok: false,
    state,
    issues: capIssues(issues, fileName),
  });
  const file = readCsv(content, fileName, {
    limits: RETURNS_LIMITS,
    required: RETURNS_COLUMNS,
    what: 'returns file',
  });
  if (!file.ok) return refuse(file.issues);
  const { returns, issues } = validateRows(file.table.rows, fileName, context);
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
  const cells: Record<string, string> = {
    time_period: input.timePeriod,
    time_identifier: input.month,
    ...eesLocation('Regional'),
    partnership_code: input.partnershipCode,
    partnership_name: input.partnershipName,
    subject: input.subject,
    allocation_count: String(input.allocation),
    applications_count: String(input.applications),
    offers_count: String(input.offers),
    recruited_count: String(input.recruited),
    withdrawn_count: String(input.withdrawn),
  };
  const { returns, issues } = validateRows([{ line: null, cells }], source, context);
  if (issues.length > 0) return { ok: false, state, issues };
  return { ok: true, ...merge(state, returns) };
}

/** Write returns as EES tidy CSV (the import format). */
export function returnsToCsv(returns: readonly RecruitmentReturn[]): string {
  return formatCsvRecords(
    returns.map((r) => ({
      time_period: r.timePeriod,
      time_identifier: r.month,
      ...eesLocation('Regional'),
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
