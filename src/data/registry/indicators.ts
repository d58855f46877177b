/** Map indicators from a file's rows, as its entry's `indicators` spec says. */
import type { Located } from '../schemas.ts';
import type { AreaIndicator, RegionDataset } from '../types.ts';
import type { IndicatorOffer, IndicatorSpec } from './entry.ts';

const COUNTY_NOTE =
  'Bassetlaw shows the Nottinghamshire figure and the four Derbyshire districts show the Derbyshire figure (county-wide, includes schools outside SCR)';

const cellOf = (row: unknown, column: string) =>
  (row as Record<string, string | number | null>)[column] ?? null;

export function indicatorOffers<Row>(spec: IndicatorSpec<Row>): IndicatorOffer[] {
  return spec.columns.map(({ id, label, unit, higherIsWorse }) => ({
    id,
    label,
    level: spec.level,
    unit,
    higherIsWorse,
  }));
}

export function buildIndicators<Row>(
  spec: IndicatorSpec<Row>,
  rows: readonly Located<Row>[],
  dataset: RegionDataset,
): AreaIndicator[] {
  if (spec.fromEducationLa) return districtsFromLa(spec, rows, dataset);
  return spec.columns.map((c) => ({
    id: c.id,
    label: c.label,
    level: spec.level,
    higherIsWorse: c.higherIsWorse,
    unit: c.unit,
    source: spec.source,
    provenance: spec.provenance,
    values: rows.map(({ value }) => ({
      areaCode: cellOf(value, spec.area) as string,
      value: cellOf(value, c.column) as number | null,
    })),
  }));
}

/** Each district takes its education LA's value in the latest year with values for the column. */
function districtsFromLa<Row>(
  spec: IndicatorSpec<Row>,
  rows: readonly Located<Row>[],
  dataset: RegionDataset,
): AreaIndicator[] {
  const shire = dataset.districts.some((d) => d.educationLaCode !== d.code);
  return spec.columns.flatMap((c): AreaIndicator[] => {
    const withValues = rows
      .map(({ value }) => ({
        la: cellOf(value, spec.area) as string | null,
        year: cellOf(value, 'time_period') as string,
        value: cellOf(value, c.column) as number | null,
      }))
      .filter((r) => r.la !== null && r.value !== null);
    const latest = withValues
      .map((r) => r.year)
      .sort()
      .at(-1);
    if (latest === undefined) return [];
    const byLa = new Map(withValues.filter((r) => r.year === latest).map((r) => [r.la, r.value]));
    return [
      {
        id: c.id,
        label: `${c.label}, ${latest}${shire ? ' (county figure for shire districts)' : ''}`,
        level: 'district',
        higherIsWorse: c.higherIsWorse,
        unit: c.unit,
        source: shire ? `${spec.source}. ${COUNTY_NOTE}.` : spec.source,
        provenance: spec.provenance,
        values: dataset.districts.map((d) => ({
          areaCode: d.code,
          value: byLa.get(d.educationLaCode) ?? null,
        })),
      },
    ];
  });
}
