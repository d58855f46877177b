/**
 * Downloads as Explore Education Statistics tidy tables: a partnership's forecast and the
 * amalgamation. Write them with `formatEesCsv` / `formatEesMeta` from src/data/ees.ts.
 * Rows are 'Regional' level (the planning region; it has no ONS region code). Figures
 * derived from illustrative partner schools say so in the partner_schools_basis column.
 */
import {
  ACADEMIC_YEAR,
  PARTNERSHIP_CODE_META,
  PARTNERSHIP_NAME_META,
  SUBJECT_META,
  eesColumns,
  eesLocation,
  type EesColumnMeta,
  type EesRow,
  type EesTable,
} from '../data/ees.ts';
import type { Partnership, Provenance } from '../data/types.ts';
import type { Amalgamation } from './amalgamation.ts';
import type { PartnerSchoolAssignment } from './partner-schools.ts';
import {
  ZERO_RANGE,
  addRanges,
  type NeedRange,
  type PartnershipForecastRow,
} from './partnership-forecast.ts';
import { toTimePeriod } from '../data/academic-year.ts';

/** Partnership rows of the region (they name no ONS area). */
const LOCATION = { time_identifier: ACADEMIC_YEAR, ...eesLocation('Regional') };

function rangeMeta(prefix: string, what: string, grouping: string): EesColumnMeta[] {
  return (['p10', 'p50', 'p90'] as const).map((p) => ({
    name: `${prefix}_${p}`,
    type: 'Indicator',
    label: `${what}, ${p === 'p50' ? 'median' : `${p.slice(1)}th percentile`} (FTE)`,
    indicatorGrouping: grouping,
    unit: '',
    dp: 2,
  }));
}

const rangeColumns = <P extends string>(prefix: P) =>
  [`${prefix}_p10`, `${prefix}_p50`, `${prefix}_p90`] as const;

/** What both tables say of a partnership's subject: its partner schools' need, and the intelligence. */
const MODEL_COLUMNS = [
  'partnership_code',
  'partnership_name',
  'partner_schools_basis',
  'subject',
  ...rangeColumns('model_nqt'),
  'intelligence_fte',
] as const;

function rangeCells(prefix: string, range: NeedRange | null, missing: 'x' | 'z' = 'x'): EesRow {
  return {
    [`${prefix}_p10`]: range?.p10 ?? missing,
    [`${prefix}_p50`]: range?.p50 ?? missing,
    [`${prefix}_p90`]: range?.p90 ?? missing,
  };
}

/** How a partnership's partner-school list was made: 'illustrative', 'imported' or 'mixed'. */
export function partnerSchoolBasis(
  assignment: PartnerSchoolAssignment,
  partnershipCode: string,
): Provenance | 'mixed' | 'none' {
  const kinds = new Set(
    assignment.links.filter((l) => l.partnershipCode === partnershipCode).map((l) => l.provenance),
  );
  if (kinds.size === 0) return 'none';
  return kinds.size === 1 ? ([...kinds][0] as Provenance) : 'mixed';
}

const BASIS_META: EesColumnMeta = {
  name: 'partner_schools_basis',
  type: 'Filter',
  label: 'Partner-school list',
  filterHint:
    'illustrative: made up for demonstration (no public list); imported: supplied by the partnership',
};

export const FORECAST_TABLE_COLUMNS = [
  ...eesColumns(),
  ...MODEL_COLUMNS,
  ...rangeColumns('forecast_nqt'),
] as const;

const INTELLIGENCE_META: EesColumnMeta = {
  name: 'intelligence_fte',
  type: 'Indicator',
  label: 'Change from accepted local intelligence (FTE)',
  indicatorGrouping: 'Local intelligence',
  unit: '',
  dp: 2,
};

/**
 * A partnership's forecast by subject group and entry year, with a 'Total' subject row per
 * year (ranges summed: a comonotone approximation, as for districts).
 */
