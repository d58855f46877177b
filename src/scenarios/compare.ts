/**
 * Comparing scenario results with a baseline: figures with ranges, the difference from the
 * baseline, and the difference split by driver.
 *
 * Differences: the central difference is exact. Its range (region totals only) is taken draw
 * by draw, which is meaningful because runs with the same seed and draw count share their
 * random numbers draw for draw (each draw's generator depends only on seed and draw index).
 *
 * Drivers: NQT need is a sum of components (drivers.ts), so the difference of NQT need splits
 * exactly into component differences. Trainee need is N / k (k = FTE per head x completion x
 * employment), and its difference splits exactly as
 *   N_s/k_s - N_b/k_b = sum_j (n_j,s - n_j,b) / k_s  +  N_b (1/k_s - 1/k_b)
 * where the last term is the conversion driver.
 */
import { DRIVER_NAMES, NEED_COMPONENTS, percentilesOf, type DriverName } from '../model/index.ts';
import { aggregateIndex, type AggregateLayout } from './aggregate.ts';
import type { NeedOutput, ScenarioResult } from './run.ts';

export interface Figure {
  central: number;
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

export interface Selection {
  /** Index into layout.areas (the last is the region). */
  area: number;
  /** Index into layout.subjects. */
  subject: number;
  /** Index into layout.years. */
  year: number;
}

function sameLayout(a: AggregateLayout, b: AggregateLayout): boolean {
  return (
    a.years.join() === b.years.join() &&
    a.areas.map((x) => x.code).join() === b.areas.map((x) => x.code).join() &&
    a.subjects.join() === b.subjects.join()
  );
}

function checkComparable(result: ScenarioResult, baseline: ScenarioResult) {
  if (!sameLayout(result.layout, baseline.layout)) {
    throw new Error(
      `"${result.scenario.name}" and "${baseline.scenario.name}" were run on different datasets and cannot be compared`,
    );
  }
}

export function figureAt(result: ScenarioResult, output: NeedOutput, at: Selection): Figure {
  const i = aggregateIndex(result.layout, at.area, at.subject, at.year);
  const range = result.ranges?.[output];
  return {
    central: result.central[output][i]!,
    p10: range ? range.p10[i]! : null,
    p50: range ? range.p50[i]! : null,
    p90: range ? range.p90[i]! : null,
  };
}

/** True when two results' draws can be paired draw by draw. */
export function pairedDraws(result: ScenarioResult, baseline: ScenarioResult): boolean {
  return (
    result.regionDraws !== null &&
    baseline.regionDraws !== null &&
    result.run.seed === baseline.run.seed &&
    result.run.draws === baseline.run.draws
  );
}

/** Scenario minus baseline at a selection; a range only for region totals with paired draws. */
export function differenceAt(
  result: ScenarioResult,
  baseline: ScenarioResult,
  output: NeedOutput,
  at: Selection,
): Figure {
  checkComparable(result, baseline);
  const i = aggregateIndex(result.layout, at.area, at.subject, at.year);
  const central = result.central[output][i]! - baseline.central[output][i]!;
  const isRegion = at.area === result.layout.areas.length - 1;
  if (!isRegion || !pairedDraws(result, baseline))
    return { central, p10: null, p50: null, p90: null };
  const slice = result.layout.subjects.length * result.layout.years.length;
  const offset = at.subject * result.layout.years.length + at.year;
  const draws = result.run.draws;
  const differences = Float64Array.from(
    { length: draws },
    (_, d) =>
      result.regionDraws![output][d * slice + offset]! -
      baseline.regionDraws![output][d * slice + offset]!,
  );
  return { central, ...percentilesOf(differences) };
}

/** Model cells (per cellIndex) that make up a selection's total. */
function cellsOf(layout: AggregateLayout, at: Selection): number[] {
  const A = layout.areas.length - 1;
  const G = layout.subjects.length - 2;
  const Y = layout.projectionYears;
  const areas = at.area === A ? Array.from({ length: A }, (_, a) => a) : [at.area];
  const groups =
    at.subject < G
      ? [at.subject]
      : Array.from({ length: G }, (_, g) => g).filter(
          (g) => at.subject === G + 1 || layout.subjects[g] !== 'Primary',
        );
  return areas.flatMap((a) => groups.map((g) => (a * G + g) * Y + layout.yearIndex[at.year]!));
}

export interface DriverDifference {
  parts: Record<DriverName, number>;
  /** Scenario minus baseline (equals the sum of the parts). */
  total: number;
}

/** The difference from the baseline at a selection, split by driver. */
export function driverDifference(
  result: ScenarioResult,
  baseline: ScenarioResult,
  output: NeedOutput,
  at: Selection,
): DriverDifference {
  checkComparable(result, baseline);
  const cells = cellsOf(result.layout, at);
  const parts = Object.fromEntries(DRIVER_NAMES.map((name) => [name, 0])) as Record<
    DriverName,
    number
  >;
  let total = 0;
  const s = result.cells;
  const b = baseline.cells;
  for (const i of cells) {
    const scale = output === 'traineeNeed' ? 1 / s.conversion[i]! : 1;
    for (const name of NEED_COMPONENTS) {
      parts[name] += (s.components[name][i]! - b.components[name][i]!) * scale;
    }
    if (output === 'traineeNeed') {
      parts.conversion += b.nqtNeed[i]! * (1 / s.conversion[i]! - 1 / b.conversion[i]!);
      total += s.nqtNeed[i]! / s.conversion[i]! - b.nqtNeed[i]! / b.conversion[i]!;
    } else {
      total += s.nqtNeed[i]! - b.nqtNeed[i]!;
    }
  }
  return { parts, total };
}
