/**
 * Explore Education Statistics (EES) tidy CSV: reading cells and writing files with their
 * `.meta.csv`. EES files never leave a cell blank: a missing value is one of the symbols
 * below, which this module reads as null.
 */
import { readCsv } from './csv-reader.ts';
import { formatCsvRows } from './csv-writer.ts';
import { describeIssue } from './issues.ts';

/** x unavailable, z not applicable, c confidential, low rounds to zero, u low reliability. */
export const EES_MISSING_SYMBOLS = ['x', 'z', 'c', 'low', 'u'] as const;
export type EesMissingSymbol = (typeof EES_MISSING_SYMBOLS)[number];

export const ENGLAND = { country_code: 'E92000001', country_name: 'England' } as const;
export const ACADEMIC_YEAR = 'Academic year';

/** The geographic levels the service reads and writes, in EES spelling. */
export type EesLevel =
  | 'National'
  | 'Regional'
  | 'Local authority'
  | 'Local authority district'
  | 'MSOA'
  | 'LSOA'
  | 'Provider'
  | 'School';

/** Each level's own location columns (after the country's), in EES order. */
const LEVEL_COLUMNS = {
  National: [],
  Regional: ['region_code', 'region_name'],
  'Local authority': ['old_la_code', 'new_la_code', 'la_name'],
  'Local authority district': ['lad_code', 'lad_name'],
  MSOA: ['msoa_code', 'msoa_name'],
  LSOA: ['lsoa_code', 'lsoa_name'],
  Provider: ['provider_ukprn', 'provider_name'],
  School: ['school_urn', 'school_name'],
} as const satisfies Record<EesLevel, readonly string[]>;

const OPENING_COLUMNS = [
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'country_name',
] as const;

type LevelColumns<L extends readonly EesLevel[]> = L extends readonly [
  infer First extends EesLevel,
  ...infer Rest extends EesLevel[],
]
  ? [...(typeof LEVEL_COLUMNS)[First], ...LevelColumns<Rest>]
  : [];

/**
 * The columns that open an EES file: time, geographic_level and country, then each level's
 * own columns in the order given, e.g. `eesColumns('Local authority district')` for district
 * rows, or `eesColumns('Regional', 'Local authority')` for a file of regions and LAs. With no
 * level, only the opening columns (the in-year files' partnership rows name no area).
 */
export function eesColumns<L extends EesLevel[]>(
  ...levels: L
): [...typeof OPENING_COLUMNS, ...LevelColumns<L>] {
  return [...OPENING_COLUMNS, ...levels.flatMap((level) => LEVEL_COLUMNS[level])] as [
    ...typeof OPENING_COLUMNS,
    ...LevelColumns<L>,
  ];
}

/** An area of a level: its code and name, and for an LA its old three-digit number. */
export interface EesArea {
  code: string;
  name: string;
  oldLaCode?: string;
}

/** A level's own columns for an area, e.g. `{ lad_code, lad_name }` (an LA's number x if not given). */
export function eesArea(level: EesLevel, area: EesArea): Record<string, string> {
  const [code, name] =
    level === 'Local authority' ? ['new_la_code', 'la_name'] : LEVEL_COLUMNS[level];
  if (code === undefined || name === undefined) return {};
  return {
    ...(level === 'Local authority' ? { old_la_code: area.oldLaCode ?? 'x' } : {}),
    [code]: area.code,
    [name]: area.name,
  };
}

/** The geographic_level and country cells of a row, and its area's. */
export type EesLocation = {
  geographic_level: EesLevel;
  country_code: string;
  country_name: string;
} & Record<string, string>;

/** A row's geographic_level and country, and with an area its level's columns. */
export function eesLocation(level: EesLevel, area?: EesArea): EesLocation {
  return { geographic_level: level, ...ENGLAND, ...(area ? eesArea(level, area) : {}) };
}

/**
 * Time and location columns that EES recognises by name (they are not described in the
 * `.meta.csv`).
 */
export const EES_STANDARD_COLUMNS: ReadonlySet<string> = new Set([
  ...OPENING_COLUMNS,
  ...Object.values(LEVEL_COLUMNS).flat(),
]);

export function isMissingSymbol(cell: string): cell is EesMissingSymbol {
  return (EES_MISSING_SYMBOLS as readonly string[]).includes(cell);
}

/**
 * A CSV text this project wrote, or a test's, as header and records, read by the one strict
 * reader (csv-reader.ts); throws on anything a reader would refuse. Input from users goes
 * through `readCsv` instead, which reports problems.
 */
