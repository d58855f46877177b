import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/data/ees.ts';
import {
  EMPTY_INTELLIGENCE,
  exportSubmission,
  importSubmission,
  intelligenceTotals,
  partnershipForecast,
  shareWeights,
  type IntelligenceState,
} from '../../../src/partnerships/index.ts';
import {
  HAND_ASSIGNMENT,
  HAND_NEED,
  HAND_PARTNERSHIPS,
  HAND_SCHOOLS,
} from '../../fixtures/partnerships/hand-case.ts';
import { HAND_CONTEXT, HAND_ENTRIES } from '../../fixtures/partnerships/intelligence-context.ts';

const P1 = HAND_PARTNERSHIPS[0]!;
const weights = shareWeights(HAND_ASSIGNMENT, HAND_SCHOOLS);
// The small district forecast covers Primary and Mathematics 2026/27 only; of P1's entries,
// only P1-1 (Primary 2026/27) falls in it, so only that one adjusts the forecast rows.
const forecast = partnershipForecast(
  'P1',
  weights,
  HAND_NEED,
  intelligenceTotals(HAND_ENTRIES.slice(0, 1), 'P1'),
);
const file = exportSubmission(P1, HAND_ENTRIES, forecast);
const P1_ENTRIES = HAND_ENTRIES.filter((e) => e.partnershipCode === 'P1');

/** A state frozen deeply, so any mutation by the importer throws. */
function frozenState(): IntelligenceState {
  return Object.freeze({
    entries: Object.freeze(HAND_ENTRIES.map((e) => Object.freeze({ ...e }))),
  });
}

/**
 * A CSV text with one cell replaced, `record` counting rows as a spreadsheet does (header = 1).
 * The reason of record 5 holds a line break, so from record 6 on, file lines run one ahead.
 */
function withCellIn(text: string, record: number, column: string, value: string): string {
  const { columns, rows } = parseCsv(text);
  const target = rows[record - 2];
  if (target === undefined) throw new Error(`no record ${record}`);
  target[column] = value;
  const escape = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return [
    columns.join(','),
    ...rows.map((r) => columns.map((c) => escape(r[c] ?? '')).join(',')),
  ].join('\n');
}

const withCell = (record: number, column: string, value: string) =>
  withCellIn(file.csv, record, column, value);

describe('exportSubmission', () => {
  it('writes EES tidy CSV: forecast rows (Regional) then the partnership’s entries (School)', () => {
    const { rows } = parseCsv(file.csv);
    // 2 forecast rows (Primary, Mathematics for 2026/27) + P1's 3 entries; P2's entry is left out.
    expect(rows.map((r) => r.geographic_level)).toEqual([
      'Regional',
      'Regional',
      'School',
      'School',
      'School',
    ]);
    expect(rows[0]).toMatchObject({
      time_period: '202627',
      time_identifier: 'Academic year',
      country_code: 'E92000001',
      country_name: 'England',
      partnership_code: 'P1',
      partnership_name: 'Partnership P1',
      subject: 'Primary',
      school_urn: 'z',
      // 0.4 x (8, 10, 13) + 1 retirement = (4.2, 5, 6.2).
      fte_change: '1',
      forecast_nqt_p10: '4.2',
      forecast_nqt_p50: '5',
      forecast_nqt_p90: '6.2',
    });
    expect(rows[3]).toMatchObject({
      school_urn: '3',
      subject: 'Physics',
      time_period: '202829',
      fte_change: '-0.25',
      forecast_nqt_p50: 'z',
    });
    expect(file.fileName).toBe('partnership_submission_P1.csv');
  });

  it('describes every filter and indicator in the .meta.csv', () => {
    const meta = parseCsv(file.metaCsv);
    expect(meta.columns).toEqual([
      'col_name',
      'col_type',
      'label',
      'indicator_grouping',
      'indicator_unit',
      'indicator_dp',
      'filter_hint',
      'filter_grouping_column',
    ]);
    expect(meta.rows.map((r) => `${r.col_name}:${r.col_type}`)).toEqual([
      'partnership_code:Filter',
      'partnership_name:Filter',
      'subject:Filter',
      'intelligence_kind:Filter',
      'entry_id:Filter',
      'author:Filter',
      'reason:Filter',
      'entered_at:Filter',
      'fte_change:Indicator',
      'forecast_nqt_p10:Indicator',
      'forecast_nqt_p50:Indicator',
      'forecast_nqt_p90:Indicator',
    ]);
  });
});

