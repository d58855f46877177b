/**
 * A whole-place starting plan for the MILP, rounded from the LP plan. HiGHS otherwise spends
 * most of an SCR-size solve looking for a first incumbent; with this start it has one at
 * once, is usually within the gap after the root, and can never stop at its time limit with
 * nothing. The start is verified against every model row before use and dropped if it fails.
 *
 * 1. Round places to whole places, towards each plan's fair share (fairness) or else to the
 *    nearest, within the year-on-year stability bands (whole places).
 * 2. A plan left below its minimum cohort is closed or raised to the minimum, whichever is
 *    nearer the LP and keeps its stability band.
 * 3. Raising plans can overfill a cap, a total or the mentors: take one place at a time from
 *    the plan in that rule furthest above its fair share (the largest plan without fairness)
 *    that can spare it, until the rule holds.
 * 4. Pool (its required share), change, fairness and balance columns follow from the places.
 */
import { checkModelSolution } from '../solver/check-model.ts';
import { rowActivities } from '../solver/model.ts';
import type { AllocationModel, BuildOptions } from './build.ts';
import { FAIRNESS_ROUNDING } from './families/fairness.ts';
import type { AllocationProblem } from './problem.ts';
import { stabilityBand, type StabilityBand } from './rules.ts';

const REPAIRED_FAMILIES = new Set([
  'plan-capacity',
  'total-capacity',
  'mentor-capacity',
  'regional-cap',
]);

/** The rules a plan must keep: the model's own, or whole places and cohorts on the LP's. */
export type StartRules = Pick<BuildOptions, 'wholePlaces' | 'minimumCohorts'>;

/**
 * A whole-place plan for `milp` (the MILP, or the LP itself for the first verdict of a
 * re-solve, with `rules` saying which whole-place rules it must keep), or null when the
 * rounding breaks a row it could not repair.
 */
