/**
 * Totals of model cells for tables: every district and the whole region, by subject group
 * plus "Secondary (all subjects)" and "All teachers". Sums are taken draw by draw, so the
 * percentiles of a total are percentiles of the total (not sums of percentiles).
 *
 * The years are the planned ITT entry years (the next three from today's date), each read in
 * the year its postgraduate trainees start work: figures for entry year 2027/28 come from the
 * model's NQT year 2028/29.
 *
 * Index of an aggregate: `(area * S + subject) * Y + year`, Y the planned years; areas are the
 * districts in dataset order followed by the region, subjects the groups followed by the two
 * totals.
 */
import type { AcademicYear } from '../data/academic-year.ts';
import {
  entryYearOfNqt,
  plannedYearIndices,
  type ModelInputs,
  type Percentiles,
} from '../model/index.ts';

export const SECONDARY_TOTAL = 'Secondary (all subjects)';
export const ALL_TEACHERS = 'All teachers';

export interface AggregateLayout {
  regionName: string;
  /** The planned ITT entry years. */
  entryYears: AcademicYear[];
  /** The year each entry year's NQTs start work (the model year its figures come from). */
  years: AcademicYear[];
  /** The model's projection-year index of each of `years`. */
  yearIndex: number[];
  /** How many projection years the model has: cells are `(a * G + g) * projectionYears + t`. */
  projectionYears: number;
  /** Districts then the region (code '' for the region). */
  areas: { code: string; name: string }[];
  subjects: string[];
}

export function aggregateLayout(inputs: ModelInputs): AggregateLayout {
  const yearIndex = plannedYearIndices(inputs);
  return {
    regionName: inputs.regionName,
    entryYears: yearIndex.map((t) => entryYearOfNqt(inputs.years[t]!)),
    years: yearIndex.map((t) => inputs.years[t]!),
    yearIndex,
    projectionYears: inputs.yearCount,
    areas: [...inputs.districts, { code: '', name: inputs.regionName }],
    subjects: [...inputs.groups, SECONDARY_TOTAL, ALL_TEACHERS],
  };
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
  const { districtCount: A, groupCount: G } = inputs;
  const yearIndex = plannedYearIndices(inputs);
  const Y = yearIndex.length;
  const S = G + 2;
  const totals: number[][] = Array.from({ length: (A + 1) * S * Y }, () => []);
  for (let a = 0; a < A; a++) {
    for (let g = 0; g < G; g++) {
      const secondary = inputs.groupPhase[g] === 1;
      for (let t = 0; t < Y; t++) {
        const cell = (a * G + g) * inputs.yearCount + yearIndex[t]!;
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

/** "Entry year 2027/28 (NQTs in 2028/29)": how a layout year is named on the page. */
export function layoutYearLabel(layout: AggregateLayout, year: number): string {
  return `Entry year ${layout.entryYears[year]} (NQTs in ${layout.years[year]})`;
}

/** Every aggregate of one run's per-cell values (e.g. the central projection). */
export function aggregateOf(inputs: ModelInputs, values: Float64Array): Float64Array {
  return Float64Array.from(aggregateTotals(inputs), (cells) =>
    cells.reduce((sum, cell) => sum + values[cell]!, 0),
  );
}

/**
 * How a Monte Carlo run gives each aggregate: a district's single subject group in a year is
 * one model cell, whose range the run gives per cell; the rest are totals the run keeps draw by
 * draw, the region's first (in layout order, so the region's draws are the first `slice`
 * totals), then each district's secondary and all-teacher totals. Fewer totals kept per draw
 * means less to add up across the workers.
 */
export interface AggregatePlan {
  /** Per aggregate: the model cell it is, or -1 when it is a kept total. */
  cellOf: Int32Array;
  /** Per aggregate: its index among `totals`, or -1 when it is a cell. */
  totalOf: Int32Array;
  /** The cells of each kept total. */
  totals: number[][];
  /** Kept totals that are the region's (subjects x years), at the front of `totals`. */
  regionCount: number;
}

export function aggregatePlan(inputs: ModelInputs): AggregatePlan {
  const layout = aggregateLayout(inputs);
  const all = aggregateTotals(inputs);
  const regionFrom = (layout.areas.length - 1) * layout.subjects.length * layout.years.length;
  const cellOf = new Int32Array(all.length).fill(-1);
  const totalOf = new Int32Array(all.length).fill(-1);
  const totals: number[][] = [];
  const keep = (index: number) => {
    totalOf[index] = totals.length;
    totals.push(all[index]!);
  };
  for (let index = regionFrom; index < all.length; index++) keep(index);
  for (let index = 0; index < regionFrom; index++) {
    if (all[index]!.length === 1) cellOf[index] = all[index]![0]!;
    else keep(index);
  }
  return { cellOf, totalOf, totals, regionCount: all.length - regionFrom };
}

/** Every aggregate's P10/P50/P90, from the run's per-cell ranges and its kept totals' ranges. */
export function aggregateRanges(
  plan: AggregatePlan,
  cellRanges: Percentiles,
  totalRanges: Percentiles,
): Percentiles {
  const pick = (cells: Float64Array, totals: Float64Array) =>
    Float64Array.from(plan.cellOf, (cell, index) =>
      cell >= 0 ? cells[cell]! : totals[plan.totalOf[index]!]!,
    );
  return {
    p10: pick(cellRanges.p10, totalRanges.p10),
    p50: pick(cellRanges.p50, totalRanges.p50),
    p90: pick(cellRanges.p90, totalRanges.p90),
  };
}

/**
 * The region's aggregates draw by draw ([d * slice + j]), from a run's kept totals (total
 * after total: [total * drawCount + d]) whose first `plan.regionCount` are the region's.
 */
export function regionDrawsOf(
  plan: AggregatePlan,
  totals: Float64Array,
  drawCount: number,
): Float64Array {
  const slice = plan.regionCount;
  const out = new Float64Array(drawCount * slice);
  for (let j = 0; j < slice; j++) {
    for (let d = 0; d < drawCount; d++) out[d * slice + j] = totals[j * drawCount + d]!;
  }
  return out;
}