describe('importSubmission', () => {
  it('round-trips: export then import gives identical entries (quotes, commas, new lines, offsets kept)', () => {
    const result = importSubmission(EMPTY_INTELLIGENCE, file.csv, file.fileName, HAND_CONTEXT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.entries).toEqual(P1_ENTRIES);
    expect(result.state.entries).toEqual(P1_ENTRIES);
    expect(result.partnershipCode).toBe('P1');
    expect(result.forecast.map((f) => [f.subject, f.year, f.intelligence, f.forecast.p50])).toEqual(
      [
        ['Primary', '2026/27', 1, 5],
        ['Mathematics', '2026/27', 0, 2],
      ],
    );
  });

  it('replaces the partnership’s earlier entries and keeps other partnerships’, without changing the input', () => {
    const state = frozenState();
    const resubmitted = exportSubmission(P1, P1_ENTRIES.slice(0, 1), forecast);
    const result = importSubmission(state, resubmitted.csv, resubmitted.fileName, HAND_CONTEXT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.replaced).toBe(3);
    expect(result.state.entries.map((e) => e.id)).toEqual(['P2-1', 'P1-1']);
    expect(state.entries).toHaveLength(4);
  });

  it('refuses a malformed file whole, naming file, row, column and reason, and changes nothing', () => {
    const state = frozenState();
    const bad = withCell(4, 'fte_change', 'lots');
    const result = importSubmission(state, bad, 'p1.csv', HAND_CONTEXT);
    expect(result.ok).toBe(false);
    expect(result.state).toBe(state);
    expect(state.entries).toEqual(HAND_ENTRIES);
    if (result.ok) return;
    expect(result.issues).toEqual([
      {
        file: 'p1.csv',
        row: 4,
        column: 'fte_change',
        message: '"lots" is not a number written in digits',
        fix: 'Enter an FTE change from -100 to 100, with up to 2 decimal places, such as 1 or -0.5',
      },
    ]);
  });

  // [what, record, column, value, file line, message, what to do]
  it.each([
    [
      'an unknown school',
      4,
      'school_urn',
      '424242',
      4,
      '"424242" is not the URN of a school in the region',
      'Enter the URN of a partner school of the partnership',
    ],
    [
      'a school of another partnership',
      4,
      'school_urn',
      '5',
      4,
      'school 5 is not a partner school of P1',
      'Enter one of the partnership’s partner schools, or upload its partner-school list first',
    ],
    [
      'an unknown subject',
      4,
      'subject',
      'Latin',
      4,
      '"Latin" is not a subject group',
      'Enter a subject group, such as Primary or Art and Design',
    ],
    [
      'a year outside the entry years',
      4,
      'time_period',
      '202930',
      4,
      '"202930" is not one of the three entry years (202627, 202728, 202829)',
      'Enter one of: 202627, 202728 or 202829',
    ],
    [
      'a time period that is not an academic year',
      4,
      'time_period',
      '202699',
      4,
      '"202699" is not an academic year this tool plans',
      'Enter the academic year as 6 digits, like 202526 for 2025/26',
    ],
    ['an empty author', 5, 'author', '', 5, 'the cell is blank', 'Enter who made the entry'],
    ['an empty reason', 6, 'reason', ' ', 7, 'the cell is blank', 'Enter the reason for the entry'],
    [
      'an unknown kind',
      6,
      'intelligence_kind',
      'rumour',
      7,
      '"rumour" is not a kind of change',
      'Enter one of: retirement, leaver, roll change, new provision or correction',
    ],
    [
      'a bad date',
      6,
      'entered_at',
      'last Tuesday',
      7,
      '"last Tuesday" is not a date and time',
      'Enter an ISO 8601 date and time, like 2026-01-15T09:30:00Z',
    ],
    [
      'an id of another partnership',
      6,
      'entry_id',
      'P2-9',
      7,
      '"P2-9" is not an entry id of P1',
      'Enter an id that starts with the partnership code and a hyphen, like P1-1',
    ],
    [
      'a duplicate id',
      6,
      'entry_id',
      'P1-1',
      7,
      'entry id "P1-1" is also used on line 4',
      'Give each entry its own id',
    ],
    [
      'a second partnership',
      6,
      'partnership_code',
      'P2',
      7,
      '"P2" differs from line 2 ("P1"); a submission holds one partnership',
      'Enter P1 on every row, or send each partnership its own file',
    ],
    [
      'a wrong name',
      2,
      'partnership_name',
      'Someone else',
      2,
      '"Someone else" is not the name of P1 ("Partnership P1")',
      'Enter Partnership P1',
    ],
    [
      'an unknown level',
      2,
      'geographic_level',
      'National',
      2,
      '"National" is a geographic level this file cannot hold',
      'Enter one of: School or Regional',
    ],
    [
      'a forecast that is not a number',
      2,
      'forecast_nqt_p50',
      'x',
      2,
      '"x" is not a number written in digits',
      'Enter the P50 forecast (FTE) at least 0 and below 100,000',
    ],
    [
      'a forecast in exponent form',
      2,
      'forecast_nqt_p50',
      '1e400',
      2,
      '"1e400" is not a number written in digits',
      'Enter the P50 forecast (FTE) at least 0 and below 100,000',
    ],
    [
      'a forecast out of order',
      2,
      'forecast_nqt_p50',
      '9',
      2,
      'P10 4.2, P50 9, P90 6.2 are not in order',
      'Enter percentiles with P10 at most P50 and P50 at most P90',
    ],
  ])('refuses %s', (_what, record, column, value, row, message, fix) => {
    const state = frozenState();
    const result = importSubmission(state, withCell(record, column, value), 'p1.csv', HAND_CONTEXT);
    expect(result.ok).toBe(false);
    expect(result.state).toBe(state);
    if (result.ok) return;
    expect(result.issues).toEqual([{ file: 'p1.csv', row, column, message, fix }]);
  });

  it('refuses files without the required columns, rows or a known partnership', () => {
    const header = file.csv.split('\n')[0] ?? '';
    const noReason = importSubmission(
      EMPTY_INTELLIGENCE,
      file.csv.replace(',reason,', ',why,'),
      'p1.csv',
      HAND_CONTEXT,
    );
    expect(!noReason.ok && noReason.issues).toEqual([
      {
        file: 'p1.csv',
        row: 1,
        column: 'reason',
        message: 'the header has no reason column',
        fix: 'Add the reason column',
      },
    ]);
    const empty = importSubmission(EMPTY_INTELLIGENCE, '', 'p1.csv', HAND_CONTEXT);
    expect(!empty.ok && empty.issues[0]?.message).toBe('the file is empty');
    const headerOnly = importSubmission(EMPTY_INTELLIGENCE, `${header}\n`, 'p1.csv', HAND_CONTEXT);
    expect(!headerOnly.ok && headerOnly.issues[0]?.message).toBe(
      'the file has a header but no rows',
    );
    const unknown = importSubmission(
      EMPTY_INTELLIGENCE,
      file.csv.replaceAll(',P1,', ',Q9,'),
      'p1.csv',
      HAND_CONTEXT,
    );
    expect(!unknown.ok && unknown.issues).toEqual([
      {
        file: 'p1.csv',
        row: 2,
        column: 'partnership_code',
        message: '"Q9" is not a partnership of the region',
        fix: "Enter the code of one of the region's partnerships",
      },
    ]);
  });

  it('reports every bad row of a file, not only the first', () => {
    const twoBad = withCellIn(withCell(4, 'author', ''), 6, 'fte_change', '0');
    const result = importSubmission(EMPTY_INTELLIGENCE, twoBad, 'p1.csv', HAND_CONTEXT);
    expect(!result.ok && result.issues.map((i) => [i.row, i.column])).toEqual([
      [4, 'author'],
      [7, 'fte_change'],
    ]);
  });
});