export function roundedStart(
  problem: AllocationProblem,
  milp: AllocationModel,
  lp: AllocationModel,
  lpColValue: ArrayLike<number>,
  rules: StartRules = milp.options,
): Float64Array | null {
  const model = milp.model;
  const start = new Float64Array(model.colNames.length);
  const whole = rules.wholePlaces;
  const years = milp.entryYears.length;
  const bands: (StabilityBand | null)[] = milp.plans.map((plan) =>
    problem.stability ? stabilityBand(plan, problem.stability) : null,
  );
  const placeOf = new Map<number, [planIndex: number, yearIndex: number]>();
  milp.placeColumns.forEach((columns, planIndex) =>
    columns.forEach((column, yearIndex) => placeOf.set(column, [planIndex, yearIndex])),
  );
  const x = (planIndex: number, yearIndex: number) =>
    start[milp.placeColumns[planIndex]![yearIndex]!]!;
  const previousOf = (planIndex: number, yearIndex: number) =>
    yearIndex === 0 ? milp.plans[planIndex]!.lastYearAllocation : x(planIndex, yearIndex - 1);
  const withinBand = (planIndex: number, yearIndex: number, value: number) => {
    const band = bands[planIndex];
    if (!band) return true;
    const previous = previousOf(planIndex, yearIndex);
    if (value < previous - band.decrease - 1e-9 || value > previous + band.increase + 1e-9)
      return false;
    if (yearIndex + 1 < years) {
      const next = x(planIndex, yearIndex + 1);
      if (next < value - band.decrease - 1e-9 || next > value + band.increase + 1e-9) return false;
    }
    return true;
  };

  // Each plan's fair places per year as the LP's common factors make them (none without
  // fairness); the plan furthest above its fair share gives first.
  // Keyed by plan-year number: a string key made for each look-up cost the repair its time.
  const fairPlaces = new Map<number, number>();
  for (const f of lp.fairnessColumns) {
    fairPlaces.set(f.planIndex * years + f.yearIndex, f.reference * lpColValue[f.factor]!);
  }
  const excessOverFairShare = (planIndex: number, yearIndex: number) =>
    x(planIndex, yearIndex) - (fairPlaces.get(planIndex * years + yearIndex) ?? 0);

  // 1-2. Round, then settle minimum cohorts, one year at a time (bands follow the year before).
  for (let yearIndex = 0; yearIndex < years; yearIndex += 1) {
    const lpValues = milp.plans.map(
      (_, planIndex) => lpColValue[lp.placeColumns[planIndex]![yearIndex]!]!,
    );
    // Whole places: the nearer of the two around the LP value, unless only the other is within
    // the half place of its fair share that fairness leaves free.
    const rounded = lpValues.map((v, planIndex) => {
      if (!whole) return Math.max(0, v);
      const nearest = Math.round(v);
      const fair = fairPlaces.get(planIndex * years + yearIndex);
      if (fair === undefined || Math.abs(nearest - fair) <= FAIRNESS_ROUNDING + 1e-9)
        return nearest;
      const other = nearest > v ? nearest - 1 : nearest + 1;
      return Math.abs(other - fair) < Math.abs(nearest - fair) ? other : nearest;
    });
    milp.plans.forEach((plan, planIndex) => {
      const band = bands[planIndex];
      const lpValue = lpValues[planIndex]!;
      const previous = previousOf(planIndex, yearIndex);
      // Rounding down can break a year-on-year floor when last year's value was raised.
      let value = Math.max(
        rounded[planIndex]!,
        band ? Math.ceil(previous - band.decrease - 1e-9) : 0,
      );
      // ...and a cohort closed or raised last year can put this year outside its band.
      if (band) value = Math.min(value, Math.floor(previous + band.increase + 1e-9));
      if (rules.minimumCohorts && value > 0 && value < plan.minimumCohort) {
        const candidates = [0, plan.minimumCohort].sort(
          (a, b) => Math.abs(a - lpValue) - Math.abs(b - lpValue),
        );
        value =
          candidates.find(
            (candidate) =>
              (candidate > 0 || plan.fixedPlaces === null) &&
              (!band ||
                (candidate >= previous - band.decrease && candidate <= previous + band.increase)),
          ) ?? plan.minimumCohort;
      }
      start[milp.placeColumns[planIndex]![yearIndex]!] = value;
    });
  }

  const share = problem.pool?.share ?? 0;
  const inRegion = new Map(problem.partnerships.map((p) => [p.code, p.inRegionShare]));
  // The pool holds just its required share: lean, so it cannot overfill a cap.
  // Each pool's plans with their in-region shares, found once (the repair sets the pools again
  // after every place it takes).
  const poolPlans = [...milp.poolColumns].map(([subject, columns]) => ({
    columns,
    plans: milp.plans.flatMap((plan, planIndex) =>
      plan.subject === subject
        ? [{ planIndex, inRegion: inRegion.get(plan.partnershipCode) ?? 1 }]
        : [],
    ),
  }));
  const setPool = () => {
    for (const { columns, plans } of poolPlans) {
      for (let yearIndex = 0; yearIndex < years; yearIndex += 1) {
        let regional = 0;
        for (const { planIndex, inRegion: share } of plans)
          regional += share * x(planIndex, yearIndex);
        const required = share < 1 ? (share * regional) / (1 - share) : 0;
        start[columns[yearIndex]!] = whole ? Math.ceil(required - 1e-9) : required;
      }
    }
  };
  setPool();

  // 3. Repair overfilled limits one place at a time.
  const limits = milp.constraints.filter((info) => REPAIRED_FAMILIES.has(info.family));
  let budget = 50 * milp.plans.length * years + 1000;
  for (const info of limits) {
    const row = info.rows[0]!;
    const upper = model.rowUpper[row]!;
    const activity = () => {
      let sum = 0;
      for (let k = model.rowStarts[row]!; k < model.rowStarts[row + 1]!; k += 1) {
        sum += model.rowValues[k]! * start[model.rowIndices[k]!]!;
      }
      return sum;
    };
    while (activity() > upper + 1e-9 && budget > 0) {
      budget -= 1;
      let best: [number, number] | null = null;
      let bestValue = 0;
      let bestExcess = -Infinity;
      for (let k = model.rowStarts[row]!; k < model.rowStarts[row + 1]!; k += 1) {
        const place = placeOf.get(model.rowIndices[k]!);
        if (!place || model.rowValues[k]! <= 0) continue;
        const [planIndex, yearIndex] = place;
        const plan = milp.plans[planIndex]!;
        const value = x(planIndex, yearIndex);
        if (plan.fixedPlaces !== null || value <= 0) continue;
        // The plan furthest above its fair share gives first, then the largest plan.
        const excess = excessOverFairShare(planIndex, yearIndex);
        if (excess < bestExcess || (excess === bestExcess && value <= bestValue)) continue;
        const lowered = rules.minimumCohorts && value - 1 < plan.minimumCohort ? 0 : value - 1;
        if (withinBand(planIndex, yearIndex, lowered)) {
          best = place;
          bestValue = value;
          bestExcess = excess;
        }
      }
      if (!best) break;
      const [planIndex, yearIndex] = best;
      const plan = milp.plans[planIndex]!;
      const lowered =
        rules.minimumCohorts && bestValue - 1 < plan.minimumCohort ? 0 : bestValue - 1;
      start[milp.placeColumns[planIndex]![yearIndex]!] = lowered;
      setPool();
    }
  }

  return completeStart(milp, start, lp, lpColValue);
}

