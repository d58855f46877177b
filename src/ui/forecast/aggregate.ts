/**
 * Totals of model outputs over a chosen set of area cells (district x subject group), for one
 * projection year. Ranges of a total are taken per draw: the draws move together (one
 * elasticity, one leaver-rate level per subject in each draw), so the P50 of a sum is not the
 * sum of the cells' P50s, nor is its P90 the sum of their P90s.
 */
export interface Percentiles {
  p10: number;
  p50: number;
  p90: number;
}

/** Where the cells of one projection year sit in a model output array. */
export interface CellLayout {
  /** districtCount x groupCount x yearCount: one draw's stride in a draws array. */
  cellCount: number;
  yearCount: number;
}

/**
 * Sum over `areaCells` (each `district * groupCount + group`) of one draw's values in year
 * `year`, for every draw. `values` is draw-major, as the model lays out Monte Carlo results:
 * `values[draw * cellCount + areaCell * yearCount + year]`.
 */
export function totalsPerDraw(
  values: Float64Array,
  drawCount: number,
  layout: CellLayout,
  areaCells: readonly number[],
  year: number,
): Float64Array {
  const totals = new Float64Array(drawCount);
  for (let draw = 0; draw < drawCount; draw++) {
    const offset = draw * layout.cellCount + year;
    let total = 0;
    for (const areaCell of areaCells) total += values[offset + areaCell * layout.yearCount]!;
    totals[draw] = total;
  }
  return totals;
}

/** Sum of a single run's values (e.g. the central projection) over `areaCells` in `year`. */
export function totalOf(
  values: Float64Array,
  layout: CellLayout,
  areaCells: readonly number[],
  year: number,
): number {
  return totalsPerDraw(values, 1, layout, areaCells, year)[0]!;
}
