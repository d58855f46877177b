/**
 * A partnership's submission file: its local-intelligence entries and the forecast they
 * produce, as Explore Education Statistics tidy CSV, so the allocation manager can load it.
 *
 * One file holds one partnership, with two kinds of rows told apart by geographic_level:
 * - 'School' rows: one intelligence entry each (school_urn, subject, intelligence_kind,
 *   entry_id, author, reason, entered_at, fte_change); forecast columns are 'z';
 * - 'Regional' rows: the partnership's forecast per subject group and entry year
 *   (fte_change = its intelligence total there, forecast_nqt_p10/p50/p90); entry columns 'z'.
 *
 * Import validates the whole file before anything changes. A file with any problem is
 * refused whole with issues naming file, row (header = row 1), column and reason, and the
 * caller's state comes back as it was. An accepted file replaces that partnership's
 * entries (a resubmission), leaving other partnerships' entries alone.
 */
import { z } from 'zod';
import {
  ACADEMIC_YEAR,
  ENGLAND,
  formatEesCsv,
  formatEesMeta,
  readCsvFile,
  type EesColumnMeta,
  type EesRow,
  type EesTable,
} from '../data/ees.ts';
import type { AcademicYear, DataIssue, Partnership, SubjectGroup } from '../data/types.ts';
import { SUBJECT_GROUPS } from '../data/types.ts';
import {
  compileIntelligenceContext,
  toDataIssue,
  validateEntryFields,
  type IntelligenceContext,
  type IntelligenceEntry,
  type IntelligenceState,
  type RawRow,
} from './intelligence.ts';
import {
  subjectYearKey,
  type NeedRange,
  type PartnershipForecastRow,
} from './partnership-forecast.ts';
import { fromTimePeriod, isTimePeriod, toTimePeriod } from '../data/academic-year.ts';

export const SUBMISSION_COLUMNS = [
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'country_name',
  'school_urn',
  'partnership_code',
  'partnership_name',
  'subject',
  'intelligence_kind',
  'entry_id',
  'author',
  'reason',
  'entered_at',
  'fte_change',
  'forecast_nqt_p10',
  'forecast_nqt_p50',
  'forecast_nqt_p90',
] as const;

const SUBMISSION_META: readonly EesColumnMeta[] = [
  { name: 'partnership_code', type: 'Filter', label: 'ITT partnership (accredited provider) code' },
  { name: 'partnership_name', type: 'Filter', label: 'ITT partnership' },
  { name: 'subject', type: 'Filter', label: 'Subject group (Primary or TWM secondary subject)' },
  {
    name: 'intelligence_kind',
    type: 'Filter',
    label: 'Kind of local intelligence',
    filterHint: 'retirement, leaver, roll change, new provision or correction; z on forecast rows',
  },
  { name: 'entry_id', type: 'Filter', label: 'Entry identifier' },
  { name: 'author', type: 'Filter', label: 'Entered by' },
  { name: 'reason', type: 'Filter', label: 'Reason given' },
  { name: 'entered_at', type: 'Filter', label: 'Date and time entered (ISO 8601)' },
  {
    name: 'fte_change',
    type: 'Indicator',
    label: 'Change to NQT need from local intelligence (FTE)',
    indicatorGrouping: 'Local intelligence',
    unit: '',
    dp: 2,
  },
  {
    name: 'forecast_nqt_p10',
    type: 'Indicator',
    label: 'Forecast NQT need, 10th percentile (FTE)',
    indicatorGrouping: 'Forecast',
    unit: '',
    dp: 2,
  },
  {
    name: 'forecast_nqt_p50',
    type: 'Indicator',
    label: 'Forecast NQT need, median (FTE)',
    indicatorGrouping: 'Forecast',
    unit: '',
    dp: 2,
  },
  {
    name: 'forecast_nqt_p90',
    type: 'Indicator',
    label: 'Forecast NQT need, 90th percentile (FTE)',
    indicatorGrouping: 'Forecast',
    unit: '',
    dp: 2,
  },
];