/**
 * The plan in `from` (places and pool) as a start for `to`, a model of the same problem
 * (the MILP after the LP's first verdict), or null when it breaks one of `to`'s rows.
 */
export function carriedStart(
  from: AllocationModel,
  fromValue: ArrayLike<number>,
  to: AllocationModel,
  lp: AllocationModel,
  lpColValue: ArrayLike<number>,
): Float64Array | null {
  const start = new Float64Array(to.model.colNames.length);
  to.placeColumns.forEach((columns, planIndex) =>
    columns.forEach((column, yearIndex) => {
      start[column] = fromValue[from.placeColumns[planIndex]![yearIndex]!]!;
    }),
  );
  for (const [subject, columns] of to.poolColumns) {
    const source = from.poolColumns.get(subject);
    columns.forEach((column, yearIndex) => {
      start[column] = source ? fromValue[source[yearIndex]!]! : 0;
    });
  }
  return completeStart(to, start, lp, lpColValue);
}

/**
 * 4. With places and pool set, the columns that follow from them (switches, change, fairness,
 * balance); the start if it keeps every row and bound of the model, else null.
 */
function completeStart(
  milp: AllocationModel,
  start: Float64Array,
  lp: AllocationModel,
  lpColValue: ArrayLike<number>,
): Float64Array | null {
  const model = milp.model;
  const x = (planIndex: number, yearIndex: number) =>
    start[milp.placeColumns[planIndex]![yearIndex]!]!;
  milp.openColumns.forEach((columns, planIndex) =>
    columns.forEach((open, yearIndex) => {
      if (open >= 0) start[open] = x(planIndex, yearIndex) > 0 ? 1 : 0;
    }),
  );
  for (const { row, up, down } of milp.changeColumns) {
    let activity = 0;
    for (let k = model.rowStarts[row]!; k < model.rowStarts[row + 1]!; k += 1) {
      const column = model.rowIndices[k]!;
      if (column !== up && column !== down) activity += model.rowValues[k]! * start[column]!;
    }
    const change = activity - model.rowLower[row]!;
    start[up] = Math.max(0, change);
    start[down] = Math.max(0, -change);
  }
  // Fairness: each subject's common factor as the LP set it, then each partnership's
  // distance from its fair places.
  for (const [subject, columns] of milp.commonFactorColumns) {
    const lpColumns = lp.commonFactorColumns.get(subject);
    columns.forEach((column, yearIndex) => {
      start[column] = Math.max(0, lpColValue[lpColumns?.[yearIndex] ?? -1] ?? 0);
    });
  }
  for (const { row, above, below } of milp.fairnessColumns) {
    let distance = 0;
    for (let k = model.rowStarts[row]!; k < model.rowStarts[row + 1]!; k += 1) {
      const column = model.rowIndices[k]!;
      if (column !== above && column !== below) distance += model.rowValues[k]! * start[column]!;
    }
    start[above] = Math.max(0, distance - model.rowUpper[row]!);
    start[below] = Math.max(0, model.rowLower[row]! - distance);
  }
  const supply = rowActivities(model, start);
  for (const cell of milp.balance) {
    const supplied = supply[cell.row]!;
    start[cell.unmetColumn] = Math.max(0, cell.need - supplied);
    start[cell.surplusColumn] = Math.max(0, supplied - cell.need);
  }

  const violations = checkModelSolution(model, start, { integer: true });
  return violations.length === 0 ? start : null;
}
