/**
 * The cold-spot index: a weighted mean of direction-aware z-scores of chosen area
 * indicators. The maps show it, and the allocation LP turns it into priority weights with
 * `coldSpotWeights`, so the map and the allocation always agree on which areas are cold.
 *
 * Pure: no DOM, no d3-selection. Runs in the page, a worker or Node.
 */
import type { AreaIndicator, GeographyLevel } from '../data/types.ts';

export interface IndicatorWeight {
  indicatorId: string;
  /** Relative importance, >= 0. Direction comes from the indicator's `higherIsWorse`, never from a sign here. */
  weight: number;
}

/** What the user picked: indicators and weights, and the index above which an area is a cold spot. */
export interface ColdSpotSpec {
  weights: readonly IndicatorWeight[];
  /** In standard deviations: an area whose index is above this is a cold spot (e.g. 0.5). */
  threshold: number;
  /**
   * An area lacking a value for a chosen indicator either gets no index ('exclude-area', the
   * default, so a missing figure never quietly flatters an area) or an index from the
   * indicators it has, their weights rescaled to sum to one ('reweight').
   */
  missing?: 'exclude-area' | 'reweight';
  /** Standardise over these areas only (e.g. the region's districts when an indicator also holds England). */
  areaCodes?: readonly string[];
}

/** One indicator's z-scores, signed so that a positive score always means worse off than average. */
export interface StandardisedIndicator {
  indicatorId: string;
  label: string;
  higherIsWorse: boolean;
  mean: number;
  /** Population standard deviation over the areas with a value (they are all the areas, not a sample). */
  standardDeviation: number;
  count: number;
  scores: ReadonlyMap<string, number>;
}

export interface ColdSpotArea {
  areaCode: string;
  /** Weighted mean z-score; null when the area lacks a value it needs. */
  index: number | null;
  /** 1 = coldest; areas with equal index share no rank order beyond their code. Null without an index. */
  rank: number | null;
  coldSpot: boolean;
  /** Direction-aware z-score per chosen indicator id (null where the value is missing). */
  scores: Record<string, number | null>;
  /** Ids of chosen indicators with no value for this area. */
  missingIndicatorIds: string[];
}

export interface ColdSpotIndexResult {
  level: GeographyLevel;
  threshold: number;
  standardised: StandardisedIndicator[];
  /** Coldest first; areas without an index last, by code. */
  areas: ColdSpotArea[];
}

/**
 * z = (x - mean) / sd over the areas with a value, with the sign flipped for indicators where
 * higher is better, so that positive means worse off. An indicator with no spread (all areas
 * equal) says nothing about where the cold spots are, so every area scores 0.
 */
export function standardiseIndicator(
  indicator: AreaIndicator,
  areaCodes?: readonly string[],
): StandardisedIndicator {
  const allowed = areaCodes ? new Set(areaCodes) : undefined;
  const present = indicator.values.filter(
    (entry): entry is { areaCode: string; value: number } =>
      entry.value !== null &&
      Number.isFinite(entry.value) &&
      (!allowed || allowed.has(entry.areaCode)),
  );
  if (present.length === 0) {
    throw new Error(
      `Indicator "${indicator.label}" (${indicator.id}) has no values to standardise.`,
    );
  }
  const mean = present.reduce((sum, entry) => sum + entry.value, 0) / present.length;
  const variance =
    present.reduce((sum, entry) => sum + (entry.value - mean) ** 2, 0) / present.length;
  const standardDeviation = Math.sqrt(variance);
  const direction = indicator.higherIsWorse ? 1 : -1;
  const scores = new Map<string, number>();
  for (const entry of present) {
    const score =
      standardDeviation === 0 ? 0 : (direction * (entry.value - mean)) / standardDeviation;
    // Adding 0 turns the -0 of a flipped average area into 0, which tables print without a sign.
    scores.set(entry.areaCode, score + 0);
  }
  return {
    indicatorId: indicator.id,
    label: indicator.label,
    higherIsWorse: indicator.higherIsWorse,
    mean,
    standardDeviation,
    count: present.length,
    scores,
  };
}