/** A submission file above this is refused before parsing (thousands of entries fit in 1 MB). */
export const SUBMISSION_LIMITS = {
  maxBytes: 2 * 1024 * 1024,
  maxRows: 20_000,
  maxIssues: 50,
} as const;

export interface SubmissionFile {
  fileName: string;
  csv: string;
  metaFileName: string;
  metaCsv: string;
}

/** The file name a partnership's submission is saved under. */
export function submissionFileName(partnershipCode: string): string {
  return `partnership_submission_${partnershipCode.replace(/[^A-Za-z0-9]/g, '_')}.csv`;
}

/** The submission's tidy table: forecast rows first, then the partnership's entries in order. */
export function submissionTable(
  partnership: Pick<Partnership, 'code' | 'name'>,
  entries: readonly IntelligenceEntry[],
  forecastRows: readonly PartnershipForecastRow[],
): EesTable {
  const common = (year: AcademicYear) => ({
    time_period: toTimePeriod(year),
    time_identifier: ACADEMIC_YEAR,
    country_code: ENGLAND.country_code,
    country_name: ENGLAND.country_name,
    partnership_code: partnership.code,
    partnership_name: partnership.name,
  });
  const forecast: EesRow[] = forecastRows
    .filter((row) => row.partnershipCode === partnership.code)
    .map((row) => ({
      ...common(row.year),
      geographic_level: 'Regional',
      school_urn: 'z',
      subject: row.subject,
      intelligence_kind: 'z',
      entry_id: 'z',
      author: 'z',
      reason: 'z',
      entered_at: 'z',
      fte_change: row.intelligence,
      forecast_nqt_p10: row.forecast.p10,
      forecast_nqt_p50: row.forecast.p50,
      forecast_nqt_p90: row.forecast.p90,
    }));
  const schoolRows: EesRow[] = entries
    .filter((entry) => entry.partnershipCode === partnership.code)
    .map((entry) => ({
      ...common(entry.year),
      geographic_level: 'School',
      school_urn: entry.schoolUrn,
      subject: entry.subject,
      intelligence_kind: entry.kind,
      entry_id: entry.id,
      author: entry.author,
      reason: entry.reason,
      entered_at: entry.enteredAt,
      fte_change: entry.fteChange,
      forecast_nqt_p10: 'z',
      forecast_nqt_p50: 'z',
      forecast_nqt_p90: 'z',
    }));
  return { columns: SUBMISSION_COLUMNS, meta: SUBMISSION_META, rows: [...forecast, ...schoolRows] };
}

/** A partnership's submission as tidy CSV and its `.meta.csv`. */
export function exportSubmission(
  partnership: Pick<Partnership, 'code' | 'name'>,
  entries: readonly IntelligenceEntry[],
  forecastRows: readonly PartnershipForecastRow[],
): SubmissionFile {
  const table = submissionTable(partnership, entries, forecastRows);
  const fileName = submissionFileName(partnership.code);
  return {
    fileName,
    csv: formatEesCsv(table),
    metaFileName: fileName.replace(/\.csv$/, '.meta.csv'),
    metaCsv: formatEesMeta(table),
  };
}

/** A forecast row as submitted (for the manager to compare with their own run). */
export interface SubmittedForecastRow {
  subject: SubjectGroup;
  year: AcademicYear;
  intelligence: number;
  forecast: NeedRange;
}

export type SubmissionImportResult =
  | {
      ok: true;
      state: IntelligenceState;
      partnershipCode: string;
      entries: IntelligenceEntry[];
      forecast: SubmittedForecastRow[];
      /** Entries of this partnership held before and replaced by the file's. */
      replaced: number;
    }
  | { ok: false; state: IntelligenceState; issues: DataIssue[] };