export function parseCsv(text: string): { columns: string[]; rows: Record<string, string>[] } {
  const read = readCsv(text, 'CSV text', {
    limits: { maxBytes: Number.POSITIVE_INFINITY, maxRows: Number.POSITIVE_INFINITY },
    allowNoRows: true,
  });
  if (!read.ok) throw new Error(read.issues.map(describeIssue).join('\n'));
  return { columns: read.table.columns, rows: read.table.rows.map((row) => row.cells) };
}

export interface EesFilterMeta {
  name: string;
  type: 'Filter';
  label: string;
  filterHint?: string;
  filterGroupingColumn?: string;
}

export interface EesIndicatorMeta {
  name: string;
  type: 'Indicator';
  label: string;
  indicatorGrouping?: string;
  /** EES indicator units: '' (none), '%', '£'. */
  unit?: '' | '%' | '£';
  dp?: number;
}

export type EesColumnMeta = EesFilterMeta | EesIndicatorMeta;

/** The filters many files share, described once so their .meta.csv labels agree. */
export const PARTNERSHIP_CODE_META: EesFilterMeta = {
  name: 'partnership_code',
  type: 'Filter',
  label: 'ITT partnership (accredited provider) code',
};
export const PARTNERSHIP_NAME_META: EesFilterMeta = {
  name: 'partnership_name',
  type: 'Filter',
  label: 'ITT partnership',
};
export const SUBJECT_META: EesFilterMeta = {
  name: 'subject',
  type: 'Filter',
  label: 'Subject group',
  filterHint: 'Primary or a TWM secondary subject group',
};

/** Every cell must be a number or a string; a missing value must be written as its EES symbol. */
export type EesCell = string | number;
export type EesRow = Record<string, EesCell>;

export interface EesTable {
  /** Column order of the file: standard time/location columns first, then filters, then indicators. */
  columns: readonly string[];
  meta: readonly EesColumnMeta[];
  rows: readonly EesRow[];
}

/** Deterministic number text: fixed decimals trimmed of trailing zeros, never '-0' or exponent form. */
export function formatNumber(value: number, dp: number): string {
  if (!Number.isFinite(value))
    throw new Error(`cannot write ${value} to an EES file: use a symbol`);
  const fixed = value.toFixed(dp);
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

function cellText(table: EesTable, column: string, row: EesRow, index: number): string {
  const value = row[column];
  if (value === undefined) {
    throw new Error(`row ${index + 2} has no value for column ${column}`);
  }
  if (typeof value === 'number') {
    const meta = table.meta.find((m) => m.name === column);
    const dp = meta?.type === 'Indicator' ? (meta.dp ?? 6) : 6;
    return formatNumber(value, dp);
  }
  if (value.trim() === '') throw new Error(`row ${index + 2}, column ${column} is blank`);
  return value;
}

/** The tidy CSV text of a table (LF line ends, header first). Throws on a blank or absent cell. */
export function formatEesCsv(table: EesTable): string {
  const metaNames = new Set(table.meta.map((m) => m.name));
  for (const column of table.columns) {
    if (!EES_STANDARD_COLUMNS.has(column) && !metaNames.has(column)) {
      throw new Error(`column ${column} is neither an EES standard column nor in the meta`);
    }
  }
  const body = table.rows.map((row, index) =>
    table.columns.map((column) => cellText(table, column, row, index)),
  );
  return `${formatCsvRows([table.columns, ...body])}\n`;
}

/** The columns of every `.meta.csv`, in EES order. */
export const EES_META_COLUMNS = [
  'col_name',
  'col_type',
  'label',
  'indicator_grouping',
  'indicator_unit',
  'indicator_dp',
  'filter_hint',
  'filter_grouping_column',
];

/** The `.meta.csv` text describing a table's filters and indicators. */
export function formatEesMeta(table: EesTable): string {
  const ordered = table.columns
    .map((column) => table.meta.find((m) => m.name === column))
    .filter((m): m is EesColumnMeta => m !== undefined);
  const lines = ordered.map((m) =>
    m.type === 'Filter'
      ? [m.name, m.type, m.label, '', '', '', m.filterHint ?? '', m.filterGroupingColumn ?? '']
      : [
          m.name,
          m.type,
          m.label,
          m.indicatorGrouping ?? '',
          m.unit ?? '',
          m.dp === undefined ? '' : String(m.dp),
          '',
          '',
        ],
  );
  return `${formatCsvRows([EES_META_COLUMNS, ...lines])}\n`;
}
