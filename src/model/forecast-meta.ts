/**
 * The columns of the forecast file (rows.ts) and its .meta.csv: filters, provenance columns,
 * indicators with labels that say which year each is keyed by, and a caveat row.
 */
import { eesColumns } from '../data/ees.ts';
import type { ModelInputs } from './inputs.ts';
import { DRIVER_NAMES, type DriverName } from './drivers.ts';
import { EXTRAPOLATION_METHOD } from './horizon.ts';
import { PARAMETER_DOCS } from './parameter-docs.ts';
import { countedPupilYearsText } from './pupils.ts';
import type { OutputName } from './simulate.ts';

/** Indicators of the year time_period (the teaching year): column, output, decimals. */
export const POINT_INDICATORS: readonly [string, OutputName, number][] = [
  ['teacher_demand_fte', 'demand', 1],
  ['teacher_supply_fte', 'supply', 1],
  ['teacher_stock_fte', 'stockFte', 1],
  ['shortfall_fte', 'shortfall', 1],
  ['leavers_fte', 'leavers', 1],
  ['working_hour_losses_fte', 'workingHourLosses', 1],
  ['returners_fte', 'returners', 1],
  ['new_to_sector_fte', 'newToSector', 1],
  ['other_route_entrants_fte', 'otherRouteEntrants', 1],
  ['postgraduate_entrants_fte', 'postgraduateEntrants', 1],
  ['entrant_need_fte', 'entrantNeed', 1],
  ['nqt_need_fte', 'nqtNeed', 1],
];

const POINT_LABELS: Record<string, string> = {
  teacher_demand_fte: 'Teacher demand (FTE of teaching capacity)',
  teacher_supply_fte: 'Teacher supply at the end of the year (FTE of teaching capacity)',
  teacher_stock_fte: 'Teacher stock at the end of the year (contract FTE)',
  shortfall_fte: 'Unmet demand (FTE)',
  leavers_fte: 'Leavers (FTE)',
  working_hour_losses_fte: 'Working-hour losses (FTE, estimated from the TWM identity)',
  returners_fte: 'Returners (FTE)',
  new_to_sector_fte: 'New to state-funded sector (FTE)',
  other_route_entrants_fte:
    'Newly qualified entrants from routes other than postgraduate ITT (FTE)',
  postgraduate_entrants_fte: 'Newly qualified entrants from postgraduate ITT (FTE)',
  entrant_need_fte: 'Entrant need (FTE of teaching capacity)',
  nqt_need_fte:
    'Postgraduate NQT need: NQTs from postgraduate ITT needed to start work in time_period (FTE)',
};

/** Ranged indicators: column, output, decimals, and the NQT-year shift of their key. */
export const RANGE_INDICATORS: readonly [string, OutputName, number, 0 | 1][] = [
  ['nqt_need_fte', 'nqtNeed', 1, 0],
  ['trainee_need_count', 'traineeNeed', 0, 1],
];

/** Postgraduate trainee need, keyed by ITT entry year. */
export const TRAINEE_INDICATOR = 'trainee_need_count';
const TRAINEE_LABEL =
  'Postgraduate trainee need: trainees to recruit to postgraduate ITT starting in time_period (the entry year), who start work the year after';

export const CHANGE_PREFIX = 'trainee_need_change_';

/** A driver in words (lower case), in every file's metadata: the forecast's and the scenarios'. */
export const DRIVER_LABELS: Record<DriverName, string> = {
  demandGrowth: 'demand growth',
  underSupply: 'under-supply carried forward',
  leavers: 'leavers',
  workingHours: 'working-hour losses',
  induction: 'early-career induction',
  returners: 'returners',
  newToSector: 'new to sector',
  otherRoutes: 'other routes (incl. international)',
  netMovers: 'net movers between areas',
  conversion: 'conversion (completion x employment)',
};

export const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** District rows name their region, education LA and district; other levels have z there. */
export const FORECAST_LOCATION_COLUMNS = eesColumns(
  'Regional',
  'Local authority',
  'Local authority district',
);

const FILTERS: { col_name: string; label: string; filter_hint: string }[] = [
  { col_name: 'phase', label: 'Phase', filter_hint: 'Primary or Secondary' },
  {
    col_name: 'subject',
    label: 'Subject',
    filter_hint: 'TWM secondary subject group; Total for primary and for all secondary subjects',
  },
  {
    col_name: 'year_status',
    label: 'Status of time_period as a teaching year',
    filter_hint:
      'forecast: from published inputs; extrapolated: inputs extended past the published ones (see caveats)',
  },
  {
    col_name: 'entry_year_status',
    label: 'Status of time_period as an ITT entry year',
    filter_hint:
      'recruited: trainees have started (outturn, no need to plan); forecast; extrapolated (their NQT year is extrapolated)',
  },
  {
    col_name: 'teacher_fte_provenance',
    label: 'Provenance of the base-year teacher FTE',
    filter_hint: 'published, derived, estimated or imported (the weakest of a total)',
  },
  {
    col_name: 'conversion_provenance',
    label: 'Provenance of the completion and employment rates',
    filter_hint: 'published where the subject rate is published, else estimated',
  },
];