const numberCell = (label: string) =>
  z
    .string()
    .trim()
    .transform((text, ctx) => {
      if (!/^[+-]?\d+(\.\d+)?$/.test(text)) {
        ctx.addIssue({
          code: 'custom',
          message: `is not a number; ${label} is required on forecast rows`,
        });
        return z.NEVER;
      }
      return Number(text);
    });

const commonSchema = z.object({
  time_period: z
    .string()
    .trim()
    .refine(isTimePeriod, 'must be an academic year such as 202627 (two consecutive years)'),
  time_identifier: z
    .string()
    .trim()
    .refine((text) => text === ACADEMIC_YEAR, `must be "${ACADEMIC_YEAR}"`),
  geographic_level: z
    .string()
    .trim()
    .refine(
      (level) => level === 'School' || level === 'Regional',
      'must be "School" (an intelligence entry) or "Regional" (a forecast row)',
    ),
  country_code: z
    .string()
    .trim()
    .regex(/^[EKNSW]\d{8}$/, 'must be a GSS code like E92000001'),
  country_name: z.string().trim().min(1, 'is empty'),
  partnership_code: z.string().trim().min(1, 'is empty'),
  partnership_name: z.string().trim().min(1, 'is empty'),
});

function entryExtrasSchema(partnershipCode: string) {
  return z.object({
    entry_id: z
      .string()
      .trim()
      .refine(
        (id) => id.startsWith(`${partnershipCode}-`) && id.length > partnershipCode.length + 1,
        `must start with the partnership code and a hyphen, e.g. ${partnershipCode}-1`,
      ),
    entered_at: z.iso.datetime({
      offset: true,
      error: 'must be an ISO 8601 date-time, e.g. 2026-01-15T09:30:00Z',
    }),
  });
}

function forecastSchema(entryYears: ReadonlySet<AcademicYear>) {
  const subjects = new Set<string>(SUBJECT_GROUPS);
  return z
    .object({
      subject: z
        .string()
        .trim()
        .refine((subject) => subjects.has(subject), 'is not a subject group'),
      time_period: z
        .string()
        .trim()
        .refine(
          (period) => isTimePeriod(period) && entryYears.has(fromTimePeriod(period)),
          `is not one of the three entry years (${[...entryYears].map(toTimePeriod).join(', ')})`,
        ),
      fte_change: numberCell('the intelligence total'),
      forecast_nqt_p10: numberCell('P10'),
      forecast_nqt_p50: numberCell('P50'),
      forecast_nqt_p90: numberCell('P90'),
    })
    .superRefine((row, ctx) => {
      if (!(
        row.forecast_nqt_p10 <= row.forecast_nqt_p50 && row.forecast_nqt_p50 <= row.forecast_nqt_p90
      )) {
        ctx.addIssue({
          code: 'custom',
          path: ['forecast_nqt_p50'],
          message: `P10 ${row.forecast_nqt_p10}, P50 ${row.forecast_nqt_p50}, P90 ${row.forecast_nqt_p90} are not in order`,
        });
      }
    });
}

/**
 * Validate a submission file and, only when every row is valid, return a NEW state in which
 * the file's entries replace the partnership's previous ones. The input state is never
 * changed; on any problem it is returned as it was, with the issues.
 */
