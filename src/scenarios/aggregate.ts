/**
 * Totals of model cells for tables: every district and the whole region, by subject group
 * plus "Secondary (all subjects)" and "All teachers". Sums are taken draw by draw, so the
 * percentiles of a total are percentiles of the total (not sums of percentiles).
 *
 * Layout of an aggregate array: `(area * S + subject) * Y + year` per draw, draw-major; areas
 * are the districts in dataset order followed by the region, subjects the groups followed by
 * the two totals.
 */
import type { ModelInputs } from '../model/index.ts';

export const SECONDARY_TOTAL = 'Secondary (all subjects)';
export const ALL_TEACHERS = 'All teachers';

export interface AggregateLayout {
  regionName: string;
  years: string[];
  /** Districts then the region (code '' for the region). */
  areas: { code: string; name: string }[];
  subjects: string[];
}

export function aggregateLayout(inputs: ModelInputs): AggregateLayout {
  return {
    regionName: inputs.regionName,
    years: [...inputs.years],
    areas: [...inputs.districts, { code: '', name: inputs.regionName }],
    subjects: [...inputs.groups, SECONDARY_TOTAL, ALL_TEACHERS],
  };
}

export function aggregateSize(layout: AggregateLayout): number {
  return layout.areas.length * layout.subjects.length * layout.years.length;
}

export function aggregateIndex(
  layout: AggregateLayout,
  area: number,
  subject: number,
  year: number,
): number {
  return (area * layout.subjects.length + subject) * layout.years.length + year;
}

/** Aggregates per-cell values of `drawCount` draws (draw-major, cellCount each). */
export function aggregateCells(
  inputs: ModelInputs,
  values: Float64Array,
  drawCount: number,
): Float64Array {
  const { districtCount: A, groupCount: G, yearCount: Y, cellCount } = inputs;
  const S = G + 2;
  const size = (A + 1) * S * Y;
  const out = new Float64Array(drawCount * size);
  for (let d = 0; d < drawCount; d++) {
    const from = d * cellCount;
    const to = d * size;
    for (let a = 0; a < A; a++) {
      for (let g = 0; g < G; g++) {
        const secondary = inputs.groupPhase[g] === 1;
        for (let t = 0; t < Y; t++) {
          const value = values[from + (a * G + g) * Y + t]!;
          for (const area of [a, A]) {
            out[to + (area * S + g) * Y + t]! += value;
            if (secondary) out[to + (area * S + G) * Y + t]! += value;
            out[to + (area * S + G + 1) * Y + t]! += value;
          }
        }
      }
    }
  }
  return out;
}

/** The region's slice (every subject and year) of aggregated draws. */
export function regionSlice(layout: AggregateLayout, aggregated: Float64Array, drawCount: number) {
  const size = aggregateSize(layout);
  const slice = layout.subjects.length * layout.years.length;
  const offset = (layout.areas.length - 1) * slice;
  const out = new Float64Array(drawCount * slice);
  for (let d = 0; d < drawCount; d++) {
    out.set(aggregated.subarray(d * size + offset, d * size + offset + slice), d * slice);
  }
  return out;
}
