/**
 * Forecast results as tidy rows in the Explore Education Statistics convention, one row per
 * area x phase x subject x projection year, with a matching .meta.csv description.
 * Values are strings ready for CSV; 'z' marks not applicable (e.g. year-on-year drivers in
 * the first projection year), 'x' not available (percentiles when no draws were run).
 */
import type { ModelInputs } from './inputs.ts';
import type { DeterministicResult, DrawSummary } from './monte-carlo.ts';
import type { DriverDecomposition, DriverName } from './drivers.ts';
import { DRIVER_NAMES } from './drivers.ts';
import type { OutputName } from './simulate.ts';
import { toTimePeriod } from '../data/academic-year.ts';
import { ACADEMIC_YEAR, eesColumns, eesLocation } from '../data/ees.ts';

export type GeographicLevel = 'Local authority district' | 'National';

export interface ForecastRowsOptions {
  geographicLevel: GeographicLevel;
  summary?: DrawSummary;
  drivers?: DriverDecomposition;
}

/** District rows name their district; a national file's rows have 'z' there. */
export const FORECAST_LOCATION_COLUMNS = eesColumns('Local authority district');

interface IndicatorColumn {
  name: string;
  label: string;
  unit: string;
  dp: number;
  grouping: string;
}

/** Deterministic indicators: column, output, label. */
const POINT_INDICATORS: [string, OutputName, string][] = [
  ['teacher_demand_fte', 'demand', 'Teacher demand (FTE of teaching capacity)'],
  ['teacher_supply_fte', 'supply', 'Teacher supply (FTE of teaching capacity)'],
  ['teacher_stock_fte', 'stockFte', 'Teacher stock (contract FTE)'],
  ['shortfall_fte', 'shortfall', 'Unmet demand (FTE)'],
  ['leavers_fte', 'leavers', 'Leavers (FTE)'],
  ['working_hour_losses_fte', 'workingHourLosses', 'Working-hour losses (FTE)'],
  ['returners_fte', 'returners', 'Returners (FTE)'],
  ['new_to_sector_fte', 'newToSector', 'New to state-funded sector (FTE)'],
  [
    'other_route_entrants_fte',
    'otherRouteEntrants',
    'Newly qualified entrants from other routes (FTE)',
  ],
  [
    'postgraduate_entrants_fte',
    'postgraduateEntrants',
    'Newly qualified entrants from postgraduate ITT (FTE)',
  ],
  ['entrant_need_fte', 'entrantNeed', 'Entrant need (FTE of teaching capacity)'],
  ['nqt_need_fte', 'nqtNeed', 'Postgraduate NQT need (FTE)'],
  ['trainee_need_count', 'traineeNeed', 'Postgraduate trainee need (trainees, entry year before)'],
];

const RANGE_INDICATORS: [string, OutputName, string][] = [
  ['nqt_need_fte', 'nqtNeed', 'Postgraduate NQT need (FTE)'],
  ['trainee_need_count', 'traineeNeed', 'Postgraduate trainee need'],
];

const DRIVER_LABELS: Record<DriverName, string> = {
  demandGrowth: 'demand growth',
  underSupply: 'under-supply carried forward',
  leavers: 'leavers',
  workingHours: 'working-hour losses',
  induction: 'early-career induction',
  returners: 'returners',
  newToSector: 'new to sector',
  otherRoutes: 'other routes',
  netMovers: 'net movers between areas',
  conversion: 'conversion (completion x employment)',
};

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function indicatorColumns(): IndicatorColumn[] {
  const columns: IndicatorColumn[] = POINT_INDICATORS.map(([name, output, label]) => ({
    name,
    label,
    unit: '',
    dp: output === 'traineeNeed' ? 0 : 1,
    grouping: 'Central projection',
  }));
  for (const [name, output, label] of RANGE_INDICATORS) {
    for (const p of ['p10', 'p50', 'p90']) {
      columns.push({
        name: `${name}_${p}`,
        label: `${label}, ${p.toUpperCase()} of Monte Carlo draws`,
        unit: '',
        dp: output === 'traineeNeed' ? 0 : 1,
        grouping: 'Uncertainty range',
      });
    }
  }
  for (const driver of DRIVER_NAMES) {
    columns.push({
      name: `trainee_need_change_${snake(driver)}`,
      label: `Change in trainee need from previous year due to ${DRIVER_LABELS[driver]}`,
      unit: '',
      dp: 1,
      grouping: 'Drivers of change',
    });
  }
  columns.push({
    name: 'trainee_need_change_total',
    label: 'Change in trainee need from previous year',
    unit: '',
    dp: 1,
    grouping: 'Drivers of change',
  });
  return columns;
}

