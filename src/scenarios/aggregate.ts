/**
 * Totals of model cells for tables: every district and the whole region, by subject group
 * plus "Secondary (all subjects)" and "All teachers". Sums are taken draw by draw, so the
 * percentiles of a total are percentiles of the total (not sums of percentiles).
 *
 * Index of an aggregate: `(area * S + subject) * Y + year`; areas are the districts in dataset
 * order followed by the region, subjects the groups followed by the two totals.
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

/**
 * The cells of every aggregate, in layout order: the totals a Monte Carlo run keeps draw by
 * draw (its totals then come out in this file's aggregate layout).
 */
export function aggregateTotals(inputs: ModelInputs): number[][] {
  const { districtCount: A, groupCount: G, yearCount: Y } = inputs;
  const S = G + 2;
  const totals: number[][] = Array.from({ length: (A + 1) * S * Y }, () => []);
  for (let a = 0; a < A; a++) {
    for (let g = 0; g < G; g++) {
      const secondary = inputs.groupPhase[g] === 1;
      for (let t = 0; t < Y; t++) {
        const cell = (a * G + g) * Y + t;
        for (const area of [a, A]) {
          totals[(area * S + g) * Y + t]!.push(cell);
          if (secondary) totals[(area * S + G) * Y + t]!.push(cell);
          totals[(area * S + G + 1) * Y + t]!.push(cell);
        }
      }
    }
  }
  return totals;
}

/** Every aggregate of one run's per-cell values (e.g. the central projection). */
export function aggregateOf(inputs: ModelInputs, values: Float64Array): Float64Array {
  return Float64Array.from(aggregateTotals(inputs), (cells) =>
    cells.reduce((sum, cell) => sum + values[cell]!, 0),
  );
}

/**
 * The region's slice (every subject and year) of aggregates kept draw by draw, total after
 * total ([aggregate * drawCount + d]), returned draw-major: [d * slice + j].
 */
export function regionSlice(layout: AggregateLayout, aggregated: Float64Array, drawCount: number) {
  const slice = layout.subjects.length * layout.years.length;
  const offset = (layout.areas.length - 1) * slice;
  const out = new Float64Array(drawCount * slice);
  for (let j = 0; j < slice; j++) {
    const column = (offset + j) * drawCount;
    for (let d = 0; d < drawCount; d++) out[d * slice + j] = aggregated[column + d]!;
  }
  return out;
}
