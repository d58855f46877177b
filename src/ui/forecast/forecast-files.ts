/**
 * The Forecast page's downloads as Explore Education Statistics tidy CSV, each with its
 * .meta.csv: the numbers of each chart and table for the chosen area, and the full file of
 * every district x subject x year (the same file as `npm run forecast`).
 */
import {
  ACADEMIC_YEAR,
  EES_META_COLUMNS,
  eesColumns,
  eesLocation,
  type EesColumnMeta,
  type EesRow,
  type EesTable,
} from '../../data/ees.ts';
import { formatCsvRows } from '../../data/csv-writer.ts';
import { forecastColumns, forecastMetaRows, forecastToRows } from '../../model/index.ts';
import { DRIVER_LABELS, FLOW_COLUMNS, FLOW_LABELS } from './labels.ts';
import {
  ENGLAND_NATIONAL,
  FLOW_OUTPUTS,
  type ForecastView,
  type NeedRange,
} from './forecast-view.ts';
import type { ForecastResult } from './run-forecast.ts';
import { toTimePeriod } from '../../data/academic-year.ts';
import type { DownloadFile } from '../tsp-download.ts';

/** Time and location columns for the chosen area: one district, the region, or England. */
function location(view: ForecastView): { columns: string[]; values: EesRow } {
  const time = { time_identifier: ACADEMIC_YEAR };
  if (view.choices.area === ENGLAND_NATIONAL) {
    return { columns: eesColumns(), values: { ...time, ...eesLocation('National') } };
  }
  if (view.districtCode !== undefined) {
    const district = { code: view.districtCode, name: view.areaName };
    return {
      columns: eesColumns('Local authority district'),
      values: { ...time, ...eesLocation('Local authority district', district) },
    };
  }
  // A planning region is not an ONS region: its code column is 'z' (not applicable).
  return {
    columns: eesColumns('Regional'),
    values: { ...time, ...eesLocation('Regional', { code: 'z', name: view.areaName }) },
  };
}

const FILTERS: EesColumnMeta[] = [
  { name: 'phase', type: 'Filter', label: 'Phase', filterHint: 'Primary or secondary' },
  {
    name: 'subject',
    type: 'Filter',
    label: 'Subject',
    filterHint: 'Secondary subject group, all secondary subjects, or Primary',
  },
];

function filterValues(view: ForecastView): EesRow {
  return {
    phase: view.choices.phase === 'primary' ? 'Primary' : 'Secondary',
    subject: view.subjectName,
  };
}

const valueOrX = (value: number | undefined): number | string => value ?? 'x';

/**
 * Trainee need per planned ITT entry year (time_period = the entry year), beside the NQT need
 * of the year those trainees start work (nqt_year): central projection and P10/P50/P90 of the
 * draws of the area total.
 */
export function needTable(view: ForecastView): EesTable {
  const { columns, values } = location(view);
  const indicators: EesColumnMeta[] = [];
  for (const [prefix, what, dp] of [
    [
      'trainee_need_count',
      'Postgraduate trainee need: trainees to recruit to postgraduate ITT starting in time_period (the entry year)',
      0,
    ],
    [
      'nqt_need_fte',
      'Postgraduate NQT need in nqt_year, the year these trainees start work (FTE)',
      1,
    ],
  ] as const) {
    indicators.push({
      name: `${prefix}_central`,
      type: 'Indicator',
      label: `${what}, central projection`,
      indicatorGrouping: 'Central projection',
      unit: '',
      dp,
    });
    for (const p of ['p10', 'p50', 'p90'] as const) {
      indicators.push({
        name: `${prefix}_${p}`,
        type: 'Indicator',
        label: `${what}, ${p.toUpperCase()} of Monte Carlo draws of the area total`,
        indicatorGrouping: 'Uncertainty range',
        unit: '',
        dp,
      });
    }
  }
  const keys: EesColumnMeta[] = [
    {
      name: 'nqt_year',
      type: 'Filter',
      label: 'Year the trainees of the entry year start work as NQTs',
      filterHint: 'time_period (the ITT entry year) plus one',
    },
    {
      name: 'year_status',
      type: 'Filter',
      label: 'Status of the entry year',
      filterHint: 'forecast: from published inputs; extrapolated: past them',
    },
  ];
  const range = (prefix: string, need: NeedRange): EesRow => ({
    [`${prefix}_central`]: need.central,
    [`${prefix}_p10`]: valueOrX(need.p10),
    [`${prefix}_p50`]: valueOrX(need.p50),
    [`${prefix}_p90`]: valueOrX(need.p90),
  });
  const meta = [...FILTERS, ...keys, ...indicators];
  return {
    columns: [...columns, ...meta.map((m) => m.name)],
    meta,
    rows: view.years.map((year) => ({
      ...values,
      time_period: toTimePeriod(year.entryYear),
      ...filterValues(view),
      nqt_year: year.nqtYear,
      year_status: year.status,
      ...range('trainee_need_count', year.trainee),
      ...range('nqt_need_fte', year.nqt),
    })),
  };
}