export function partnershipForecastTable(
  partnership: Pick<Partnership, 'code' | 'name'>,
  rows: readonly PartnershipForecastRow[],
  basis: string,
): EesTable {
  const years = [...new Set(rows.map((row) => row.year))].sort();
  const totals = years.map((year) => {
    const ofYear = rows.filter((row) => row.year === year);
    return {
      partnershipCode: partnership.code,
      subject: 'Total',
      year,
      model: ofYear.reduce((sum, row) => addRanges(sum, row.model), ZERO_RANGE),
      intelligence: ofYear.reduce((sum, row) => sum + row.intelligence, 0),
      forecast: ofYear.reduce((sum, row) => addRanges(sum, row.forecast), ZERO_RANGE),
    };
  });
  const table: EesRow[] = [...rows, ...totals].map((row) => ({
    time_period: toTimePeriod(row.year),
    ...LOCATION,
    partnership_code: partnership.code,
    partnership_name: partnership.name,
    partner_schools_basis: basis,
    subject: row.subject,
    ...rangeCells('model_nqt', row.model),
    intelligence_fte: row.intelligence,
    ...rangeCells('forecast_nqt', row.forecast),
  }));
  return {
    columns: FORECAST_TABLE_COLUMNS,
    meta: [
      PARTNERSHIP_CODE_META,
      PARTNERSHIP_NAME_META,
      BASIS_META,
      SUBJECT_META,
      ...rangeMeta('model_nqt', 'NQT need of partner schools from the district forecast', 'Model'),
      INTELLIGENCE_META,
      ...rangeMeta('forecast_nqt', 'Forecast NQT need including local intelligence', 'Forecast'),
    ],
    rows: table,
  };
}

export const AMALGAMATION_TABLE_COLUMNS = [
  ...eesColumns(),
  'row_type',
  ...MODEL_COLUMNS,
  ...rangeColumns('request_nqt'),
  ...rangeColumns('out_of_region_nqt'),
] as const;

/**
 * The amalgamation as a tidy table. Pool and total rows have partnership_code 'Pool' /
 * 'Total'; the out-of-region estimate is 'z' on them and 'x' where it cannot be estimated.
 */
export function amalgamationTable(
  amalgamation: Amalgamation,
  assignment: PartnerSchoolAssignment,
): EesTable {
  const rows: EesRow[] = amalgamation.rows.map((row) => ({
    time_period: toTimePeriod(row.year),
    ...LOCATION,
    row_type: row.kind,
    partnership_code: row.partnershipCode ?? (row.kind === 'pool' ? 'Pool' : 'Total'),
    partnership_name: row.label,
    partner_schools_basis:
      row.partnershipCode === null ? 'z' : partnerSchoolBasis(assignment, row.partnershipCode),
    subject: row.subject,
    ...rangeCells('model_nqt', row.model),
    intelligence_fte: row.intelligence,
    ...rangeCells('request_nqt', row.request),
    ...rangeCells('out_of_region_nqt', row.outOfRegion, row.kind === 'partnership' ? 'x' : 'z'),
  }));
  return {
    columns: AMALGAMATION_TABLE_COLUMNS,
    meta: [
      {
        name: 'row_type',
        type: 'Filter',
        label: 'Row',
        filterHint: 'partnership, pool (schools not engaged with any partnership) or total',
      },
      PARTNERSHIP_CODE_META,
      PARTNERSHIP_NAME_META,
      BASIS_META,
      SUBJECT_META,
      ...rangeMeta('model_nqt', 'NQT need counted from the district forecast', 'Model'),
      INTELLIGENCE_META,
      ...rangeMeta('request_nqt', 'Requested NQTs including local intelligence', 'Request'),
      ...rangeMeta(
        'out_of_region_nqt',
        'Estimated NQT need outside the region (not counted)',
        'Outside the region',
      ),
    ],
    rows,
  };
}
