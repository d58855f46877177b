/**
 * Which indicators the Maps page offers at a level, and the index it starts with: the
 * dataset's, those computed on other pages and those added from model results (the first of
 * each id wins), with finer levels' indicators averaged up to the level shown.
 */
import type { AreaIndicator, GeographyLevel } from '../../data/types.ts';
import { aggregateIndicatorMean } from '../../indicators/aggregate.ts';
import { DEFAULT_DISTRICT_COLD_SPOT_INDICATORS } from '../../indicators/default-spec.ts';
import type { IndexPreset } from './tsp-index-builder.ts';

/**
 * Indicators the index starts with, where the dataset has them: deprivation with attainment
 * for districts, the latest deprivation measures for small areas. Otherwise the first one.
 */
export const DEFAULT_INDEX: Record<GeographyLevel, readonly string[]> = {
  // The allocation's default too (defaultDistrictColdSpotSpec), so map and allocation agree.
  district: DEFAULT_DISTRICT_COLD_SPOT_INDICATORS,
  msoa: ['imd2015_msoa_score'],
  lsoa: ['imd2019_rank', 'imd2019_education_rank'],
};
/** Finer levels whose indicators can be averaged up to each level. */
export const FINER: Record<GeographyLevel, GeographyLevel[]> = {
  district: ['msoa', 'lsoa'],
  msoa: ['lsoa'],
  lsoa: [],
};

/** The indicators of the lists in order, each id once (the first wins). */
export function uniqueIndicators(...lists: readonly (readonly AreaIndicator[])[]): AreaIndicator[] {
  const seen = new Set<string>();
  return lists.flat().filter((indicator) => {
    if (seen.has(indicator.id)) return false;
    seen.add(indicator.id);
    return true;
  });
}

/** The key of the lookup from areas of `finer` to areas of `level`. */
export const lookupKey = (finer: GeographyLevel, level: GeographyLevel): string =>
  `${finer}>${level}`;

/** Indicators at the level, then finer ones averaged up to it (those whose lookup has loaded). */
export function indicatorsAt(
  all: readonly AreaIndicator[],
  level: GeographyLevel,
  parentLookups: ReadonlyMap<string, Map<string, string>>,
): AreaIndicator[] {
  const native = all.filter((indicator) => indicator.level === level);
  const averaged = FINER[level].flatMap((finer) => {
    const lookup = parentLookups.get(lookupKey(finer, level));
    return lookup
      ? all
          .filter((indicator) => indicator.level === finer)
          .map((indicator) => aggregateIndicatorMean(indicator, lookup, level))
      : [];
  });
  return [...native, ...averaged];
}

/** The level's default index: its preferred indicators where the data have them, else the first. */
export function defaultIndexWeights(
  indicators: readonly AreaIndicator[],
  level: GeographyLevel,
): Record<string, number> {
  const preferred = indicators.filter((indicator) => DEFAULT_INDEX[level].includes(indicator.id));
  const starters = new Set(preferred.length > 0 ? preferred : indicators.slice(0, 1));
  return Object.fromEntries(
    indicators.map((indicator) => [indicator.id, starters.has(indicator) ? 1 : 0]),
  );
}

export function indexPresets(
  indicators: readonly AreaIndicator[],
  level: GeographyLevel,
): IndexPreset[] {
  return [
    { label: 'Use the default index', weights: defaultIndexWeights(indicators, level) },
    {
      label: 'Weight every indicator equally',
      weights: Object.fromEntries(indicators.map((indicator) => [indicator.id, 1])),
    },
  ];
}