/** Drivers of the change in trainee need into each planned entry year (time_period), with a Total row. */
export function driversTable(view: ForecastView): EesTable {
  const { columns, values } = location(view);
  const meta: EesColumnMeta[] = [
    ...FILTERS,
    {
      name: 'driver',
      type: 'Filter',
      label: 'Driver of change',
      filterHint: 'Total is the whole change',
    },
    {
      name: 'trainee_need_change',
      type: 'Indicator',
      label: 'Change in trainee need from the previous entry year, central projection',
      indicatorGrouping: 'Drivers of change',
      unit: '',
      dp: 1,
    },
  ];
  const rows = view.changes.flatMap((change) => {
    const base = {
      ...values,
      time_period: toTimePeriod(change.to.entryYear),
      ...filterValues(view),
    };
    return [
      ...change.steps.map((step) => ({
        ...base,
        driver: DRIVER_LABELS[step.driver],
        trainee_need_change: step.value,
      })),
      {
        ...base,
        driver: 'Total',
        trainee_need_change: change.to.trainee.central - change.from.trainee.central,
      },
    ];
  });
  return { columns: [...columns, ...meta.map((m) => m.name)], meta, rows };
}

/** Demand, supply and flows of the central projection in each NQT year shown (time_period). */
export function flowsTable(view: ForecastView): EesTable {
  const { columns, values } = location(view);
  const meta: EesColumnMeta[] = [
    ...FILTERS,
    {
      name: 'year_status',
      type: 'Filter',
      label: 'Status of the year',
      filterHint: 'forecast: from published inputs; extrapolated: past them',
    },
    ...FLOW_OUTPUTS.map((name): EesColumnMeta => ({
      name: FLOW_COLUMNS[name],
      type: 'Indicator',
      label: `${FLOW_LABELS[name]}, central projection`,
      indicatorGrouping: 'Central projection',
      unit: '',
      dp: 1,
    })),
  ];
  return {
    columns: [...columns, ...meta.map((m) => m.name)],
    meta,
    rows: view.flows.map((flow) => {
      const row: EesRow = {
        ...values,
        time_period: toTimePeriod(flow.nqtYear),
        ...filterValues(view),
        year_status: flow.status,
      };
      for (const name of FLOW_OUTPUTS) row[FLOW_COLUMNS[name]] = flow.values[name];
      return row;
    }),
  };
}

/** Every district x subject group x projection year of the run (the forecast CLI's file). */
export function fullForecastFiles(
  result: ForecastResult,
  baseName: string,
): [DownloadFile, DownloadFile] {
  const rows = forecastToRows(result.inputs, result.central, {
    geographicLevel: result.national ? 'National' : 'Local authority district',
    summary: result.summary,
    totals: result.totals,
    drivers: result.drivers,
  });
  const columns = forecastColumns();
  const metaRows = forecastMetaRows(result.inputs);
  return [
    { fileName: `${baseName}.csv`, text: csv(columns, rows) },
    { fileName: `${baseName}.meta.csv`, text: csv(EES_META_COLUMNS, metaRows) },
  ];
}

function csv(columns: readonly string[], rows: readonly Record<string, string>[]): string {
  return `${formatCsvRows([columns, ...rows.map((row) => columns.map((c) => row[c] ?? ''))])}\n`;
}

/** A short file name for the chosen area and subject, e.g. `sheffield-city-region-secondary-mathematics`. */
export function fileStem(view: ForecastView): string {
  return [
    view.areaName,
    view.choices.phase,
    view.choices.phase === 'secondary' ? view.subjectName : '',
  ]
    .filter((part) => part !== '')
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
