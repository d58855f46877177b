/**
 * Result tables as Explore Education Statistics tidy data (write them with formatEesCsv and
 * formatEesMeta from src/data/ees.ts): one row per scenario x area x subject x year, district
 * rows at 'Local authority district' level and the region's total at 'Regional' level. 'x'
 * marks a figure not available (no draws, or no paired draws for a difference range), 'z'
 * one not applicable (a difference for the baseline itself).
 */
import {
  ACADEMIC_YEAR,
  eesColumns,
  eesLocation,
  type EesColumnMeta,
  type EesRow,
  type EesTable,
} from '../data/ees.ts';
import { DRIVER_LABELS, DRIVER_NAMES, snake, type DriverName } from '../model/index.ts';
import { ALL_TEACHERS, SECONDARY_TOTAL } from './aggregate.ts';
import {
  differenceAt,
  driverDifference,
  figureAt,
  type Figure,
  type Selection,
} from './compare.ts';
import type { NeedOutput, ScenarioResult } from './run.ts';
import { toTimePeriod } from '../data/academic-year.ts';

/** District rows name their district; the region's rows have 'z' there (planning_region names it). */
const LOCATION_COLUMNS = eesColumns('Local authority district');

const FILTERS: EesColumnMeta[] = [
  {
    name: 'planning_region',
    type: 'Filter',
    label: 'Planning region',
    filterHint: 'The region the scenario was run for',
  },
  {
    name: 'scenario',
    type: 'Filter',
    label: 'Scenario',
    filterHint: 'Scenario name; the first is the baseline of the differences',
  },
  { name: 'phase', type: 'Filter', label: 'Phase' },
  {
    name: 'subject',
    type: 'Filter',
    label: 'Subject',
    filterHint: 'TWM subject group, or a total',
  },
  {
    name: 'nqt_year',
    type: 'Filter',
    label: 'Year the trainees of the entry year start work as NQTs',
    filterHint: 'time_period (the ITT entry year) plus one',
  },
];

const MEASURES: { output: NeedOutput; prefix: string; label: string; dp: number }[] = [
  {
    output: 'nqtNeed',
    prefix: 'nqt_need_fte',
    label: 'Postgraduate NQT need in nqt_year (FTE)',
    dp: 1,
  },
  {
    output: 'traineeNeed',
    prefix: 'trainee_need_count',
    label:
      'Postgraduate trainee need: trainees to recruit starting ITT in time_period (the entry year)',
    dp: 0,
  },
];

function figureMeta(prefix: string, label: string, dp: number, grouping: string): EesColumnMeta[] {
  return [
    {
      name: prefix,
      type: 'Indicator',
      label: `${label}, central projection`,
      indicatorGrouping: grouping,
      unit: '',
      dp,
    },
    ...(['p10', 'p50', 'p90'] as const).map((p): EesColumnMeta => ({
      name: `${prefix}_${p}`,
      type: 'Indicator',
      label: `${label}, ${p.toUpperCase()} of Monte Carlo draws`,
      indicatorGrouping: grouping,
      unit: '',
      dp,
    })),
  ];
}

function figureCells(prefix: string, figure: Figure | null): EesRow {
  const cell = (value: number | null | undefined) => (figure === null ? 'z' : (value ?? 'x'));
  return {
    [prefix]: cell(figure?.central),
    [`${prefix}_p10`]: cell(figure?.p10),
    [`${prefix}_p50`]: cell(figure?.p50),
    [`${prefix}_p90`]: cell(figure?.p90),
  };
}

function phaseOf(subject: string): string {
  if (subject === 'Primary') return 'Primary';
  return subject === ALL_TEACHERS ? 'Total' : 'Secondary';
}