interface IndicatorColumn {
  name: string;
  label: string;
  dp: number;
  grouping: string;
}

function indicatorColumns(): IndicatorColumn[] {
  const columns: IndicatorColumn[] = POINT_INDICATORS.map(([name, , dp]) => ({
    name,
    label: `${POINT_LABELS[name]}, central projection`,
    dp,
    grouping: 'Year of teaching (time_period)',
  }));
  for (const [name, , dp, shift] of RANGE_INDICATORS) {
    const label = shift === 0 ? POINT_LABELS[name]! : TRAINEE_LABEL;
    if (shift === 1) {
      columns.push({
        name: TRAINEE_INDICATOR,
        label: `${label}, central projection`,
        dp,
        grouping: 'ITT entry year (time_period)',
      });
    }
    for (const p of ['p10', 'p50', 'p90']) {
      columns.push({
        name: `${name}_${p}`,
        label: `${label}, ${p.toUpperCase()} of Monte Carlo draws (totals from per-draw sums)`,
        dp,
        grouping:
          shift === 0 ? 'Year of teaching: uncertainty range' : 'ITT entry year: uncertainty range',
      });
    }
  }
  for (const driver of DRIVER_NAMES) {
    columns.push({
      name: `${CHANGE_PREFIX}${snake(driver)}`,
      label: `Change in postgraduate trainee need from the previous entry year due to ${DRIVER_LABELS[driver]}`,
      dp: 1,
      grouping: 'ITT entry year: drivers of change',
    });
  }
  columns.push({
    name: `${CHANGE_PREFIX}total`,
    label: 'Change in postgraduate trainee need from the previous entry year',
    dp: 1,
    grouping: 'ITT entry year: drivers of change',
  });
  return columns;
}

export function forecastColumns(): string[] {
  return [
    ...FORECAST_LOCATION_COLUMNS,
    ...FILTERS.map((f) => f.col_name),
    ...indicatorColumns().map((c) => c.name),
  ];
}

/**
 * Need is shown signed, not floored at 0: a floor per draw would lift the percentiles and break
 * the drivers' exact sum, and a surplus in one year is already kept from reducing the next
 * year's need (W = min(supply, demand)).
 */
export const NEGATIVE_NEED =
  "A negative need or percentile means a surplus: more teachers are expected from the other sources (returners, new to the sector, other routes) than the year needs, so no trainees are needed and the number is how far over need supply is; it is not a target. A surplus does not reduce a later year's need.";

/** What the caveat row says: keys, planned years, extrapolation, provenance. */
export function forecastCaveat(
  inputs: Pick<ModelInputs, 'baseYear' | 'planningEntryYears' | 'countedPupilYears'>,
): string {
  const entries = inputs.planningEntryYears;
  return [
    `time_period is the academic year: for trainee need the ITT entry (recruitment) year, for NQT need and every other figure the year it happens (NQTs start work a year after they enter ITT).`,
    `Entry years planned: ${entries[0]} to ${entries.at(-1)} (from the date of the run); earlier entry years are recruited.`,
    `Base year ${inputs.baseYear} (latest published teacher numbers).`,
    countedPupilYearsText(inputs.countedPupilYears),
    NEGATIVE_NEED,
    EXTRAPOLATION_METHOD,
    'District teacher FTE is estimated unless teacher_fte_provenance says published; completion and employment rates are published only where conversion_provenance says so.',
    unpublishedParameters(),
  ].join(' ');
}

/** Which model parameters' defaults are not published figures, by provenance. */
function unpublishedParameters(): string {
  const kinds = (['estimated', 'illustrative', 'imported'] as const).flatMap((kind) => {
    const names = Object.entries(PARAMETER_DOCS)
      .filter(([, doc]) => doc.provenance === kind)
      .map(([name]) => snake(name));
    return names.length > 0 ? [`${kind}: ${names.join(', ')}`] : [];
  });
  return `Model parameters whose defaults are not published figures (a scenario may change them) - ${kinds.join('; ')}.`;
}

/** Rows of the .meta.csv that describes forecastToRows' columns, ending with a caveat row. */
export function forecastMetaRows(
  inputs: Pick<ModelInputs, 'baseYear' | 'planningEntryYears' | 'countedPupilYears'>,
): Record<string, string>[] {
  const empty = {
    indicator_grouping: '',
    indicator_unit: '',
    indicator_dp: '',
    filter_hint: '',
    filter_grouping_column: '',
  };
  const filters = FILTERS.map((filter) => ({
    ...empty,
    col_name: filter.col_name,
    col_type: 'Filter',
    label: filter.label,
    filter_hint: filter.filter_hint,
  }));
  const indicators = indicatorColumns().map((column) => ({
    ...empty,
    col_name: column.name,
    col_type: 'Indicator',
    label: column.label,
    indicator_grouping: column.grouping,
    indicator_dp: String(column.dp),
  }));
  const caveat = {
    ...empty,
    col_name: 'caveats',
    col_type: 'Caveat',
    label: forecastCaveat(inputs),
  };
  return [...filters, ...indicators, caveat];
}
