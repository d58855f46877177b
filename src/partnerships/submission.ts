/**
 * A partnership's submission file: its local-intelligence entries and the forecast they
 * produce, as Explore Education Statistics tidy CSV, so the allocation manager can load it
 * (read back by `importSubmission`, submission-import.ts).
 *
 * One file holds one partnership, with two kinds of rows told apart by geographic_level:
 * - 'School' rows: one intelligence entry each (school_urn, subject, intelligence_kind,
 *   entry_id, author, reason, entered_at, fte_change); forecast columns are 'z';
 * - 'Regional' rows: the partnership's forecast per subject group and entry year
 *   (fte_change = its intelligence total there, forecast_nqt_p10/p50/p90); entry columns 'z'.
 */
import {
  ACADEMIC_YEAR,
  eesColumns,
  eesLocation,
  formatEesCsv,
  formatEesMeta,
  PARTNERSHIP_CODE_META,
  PARTNERSHIP_NAME_META,
  SUBJECT_META,
  type EesColumnMeta,
  type EesRow,
  type EesTable,
} from '../data/ees.ts';
import type { AcademicYear, Partnership } from '../data/types.ts';
import type { IntelligenceEntry } from './intelligence.ts';
import type { PartnershipForecastRow } from './partnership-forecast.ts';
import { toTimePeriod } from '../data/academic-year.ts';

export const SUBMISSION_COLUMNS = [
  ...eesColumns(),
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
  PARTNERSHIP_CODE_META,
  PARTNERSHIP_NAME_META,
  SUBJECT_META,
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
    partnership_code: partnership.code,
    partnership_name: partnership.name,
  });
  const forecast: EesRow[] = forecastRows
    .filter((row) => row.partnershipCode === partnership.code)
    .map((row) => ({
      ...common(row.year),
      ...eesLocation('Regional'),
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
      ...eesLocation('School'),
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
