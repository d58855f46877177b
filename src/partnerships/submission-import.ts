/**
 * Reading a partnership's submission file (written by submission.ts) on the manager's side.
 *
 * Import validates the whole file before anything changes. A file with any problem is
 * refused whole with issues naming file, row (header = row 1), column and reason, and the
 * caller's state comes back as it was. An accepted file replaces that partnership's
 * entries (a resubmission), leaving other partnerships' entries alone.
 */
import { z } from 'zod';
import {
  academicYear,
  cell,
  checkNumber,
  choiceFix,
  geographicLevel,
  gssCode,
  oneOf,
  rowIssues,
  sameName,
  text,
  type RowPlace,
} from '../data/cells.ts';
import { capIssues, readCsv } from '../data/csv-reader.ts';
import { ACADEMIC_YEAR } from '../data/ees.ts';
import type { FileContent } from '../data/utf8.ts';
import type { AcademicYear, DataIssue, SubjectGroup } from '../data/types.ts';
import { SUBJECT_GROUPS } from '../data/types.ts';
import {
  compileIntelligenceContext,
  validateEntryFields,
  type IntelligenceContext,
  type IntelligenceEntry,
  type IntelligenceState,
} from './intelligence.ts';
import { subjectYearKey, type NeedRange } from './partnership-forecast.ts';
import { toTimePeriod } from '../data/academic-year.ts';
import { SUBMISSION_COLUMNS } from './submission.ts';

/** A submission file above this is refused before parsing (thousands of entries fit in 1 MB). */
export const SUBMISSION_LIMITS = {
  maxBytes: 2 * 1024 * 1024,
  maxRows: 20_000,
} as const;

/** A partnership's NQT need in one subject and year is far below this. */
const MAX_FORECAST_FTE = 100_000;

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

/** A forecast figure; the intelligence total may be negative, the percentiles may not. */
const forecastNumber = (what: string, min: number) =>
  cell<number>((raw) => checkNumber(raw, { min, below: MAX_FORECAST_FTE, what: `${what} (FTE)` }));

const commonSchema = z.object({
  time_period: academicYear(),
  time_identifier: oneOf([ACADEMIC_YEAR] as const, 'time identifier'),
  geographic_level: geographicLevel(['School', 'Regional'] as const),
  country_code: gssCode(),
  country_name: text(),
  partnership_code: text(),
  partnership_name: text(),
});

function entryExtrasSchema(partnershipCode: string) {
  return z.object({
    entry_id: cell<string>((id) =>
      id.startsWith(`${partnershipCode}-`) && id.length > partnershipCode.length + 1
        ? { value: id }
        : {
            reason: `"${id}" is not an entry id of ${partnershipCode}`,
            fix: `Enter an id that starts with the partnership code and a hyphen, like ${partnershipCode}-1`,
          },
    ),
    entered_at: cell<string>((when) =>
      z.iso.datetime({ offset: true }).safeParse(when).success
        ? { value: when }
        : {
            reason: `"${when}" is not a date and time`,
            fix: 'Enter an ISO 8601 date and time, like 2026-01-15T09:30:00Z',
          },
    ),
  });
}

