/**
 * What the Maps page shows for the user's choices, worked out without the DOM: the values and
 * colour classes of the chosen indicator or of the cold-spot index, the table's rows and the
 * tidy download rows.
 */
import type { AreaIndicator, GeographyLevel, Provenance } from '../../data/types.ts';
import {
  coldSpotIndex,
  coldSpotWeights,
  type ColdSpotIndexResult,
} from '../../indicators/cold-spot-index.ts';
import { classOf, classScale, type ClassMethod, type ClassScale } from '../../maps/classify.ts';
import type { MapStyle } from '../../maps/choropleth.ts';
import type { MapDataRow } from '../../maps/export.ts';
import type { PreparedGeography } from '../../maps/geography.ts';
import { specFor, type IndexChoices } from './tsp-index-builder.ts';
import type { AreaTableRow } from './tsp-area-table.ts';
import { combinedProvenance } from '../provenance-tag.ts';

/** The display choice for the composite index (indicator ids never contain a space). */
export const INDEX = 'cold spot index';
export const LEVELS: readonly [GeographyLevel, string][] = [
  ['district', 'Districts'],
  ['msoa', 'Middle layer super output areas (MSOAs)'],
  ['lsoa', 'Lower layer super output areas (LSOAs)'],
];
/** A level's name in running text. */
export const LEVEL_IN_TEXT: Record<GeographyLevel, string> = {
  district: 'district',
  msoa: 'MSOA',
  lsoa: 'LSOA',
};
const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
export const formatValue = (value: number): string => numberFormat.format(value);
export const formatMaybe = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? 'x' : formatValue(value);

function classLabel(scale: ClassScale, value: number | null): string {
  const index = classOf(scale, value);
  if (index === null) return 'No data';
  const lower = formatValue(scale.breaks[index]!);
  const upper = formatValue(scale.breaks[index + 1]!);
  return index === 0 ? `${lower} to ${upper}` : `over ${lower} to ${upper}`;
}

/** Everything the map, the table and the downloads show for the current choices. */
export interface MapView {
  title: string;
  unit: string;
  source: string;
  provenance: Provenance;
  higherIsWorse: boolean;
  values: Map<string, number | null>;
  scale: ClassScale;
  index: ColdSpotIndexResult | undefined;
}

export interface MapChoices {
  level: GeographyLevel;
  /** An indicator id, or INDEX. */
  display: string;
  classMethod: ClassMethod;
  index: IndexChoices;
}

/** The view of the chosen indicator or index; an index that cannot be computed says why. */
/** The part of a map's style that comes from its view: values, classes and cold spots. */
export function viewMapStyle(view: MapView): MapStyle {
  return {
    title: view.title,
    unit: view.unit,
    source: view.source,
    values: view.values,
    scale: view.scale,
    formatValue,
    coldSpotCodes: new Set(
      (view.index?.areas ?? []).filter((area) => area.coldSpot).map((area) => area.areaCode),
    ),
  };
}

export function computeMapView(
  indicators: readonly AreaIndicator[],
  choices: MapChoices,
  geography: PreparedGeography,
): { view: MapView; indexError: string } {
  let index: ColdSpotIndexResult | undefined;
  let indexError = '';
  try {
    index = coldSpotIndex(indicators, {
      ...specFor(choices.index, indicators),
      // Standardise across the areas on the map, not any national rows an indicator holds.
      areaCodes: geography.areas.map((area) => area.code),
    });
  } catch (error) {
    indexError = error instanceof Error ? error.message : String(error);
  }
  const indicator = indicators.find((candidate) => candidate.id === choices.display);
  let view: Omit<MapView, 'scale'>;
  if (indicator) {
    view = {
      title: indicator.label,
      unit: indicator.unit,
      source: indicator.source,
      provenance: indicator.provenance,
      higherIsWorse: indicator.higherIsWorse,
      values: new Map(indicator.values.map((entry) => [entry.areaCode, entry.value])),
      index,
    };
  } else {
    const used = specFor(choices.index, indicators).weights.flatMap(({ indicatorId }) =>
      indicators.filter((candidate) => candidate.id === indicatorId),
    );
    view = {
      title: 'Cold-spot index (above 0 = worse off than average)',
      unit: 'standard deviations',
      source: used.length
        ? `Cold-spot index computed in this app from: ${used.map((u) => `${u.label} (${u.source})`).join('; ')}`
        : 'Cold-spot index: no indicators chosen',
      provenance: combinedProvenance(used.map((u) => u.provenance)),
      higherIsWorse: true,
      values: new Map((index?.areas ?? []).map((area) => [area.areaCode, area.index])),
      index,
    };
  }
  const shown = geography.areas
    .map((area) => view.values.get(area.code))
    .filter((value): value is number => value !== null && value !== undefined);
  return {
    view: { ...view, scale: classScale(shown, choices.classMethod, view.higherIsWorse) },
    indexError,
  };
}