/** Checks the spec against the indicators and returns the chosen ones with positive weight. */
function chosenIndicators(
  indicators: readonly AreaIndicator[],
  spec: ColdSpotSpec,
): { indicator: AreaIndicator; weight: number }[] {
  if (!Number.isFinite(spec.threshold))
    throw new Error('The cold-spot threshold must be a number.');
  const byId = new Map(indicators.map((indicator) => [indicator.id, indicator]));
  const chosen: { indicator: AreaIndicator; weight: number }[] = [];
  for (const { indicatorId, weight } of spec.weights) {
    const indicator = byId.get(indicatorId);
    if (!indicator)
      throw new Error(`The cold-spot index uses an unknown indicator "${indicatorId}".`);
    if (!Number.isFinite(weight) || weight < 0) {
      throw new Error(`The weight of "${indicator.label}" must be zero or more, not ${weight}.`);
    }
    if (weight > 0) chosen.push({ indicator, weight });
  }
  if (chosen.length === 0)
    throw new Error('Choose at least one indicator with a weight above zero.');
  const levels = new Set(chosen.map(({ indicator }) => indicator.level));
  if (levels.size > 1) {
    throw new Error(
      `The cold-spot index combines indicators for one geography; these mix ${[...levels].join(' and ')}.`,
    );
  }
  return chosen;
}

/** Standardises the chosen indicators, combines them with the user's weights and ranks the areas. */
export function coldSpotIndex(
  indicators: readonly AreaIndicator[],
  spec: ColdSpotSpec,
): ColdSpotIndexResult {
  const chosen = chosenIndicators(indicators, spec);
  const standardised = chosen.map(({ indicator }) =>
    standardiseIndicator(indicator, spec.areaCodes),
  );
  const areaCodes = spec.areaCodes
    ? [...new Set(spec.areaCodes)]
    : [
        ...new Set(
          chosen.flatMap(({ indicator }) => indicator.values.map((entry) => entry.areaCode)),
        ),
      ];
  const missingRule = spec.missing ?? 'exclude-area';

  const areas: ColdSpotArea[] = areaCodes.map((areaCode) => {
    const scores: Record<string, number | null> = {};
    const missingIndicatorIds: string[] = [];
    let weightedSum = 0;
    let weightPresent = 0;
    chosen.forEach(({ indicator, weight }, position) => {
      const score = standardised[position]?.scores.get(areaCode);
      if (score === undefined) {
        scores[indicator.id] = null;
        missingIndicatorIds.push(indicator.id);
        return;
      }
      scores[indicator.id] = score;
      weightedSum += weight * score;
      weightPresent += weight;
    });
    const complete = missingIndicatorIds.length === 0;
    const index =
      weightPresent > 0 && (complete || missingRule === 'reweight')
        ? weightedSum / weightPresent
        : null;
    return {
      areaCode,
      index,
      rank: null,
      coldSpot: index !== null && index > spec.threshold,
      scores,
      missingIndicatorIds,
    };
  });

  areas.sort(
    (a, b) =>
      (b.index ?? -Infinity) - (a.index ?? -Infinity) || a.areaCode.localeCompare(b.areaCode),
  );
  let rank = 0;
  for (const area of areas) if (area.index !== null) area.rank = ++rank;

  return { level: chosen[0]!.indicator.level, threshold: spec.threshold, standardised, areas };
}

/** The strongest cold-spot priority the page and the CLI accept. */
export const MAX_COLD_SPOT_PRIORITY = 10;

/**
 * Priority weight of unmet need in a district for the allocation LP:
 * w = 1 + priority x max(0, index). Areas at or better than average keep weight 1 (their
 * unmet need still counts in full); worse-off areas gain in proportion to how far above
 * average they are, so w grows with the cold-spot index and is never below 1.
 */
export function priorityWeight(index: number | null, priority: number): number {
  return 1 + priority * Math.max(0, index ?? 0);
}

/**
 * The allocation LP's cold-spot weights w[a] for the given districts, from the same index the
 * maps show. The chosen indicators must be district-level. A district without an index
 * (missing data) gets weight 1, as does every district when `priority` is 0.
 */
export function coldSpotWeights(
  indicators: readonly AreaIndicator[],
  spec: ColdSpotSpec,
  districtCodes: readonly string[],
  priority = 1,
): Record<string, number> {
  if (!Number.isFinite(priority) || priority < 0) {
    throw new Error(`The cold-spot priority must be zero or more, not ${priority}.`);
  }
  const result = coldSpotIndex(indicators, { ...spec, areaCodes: districtCodes });
  if (result.level !== 'district') {
    throw new Error(
      `Allocation weights need district indicators; the chosen ones are at ${result.level} level.`,
    );
  }
  const indexByArea = new Map(result.areas.map((area) => [area.areaCode, area.index]));
  return Object.fromEntries(
    districtCodes.map((code) => [code, priorityWeight(indexByArea.get(code) ?? null, priority)]),
  );
}
