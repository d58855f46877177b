/**
 * Small-area indicators summarised to a coarser geography (LSOA to MSOA or district), so an
 * LSOA-only series such as IMD 2019 can be mapped and indexed at every level. Pure.
 */
import type { AreaIndicator, GeographyLevel } from '../data/types.ts';

const LEVEL_NAMES: Record<GeographyLevel, string> = {
  district: 'district',
  msoa: 'MSOA',
  lsoa: 'LSOA',
};

/**
 * The unweighted mean of the child areas' values in each parent area. Population weights
 * are not in the dataset, so the mean is of areas, not of people; the label says so, and the
 * result is marked 'derived'. A parent whose children all lack a value gets null.
 */
export function aggregateIndicatorMean(
  indicator: AreaIndicator,
  parentOf: ReadonlyMap<string, string>,
  level: GeographyLevel,
): AreaIndicator {
  const totals = new Map<string, { sum: number; count: number }>();
  const parents = new Set<string>();
  for (const { areaCode, value } of indicator.values) {
    const parent = parentOf.get(areaCode);
    if (parent === undefined) continue;
    parents.add(parent);
    if (value === null || !Number.isFinite(value)) continue;
    const total = totals.get(parent) ?? { sum: 0, count: 0 };
    total.sum += value;
    total.count += 1;
    totals.set(parent, total);
  }
  const childName = LEVEL_NAMES[indicator.level];
  return {
    id: `${indicator.id}__mean_by_${level}`,
    label: `${indicator.label} (mean of ${childName}s, unweighted)`,
    level,
    higherIsWorse: indicator.higherIsWorse,
    unit: indicator.unit,
    source: `${indicator.source}. Unweighted mean of ${childName} values by ${LEVEL_NAMES[level]}, computed in this app.`,
    provenance: indicator.provenance === 'published' ? 'derived' : indicator.provenance,
    values: [...parents].sort().map((areaCode) => {
      const total = totals.get(areaCode);
      return { areaCode, value: total ? total.sum / total.count : null };
    }),
  };
}