/** The allocation LP's weights for these choices (priority 1), from the same function it calls. */
export function allocationWeights(
  indicators: readonly AreaIndicator[],
  choices: IndexChoices,
  districtCodes: readonly string[],
): Record<string, number> | undefined {
  try {
    return coldSpotWeights(indicators, specFor(choices, indicators), districtCodes, 1);
  } catch {
    return undefined; // the index error is already shown beside the weights
  }
}

/** The table's rows, worst off first: the cold spots lead the table as they stand out on the map. */
export function mapTableRows(
  geography: PreparedGeography,
  view: MapView,
  options: {
    isIndex: boolean;
    level: GeographyLevel;
    districtName: (code: string) => string;
    /** Allocation weights by district, shown beside the index at district level. */
    weights: Record<string, number> | undefined;
  },
): AreaTableRow[] {
  const { isIndex, level, districtName, weights } = options;
  const indexByArea = new Map((view.index?.areas ?? []).map((area) => [area.areaCode, area]));
  const rows = geography.areas.map((area): AreaTableRow => {
    const value = view.values.get(area.code) ?? null;
    const indexed = indexByArea.get(area.code);
    return {
      code: area.code,
      name: area.name,
      districtName: districtName(area.districtCode),
      value,
      classLabel: classLabel(view.scale, value),
      rank: indexed?.rank ?? null,
      coldSpot: indexed?.coldSpot ?? false,
      extra: isIndex
        ? [
            ...(view.index?.standardised ?? []).map((s) => indexed?.scores[s.indicatorId] ?? null),
            ...(level === 'district' ? [weights?.[area.code] ?? null] : []),
          ]
        : [],
    };
  });
  const direction = view.higherIsWorse ? -1 : 1;
  return rows.sort(
    (a, b) =>
      (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) ||
      direction * ((a.value ?? 0) - (b.value ?? 0)) ||
      a.name.localeCompare(b.name),
  );
}

/** Tidy download rows: the shown measure, and with the index each indicator's z-scores. */
export function mapDataRows(
  geography: PreparedGeography,
  view: MapView,
  indicators: readonly AreaIndicator[],
  choices: Pick<MapChoices, 'level' | 'display'>,
): MapDataRow[] {
  const isIndex = choices.display === INDEX;
  const measure = isIndex ? 'cold_spot_index' : choices.display;
  const row = (areaCode: string, districtCode: string, areaName: string) => ({
    level: choices.level,
    areaCode,
    areaName,
    districtCode,
  });
  const rows: MapDataRow[] = geography.areas.map((area) => ({
    ...row(area.code, area.districtCode, area.name),
    measure,
    measureLabel: view.title,
    value: view.values.get(area.code) ?? null,
    unit: view.unit,
    provenance: view.provenance,
    source: view.source,
  }));
  if (isIndex && view.index) {
    const byArea = new Map(view.index.areas.map((area) => [area.areaCode, area]));
    for (const standardised of view.index.standardised) {
      const indicator = indicators.find((candidate) => candidate.id === standardised.indicatorId);
      for (const area of geography.areas) {
        rows.push({
          ...row(area.code, area.districtCode, area.name),
          measure: `${standardised.indicatorId}_z`,
          measureLabel: `${standardised.label}: z-score (above 0 = worse off)`,
          value: byArea.get(area.code)?.scores[standardised.indicatorId] ?? null,
          unit: 'standard deviations',
          provenance: indicator ? combinedProvenance([indicator.provenance]) : 'derived',
          source: indicator?.source ?? '',
        });
      }
    }
  }
  return rows;
}
