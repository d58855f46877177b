/**
 * The backtest as Explore Education Statistics tidy data (written with formatEesCsv and
 * formatEesMeta from src/data/ees.ts): one row per origin x target year x measure x phase x
 * subject, at national level, time_period the year scored.
 */
import { toTimePeriod } from '../data/academic-year.ts';
import {
  ACADEMIC_YEAR,
  eesColumns,
  eesLocation,
  type EesColumnMeta,
  type EesTable,
} from '../data/ees.ts';
import type { BacktestComparison, BacktestMeasure, BacktestSummary } from './backtest.ts';
import { ATTRIBUTION_PARTS } from './backtest-attribution.ts';

/** What each measure is, in words (the CSV's filter hint and the page's table). */
export const BACKTEST_MEASURE_LABELS: Record<BacktestMeasure, string> = {
  stock: 'Teacher FTE (stock)',
  leavers: 'Leavers (FTE)',
  leaverRate: 'Leaver rate',
  returners: 'Returners (FTE)',
  newToSector: 'New to state-funded sector entrants (FTE)',
  newlyQualified: 'Newly qualified entrants (FTE)',
};

const META: EesColumnMeta[] = [
  {
    name: 'origin_year',
    type: 'Filter',
    label: 'Base year the model was run from',
    filterHint:
      'Academic year, e.g. 2017/18: the model saw only the earlier TWM publication up to it',
  },
  {
    name: 'years_ahead',
    type: 'Filter',
    label: 'Years ahead of the base year',
    filterHint: '1 or 2',
  },
  {
    name: 'measure',
    type: 'Filter',
    label: 'What is compared',
    filterHint: Object.values(BACKTEST_MEASURE_LABELS).join('; '),
  },
  { name: 'phase', type: 'Filter', label: 'Phase', filterHint: 'Primary or Secondary' },
  {
    name: 'subject',
    type: 'Filter',
    label: 'Subject',
    filterHint: 'TWM secondary subject group; Total for primary and for all secondary subjects',
  },
  {
    name: 'range_check',
    type: 'Filter',
    label: 'Whether the range is an independent check',
    filterHint:
      'independent; in sample: the year the Monte Carlo spreads are calibrated on (left out of coverage)',
  },
  { name: 'forecast', type: 'Indicator', label: 'Model central projection', dp: 4 },
  { name: 'outturn', type: 'Indicator', label: 'Outturn in the latest TWM publication', dp: 4 },
  {
    name: 'error_percent',
    type: 'Indicator',
    label: 'Error: forecast / outturn - 1',
    unit: '%',
    dp: 2,
  },
  { name: 'forecast_p10', type: 'Indicator', label: 'P10 of Monte Carlo draws', dp: 4 },
  { name: 'forecast_p90', type: 'Indicator', label: 'P90 of Monte Carlo draws', dp: 4 },
  {
    name: 'outturn_inside_range',
    type: 'Indicator',
    label: 'Outturn inside P10-P90: 1 yes, 0 no',
    dp: 0,
  },
];

const COLUMNS = [...eesColumns('National'), ...META.map((m) => m.name)];

export function backtestTable(comparisons: readonly BacktestComparison[]): EesTable {
  const rows = comparisons.map((c) => ({
    time_period: toTimePeriod(c.year),
    time_identifier: ACADEMIC_YEAR,
    ...eesLocation('National'),
    origin_year: c.origin,
    years_ahead: c.horizon,
    measure: BACKTEST_MEASURE_LABELS[c.measure],
    phase: c.phase === 'primary' ? 'Primary' : 'Secondary',
    subject: c.subject,
    range_check: c.inSample ? 'in sample' : 'independent',
    forecast: c.forecast,
    outturn: c.outturn,
    error_percent: c.error * 100,
    forecast_p10: c.p10,
    forecast_p90: c.p90,
    outturn_inside_range: c.inside ? 1 : 0,
  }));
  return { columns: COLUMNS, meta: META, rows };
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** The CLI's last line: the teacher stock's errors. */
export function backtestLine(stock: BacktestSummary): string {
  return (
    `backtest: ${stock.comparisons} comparisons, mean absolute error ` +
    `${percent(stock.meanAbsoluteError)}, max absolute error ${percent(stock.maxAbsoluteError)}`
  );
}

/** One line per measure: errors and how often the outturn fell inside P10-P90. */
export function coverageLine(summary: BacktestSummary): string {
  const name =
    summary.measure === 'all' ? 'All measures' : BACKTEST_MEASURE_LABELS[summary.measure];
  const coverage =
    summary.coverageComparisons > 0
      ? `outturn inside P10-P90 in ${percent(summary.coverage)} of ${summary.coverageComparisons} independent comparisons`
      : 'no independent comparisons for coverage';
  return `${name}: ${summary.comparisons} comparisons, mean absolute error ${percent(summary.meanAbsoluteError)}, max ${percent(summary.maxAbsoluteError)}; ${coverage}`;
}

const ATTRIBUTION_LABELS: Record<(typeof ATTRIBUTION_PARTS)[number], string> = {
  baseStock: 'base-year stock',
  leavers: 'leavers',
  workingHourLosses: 'working-hour losses',
  returners: 'returners',
  newToSector: 'new to sector',
  newlyQualified: 'newly qualified entrants',
  netMovers: 'net movers',
};

const signedFte = (value: number) => {
  const rounded = Math.round(value);
  return `${rounded > 0 ? '+' : ''}${rounded.toLocaleString('en-GB')}`;
};

/**
 * A stock comparison's error split by flow, in words: "Primary, 2015/16 to 2017/18: +2.9%
 * (+6,483 FTE) = leavers -525, ..."; parts that are nil (base-year stock, net movers in national
 * mode) are left out. Undefined for a comparison without an attribution.
 */
export function attributionLine(c: BacktestComparison): string | undefined {
  const a = c.attribution;
  if (!a) return undefined;
  const parts = ATTRIBUTION_PARTS.filter((part) => Math.round(a[part]) !== 0).map(
    (part) => `${ATTRIBUTION_LABELS[part]} ${signedFte(a[part])}`,
  );
  const phase = c.phase === 'primary' ? 'Primary' : 'Secondary';
  const sign = c.error > 0 ? '+' : '';
  return (
    `${phase}, ${c.origin} to ${c.year}: ${sign}${percent(c.error)} (${signedFte(a.total)} FTE) = ` +
    `${parts.join(', ')}; of these, revisions of ${c.origin}'s flows ${signedFte(a.revisions)}`
  );
}