export function forecastColumns(): string[] {
  return [
    ...FORECAST_LOCATION_COLUMNS,
    'phase',
    'subject',
    ...indicatorColumns().map((c) => c.name),
  ];
}

function format(value: number | undefined, dp: number, missing: string): string {
  if (value === undefined || Number.isNaN(value)) return missing;
  const rounded = value.toFixed(dp);
  return rounded === '-0' || /^-0\.0+$/.test(rounded) ? rounded.slice(1) : rounded;
}

export function forecastToRows(
  inputs: ModelInputs,
  result: DeterministicResult,
  options: ForecastRowsOptions,
): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  const national = options.geographicLevel === 'National';
  for (let a = 0; a < inputs.districtCount; a++) {
    const district = inputs.districts[a]!;
    for (let g = 0; g < inputs.groupCount; g++) {
      const group = inputs.groups[g]!;
      for (let t = 0; t < inputs.yearCount; t++) {
        const i = (a * inputs.groupCount + g) * inputs.yearCount + t;
        const row: Record<string, string> = {
          time_period: toTimePeriod(inputs.years[t]!),
          time_identifier: ACADEMIC_YEAR,
          ...(national
            ? { ...eesLocation('National'), lad_code: 'z', lad_name: 'z' }
            : eesLocation('Local authority district', district)),
          phase: group === 'Primary' ? 'Primary' : 'Secondary',
          subject: group === 'Primary' ? 'Total' : group,
        };
        for (const [name, output] of POINT_INDICATORS) {
          row[name] = format(result.outputs[output][i], output === 'traineeNeed' ? 0 : 1, 'x');
        }
        for (const [name, output] of RANGE_INDICATORS) {
          const range = options.summary?.[output];
          const dp = output === 'traineeNeed' ? 0 : 1;
          row[`${name}_p10`] = format(range?.p10[i], dp, 'x');
          row[`${name}_p50`] = format(range?.p50[i], dp, 'x');
          row[`${name}_p90`] = format(range?.p90[i], dp, 'x');
        }
        for (const driver of DRIVER_NAMES) {
          const value = options.drivers?.change[driver][i];
          row[`trainee_need_change_${snake(driver)}`] = options.drivers
            ? format(value, 1, 'z')
            : 'x';
        }
        row.trainee_need_change_total = options.drivers
          ? format(options.drivers.totalChange[i], 1, 'z')
          : 'x';
        rows.push(row);
      }
    }
  }
  return rows;
}

/** Rows of the .meta.csv that describes forecastToRows' columns. */
export function forecastMetaRows(): Record<string, string>[] {
  const filters = [
    { col_name: 'phase', label: 'Phase', filter_hint: 'Primary or secondary' },
    {
      col_name: 'subject',
      label: 'Subject',
      filter_hint: 'TWM secondary subject group; Total for primary',
    },
  ].map((filter) => ({
    col_name: filter.col_name,
    col_type: 'Filter',
    label: filter.label,
    indicator_grouping: '',
    indicator_unit: '',
    indicator_dp: '',
    filter_hint: filter.filter_hint,
    filter_grouping_column: '',
  }));
  const indicators = indicatorColumns().map((column) => ({
    col_name: column.name,
    col_type: 'Indicator',
    label: column.label,
    indicator_grouping: column.grouping,
    indicator_unit: column.unit,
    indicator_dp: String(column.dp),
    filter_hint: '',
    filter_grouping_column: '',
  }));
  return [...filters, ...indicators];
}

export const FORECAST_META_COLUMNS = [
  'col_name',
  'col_type',
  'label',
  'indicator_grouping',
  'indicator_unit',
  'indicator_dp',
  'filter_hint',
  'filter_grouping_column',
];