function locationCells(result: ScenarioResult, at: Selection): EesRow {
  const { layout } = result;
  const isRegion = at.area === layout.areas.length - 1;
  const area = layout.areas[at.area]!;
  const subject = layout.subjects[at.subject]!;
  return {
    time_period: toTimePeriod(layout.entryYears[at.year]!),
    time_identifier: ACADEMIC_YEAR,
    ...(isRegion
      ? { ...eesLocation('Regional'), lad_code: 'z', lad_name: 'z' }
      : eesLocation('Local authority district', area)),
    planning_region: layout.regionName,
    scenario: result.scenario.name,
    phase: phaseOf(subject),
    subject: subject === SECONDARY_TOTAL || subject === ALL_TEACHERS ? 'Total' : subject,
    nqt_year: layout.years[at.year]!,
  };
}

function* selections(result: ScenarioResult): Generator<Selection> {
  const { layout } = result;
  for (let area = 0; area < layout.areas.length; area++) {
    for (let subject = 0; subject < layout.subjects.length; subject++) {
      for (let year = 0; year < layout.years.length; year++) yield { area, subject, year };
    }
  }
}

/** Need with ranges for each result, and the difference from the first (the baseline). */
export function comparisonTable(results: readonly ScenarioResult[]): EesTable {
  const baseline = results[0];
  if (!baseline) throw new Error('there are no results to tabulate');
  const meta: EesColumnMeta[] = [...FILTERS];
  for (const m of MEASURES) {
    meta.push(...figureMeta(m.prefix, m.label, m.dp, 'Scenario'));
    meta.push(
      ...figureMeta(
        `${m.prefix}_difference`,
        `${m.label}, difference from ${baseline.scenario.name}`,
        m.dp,
        'Difference from baseline',
      ),
    );
  }
  const rows: EesRow[] = [];
  for (const result of results) {
    for (const at of selections(result)) {
      const row: EesRow = locationCells(result, at);
      for (const m of MEASURES) {
        Object.assign(row, figureCells(m.prefix, figureAt(result, m.output, at)));
        const difference =
          result === baseline ? null : differenceAt(result, baseline, m.output, at);
        Object.assign(row, figureCells(`${m.prefix}_difference`, difference));
      }
      rows.push(row);
    }
  }
  return {
    columns: [
      ...LOCATION_COLUMNS,
      ...FILTERS.map((f) => f.name),
      ...meta.slice(FILTERS.length).map((m) => m.name),
    ],
    meta,
    rows,
  };
}

export function driverLabel(name: DriverName): string {
  return DRIVER_LABELS[name];
}

/** The difference of each result from the first, split by driver, for NQT and trainee need. */
export function driverTable(results: readonly ScenarioResult[]): EesTable {
  const [baseline, ...others] = results;
  if (!baseline || others.length === 0)
    throw new Error('a driver table needs a baseline and at least one other scenario');
  const meta: EesColumnMeta[] = [...FILTERS];
  for (const m of MEASURES) {
    const grouping = `${m.label}: difference from ${baseline.scenario.name} by driver`;
    for (const driver of DRIVER_NAMES) {
      meta.push({
        name: `${m.prefix}_difference_${snake(driver)}`,
        type: 'Indicator',
        label: `Difference due to ${DRIVER_LABELS[driver]}`,
        indicatorGrouping: grouping,
        unit: '',
        dp: 1,
      });
    }
    meta.push({
      name: `${m.prefix}_difference_total`,
      type: 'Indicator',
      label: 'Total difference',
      indicatorGrouping: grouping,
      unit: '',
      dp: 1,
    });
  }
  const rows: EesRow[] = [];
  for (const result of others) {
    for (const at of selections(result)) {
      const row: EesRow = locationCells(result, at);
      for (const m of MEASURES) {
        const { parts, total } = driverDifference(result, baseline, m.output, at);
        for (const driver of DRIVER_NAMES)
          row[`${m.prefix}_difference_${snake(driver)}`] = parts[driver];
        row[`${m.prefix}_difference_total`] = total;
      }
      rows.push(row);
    }
  }
  return { columns: [...LOCATION_COLUMNS, ...meta.map((m) => m.name)], meta, rows };
}