function forecastSchema(entryYears: ReadonlySet<AcademicYear>) {
  const periods = [...entryYears].map(toTimePeriod);
  return z
    .object({
      subject: oneOf(SUBJECT_GROUPS, 'subject group'),
      time_period: academicYear(),
      fte_change: forecastNumber('the intelligence total', -MAX_FORECAST_FTE),
      forecast_nqt_p10: forecastNumber('the P10 forecast', 0),
      forecast_nqt_p50: forecastNumber('the P50 forecast', 0),
      forecast_nqt_p90: forecastNumber('the P90 forecast', 0),
    })
    .superRefine((row, ctx) => {
      if (!entryYears.has(row.time_period)) {
        ctx.addIssue({
          code: 'custom',
          path: ['time_period'],
          message: `${toTimePeriod(row.time_period)} is not one of the three entry years (${periods.join(', ')})`,
          params: { fix: choiceFix(periods, 'entry year') },
        });
      }
      if (!(
        row.forecast_nqt_p10 <= row.forecast_nqt_p50 && row.forecast_nqt_p50 <= row.forecast_nqt_p90
      )) {
        ctx.addIssue({
          code: 'custom',
          path: ['forecast_nqt_p50'],
          message: `P10 ${row.forecast_nqt_p10}, P50 ${row.forecast_nqt_p50}, P90 ${row.forecast_nqt_p90} are not in order`,
          params: { fix: 'Enter percentiles with P10 at most P50 and P50 at most P90' },
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
  content: FileContent,
  fileName: string,
  context: IntelligenceContext,
): SubmissionImportResult {
  const refuse = (issues: DataIssue[]): SubmissionImportResult => ({
    ok: false,
    state,
    issues: capIssues(issues, fileName),
  });
  const file = readCsv(content, fileName, {
    limits: SUBMISSION_LIMITS,
    required: SUBMISSION_COLUMNS,
    what: 'submission',
  });
  if (!file.ok) return refuse(file.issues);
  const { rows } = file.table;

  const issues: DataIssue[] = [];
  const first = rows[0]!;
  const partnershipCode = (first.cells.partnership_code ?? '').trim();
  const partnershipName = context.partnerships.find((p) => p.code === partnershipCode)?.name;
  if (partnershipName === undefined) {
    return refuse([
      {
        file: fileName,
        row: first.line,
        column: 'partnership_code',
        message: `"${partnershipCode}" is not a partnership of the region`,
        fix: "Enter the code of one of the region's partnerships",
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

  for (const { line: row, cells } of rows) {
    const place: RowPlace = { file: fileName, row };
    const common = commonSchema.safeParse(cells);
    if (!common.success) {
      issues.push(...rowIssues(common.error.issues, place));
      continue;
    }
    const head = common.data;
    if (head.partnership_code !== partnershipCode) {
      issues.push({
        file: fileName,
        row,
        column: 'partnership_code',
        message: `"${head.partnership_code}" differs from line ${first.line} ("${partnershipCode}"); a submission holds one partnership`,
        fix: `Enter ${partnershipCode} on every row, or send each partnership its own file`,
      });
      continue;
    }
    if (!sameName(head.partnership_name, partnershipName)) {
      issues.push({
        file: fileName,
        row,
        column: 'partnership_name',
        message: `"${head.partnership_name}" is not the name of ${partnershipCode} ("${partnershipName}")`,
        fix: `Enter ${partnershipName}`,
      });
    }
    if (head.geographic_level === 'Regional') {
      const parsed = regional.safeParse(cells);
      if (!parsed.success) {
        issues.push(...rowIssues(parsed.error.issues, place));
        continue;
      }
      const item: SubmittedForecastRow = {
        subject: parsed.data.subject,
        year: parsed.data.time_period,
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
          message: `the forecast for ${item.subject} ${toTimePeriod(item.year)} is also on line ${earlier}`,
          fix: 'Keep one forecast row for each subject and entry year',
        });
        continue;
      }
      forecastRowOf.set(key, row);
      forecast.push(item);
      continue;
    }
    const fields = validateEntryFields(cells, compiled, place);
    const extra = extras.safeParse(cells);
    if (!extra.success) issues.push(...rowIssues(extra.error.issues, place));
    if (fields.fields === null) {
      issues.push(...fields.issues);
      continue;
    }
    if (!extra.success) continue;
    const earlier = entryRowOf.get(extra.data.entry_id);
    if (earlier !== undefined) {
      issues.push({
        file: fileName,
        row,
        column: 'entry_id',
        message: `entry id "${extra.data.entry_id}" is also used on line ${earlier}`,
        fix: 'Give each entry its own id',
      });
      continue;
    }
    entryRowOf.set(extra.data.entry_id, row);
    entries.push({ id: extra.data.entry_id, ...fields.fields, enteredAt: extra.data.entered_at });
  }

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
