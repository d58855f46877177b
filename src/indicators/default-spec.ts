/**
 * The cold-spot index the service starts with for districts, shared by the Maps page, the
 * Allocation page and the allocate CLI, so that all three call the same districts cold until a
 * user chooses otherwise.
 */
import type { AreaIndicator } from '../data/types.ts';
import type { ColdSpotSpec } from './cold-spot-index.ts';

/**
 * Deprivation (IMD 2015 population-weighted district score) with attainment (KS4 average
 * Attainment 8): where pupils are poorer and results lower, a missing teacher costs most.
 */
export const DEFAULT_DISTRICT_COLD_SPOT_INDICATORS: readonly string[] = [
  'imd2015_district_score',
  'ks4_attainment8',
];

/** In standard deviations: a district half a standard deviation worse off than average is cold. */
export const DEFAULT_COLD_SPOT_THRESHOLD = 0.5;

/**
 * The default district spec: the default indicators the dataset has, each weighted 1. A
 * dataset with none of them (another region's files) starts from its first district
 * indicator; with no district indicators at all there is no default and the result is null.
 */
export function defaultDistrictColdSpotSpec(
  indicators: readonly AreaIndicator[],
): ColdSpotSpec | null {
  const districtIndicators = indicators.filter((indicator) => indicator.level === 'district');
  const preferred = districtIndicators.filter((indicator) =>
    DEFAULT_DISTRICT_COLD_SPOT_INDICATORS.includes(indicator.id),
  );
  const chosen = preferred.length > 0 ? preferred : districtIndicators.slice(0, 1);
  if (chosen.length === 0) return null;
  return {
    weights: chosen.map((indicator) => ({ indicatorId: indicator.id, weight: 1 })),
    threshold: DEFAULT_COLD_SPOT_THRESHOLD,
    missing: 'exclude-area',
  };
}