export function importSubmission(
  state: IntelligenceState,
  text: string,
  fileName: string,
  context: IntelligenceContext,
): SubmissionImportResult {
  const refuse = (issues: DataIssue[]): SubmissionImportResult => ({
    ok: false,
    state,
    issues: issues.slice(0, SUBMISSION_LIMITS.maxIssues),
  });
  const file = readCsvFile(text, fileName, SUBMISSION_COLUMNS, SUBMISSION_LIMITS, 'submission');
  if (!file.ok) return refuse(file.issues);
  const { rows } = file;

  const issues: DataIssue[] = [];
  const partnershipCode = (rows[0]?.partnership_code ?? '').trim();
  const partnershipName = context.partnerships.find((p) => p.code === partnershipCode)?.name;
  if (partnershipName === undefined) {
    return refuse([
      {
        file: fileName,
        row: 2,
        column: 'partnership_code',
        message: `partnership_code "${partnershipCode}" is not a partnership of the dataset (unknown partnership code)`,
      },
    ]);
  }
  const compiled = compileIntelligenceContext(context);
  const entryYears = new Set(context.entryYears);
  const regional = forecastSchema(entryYears);
  const extras = entryExtrasSchema(partnershipCode);
  const entries: IntelligenceEntry[] = [];
  const forecast: SubmittedForecastRow[] = [];
  const entryRowOf = new Map<string, number>();
  const forecastRowOf = new Map<string, number>();

  rows.forEach((raw: RawRow, index) => {
    const row = index + 2;
    const where = { file: fileName, row };
    const common = commonSchema.safeParse(raw);
    if (!common.success) {
      issues.push(...common.error.issues.map((issue) => toDataIssue(issue, raw, where)));
      return;
    }
    const head = common.data;
    if (head.partnership_code !== partnershipCode) {
      issues.push({
        file: fileName,
        row,
        column: 'partnership_code',
        message: `partnership_code "${head.partnership_code}" differs from row 2 ("${partnershipCode}"); a submission holds one partnership`,
      });
      return;
    }
    if (head.partnership_name !== partnershipName) {
      issues.push({
        file: fileName,
        row,
        column: 'partnership_name',
        message: `partnership_name "${head.partnership_name}" is not the name of ${partnershipCode} ("${partnershipName}")`,
      });
    }
    if (head.geographic_level === 'Regional') {
      const parsed = regional.safeParse(raw);
      if (!parsed.success) {
        issues.push(...parsed.error.issues.map((issue) => toDataIssue(issue, raw, where)));
        return;
      }
      const item: SubmittedForecastRow = {
        subject: parsed.data.subject as SubjectGroup,
        year: fromTimePeriod(parsed.data.time_period),
        intelligence: parsed.data.fte_change,
        forecast: {
          p10: parsed.data.forecast_nqt_p10,
          p50: parsed.data.forecast_nqt_p50,
          p90: parsed.data.forecast_nqt_p90,
        },
      };
      const key = subjectYearKey(item.subject, item.year);
      const earlier = forecastRowOf.get(key);
      if (earlier !== undefined) {
        issues.push({
          file: fileName,
          row,
          column: null,
          message: `duplicate of row ${earlier}: the forecast for ${item.subject} ${head.time_period} appears twice`,
        });
        return;
      }
      forecastRowOf.set(key, row);
      forecast.push(item);
      return;
    }
    const fields = validateEntryFields(raw, compiled, where);
    const extra = extras.safeParse(raw);
    if (!extra.success)
      issues.push(...extra.error.issues.map((issue) => toDataIssue(issue, raw, where)));
    if (fields.fields === null) {
      issues.push(...fields.issues);
      return;
    }
    if (!extra.success) return;
    const earlier = entryRowOf.get(extra.data.entry_id);
    if (earlier !== undefined) {
      issues.push({
        file: fileName,
        row,
        column: 'entry_id',
        message: `entry_id "${extra.data.entry_id}" is also used on row ${earlier}; each entry needs its own id`,
      });
      return;
    }
    entryRowOf.set(extra.data.entry_id, row);
    entries.push({ id: extra.data.entry_id, ...fields.fields, enteredAt: extra.data.entered_at });
  });

  if (issues.length > 0) return refuse(issues);
  const others = state.entries.filter((entry) => entry.partnershipCode !== partnershipCode);
  return {
    ok: true,
    state: { entries: [...others, ...entries] },
    partnershipCode,
    entries,
    forecast,
    replaced: state.entries.length - others.length,
  };
}
