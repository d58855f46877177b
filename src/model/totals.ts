/**
 * The totals a forecast reports beside its cells: each district's secondary total and, for a
 * region of several districts, the region's total of every subject group and of secondary.
 * Their P10/P50/P90 come from per-draw sums (a Monte Carlo run keeps these totals draw by
 * draw, summary-run.ts), never from adding the cells' percentiles: draws share a phase-wide
 * shock, so the percentiles of a sum are not the sums of percentiles.
 */
import type { ModelInputs } from './inputs.ts';

export interface ForecastTotal {
  /** Index of the district, or null for the whole region. */
  district: number | null;
  /** Index of the subject group, or null for all secondary subjects. */
  group: number | null;
  /** Projection year index. */
  year: number;
  /** The cells it adds up (cellIndex). */
  cells: number[];
}

/** The totals of a forecast, in the order of its total rows: districts, then the region. */
export function forecastTotals(
  inputs: Pick<ModelInputs, 'districtCount' | 'groupCount' | 'yearCount' | 'groupPhase'>,
): ForecastTotal[] {
  const { districtCount: A, groupCount: G, yearCount: Y } = inputs;
  const secondary = Array.from({ length: G }, (_, g) => g).filter(
    (g) => inputs.groupPhase[g] === 1,
  );
  const cell = (a: number, g: number, t: number) => (a * G + g) * Y + t;
  const totals: ForecastTotal[] = [];
  for (let a = 0; a < A; a++) {
    for (let t = 0; t < Y; t++) {
      totals.push({
        district: a,
        group: null,
        year: t,
        cells: secondary.map((g) => cell(a, g, t)),
      });
    }
  }
  if (A > 1) {
    const districts = Array.from({ length: A }, (_, a) => a);
    for (let g = 0; g < G; g++) {
      for (let t = 0; t < Y; t++) {
        totals.push({
          district: null,
          group: g,
          year: t,
          cells: districts.map((a) => cell(a, g, t)),
        });
      }
    }
    for (let t = 0; t < Y; t++) {
      totals.push({
        district: null,
        group: null,
        year: t,
        cells: districts.flatMap((a) => secondary.map((g) => cell(a, g, t))),
      });
    }
  }
  return totals;
}
