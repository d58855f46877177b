/**
 * A whole-place starting plan for the MILP, rounded from the LP plan. HiGHS otherwise spends
 * most of an SCR-size solve looking for a first incumbent; with this start it has one at
 * once, is usually within the gap after the root, and can never stop at its time limit with
 * nothing. The start is verified against every model row before use and dropped if it fails.
 *
 * 1. Round places down. That keeps every "at most" rule and, because stability bands are
 *    whole places, the year-on-year bands.
 * 2. A plan left below its minimum cohort is closed or raised to the minimum, whichever is
 *    nearer the LP and keeps its stability band.
 * 3. Raising plans can overfill a cap, a total or the mentors: take one place at a time from
 *    the largest plan in that rule that can spare it, until the rule holds.
 * 4. Pool (its required share), change and balance columns follow from the places.
 */
import { checkModelSolution } from '../solver/check-model.ts';
import { rowActivities } from '../solver/model.ts';
import type { AllocationModel } from './build.ts';
import type { AllocationProblem } from './problem.ts';
import { stabilityBand, type StabilityBand } from './rules.ts';

const REPAIRED_FAMILIES = new Set([
  'plan-capacity',
  'total-capacity',
  'mentor-capacity',
  'regional-cap',
]);

export function roundedStart(
  problem: AllocationProblem,
  milp: AllocationModel,
  lp: AllocationModel,
  lpColValue: ArrayLike<number>,
): Float64Array | null {
  const model = milp.model;
  const start = new Float64Array(model.colNames.length);
  const whole = milp.options.wholePlaces;
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

  // 1-2. Round, then settle minimum cohorts.
  milp.plans.forEach((plan, planIndex) => {
    const band = bands[planIndex];
    for (let yearIndex = 0; yearIndex < years; yearIndex += 1) {
      const lpValue = lpColValue[lp.placeColumns[planIndex]![yearIndex]!]!;
      const previous = previousOf(planIndex, yearIndex);
      const rounded = whole ? Math.round(lpValue) : Math.max(0, lpValue);
      // Rounding down can break a year-on-year floor when last year's value was raised.
      let value = Math.max(rounded, band ? Math.ceil(previous - band.decrease - 1e-9) : 0);
      // ...and a cohort closed or raised last year can put this year outside its band.
      if (band) value = Math.min(value, Math.floor(previous + band.increase + 1e-9));
      const open = milp.openColumns[planIndex]![yearIndex]!;
      if (open >= 0 && value > 0 && value < plan.minimumCohort) {
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
    }
  });

  const share = problem.pool?.share ?? 0;
  const inRegion = new Map(problem.partnerships.map((p) => [p.code, p.inRegionShare]));
  // The pool holds just its required share: lean, so it cannot overfill a cap.
  const setPool = () => {
    for (const [subject, columns] of milp.poolColumns) {
      for (let yearIndex = 0; yearIndex < years; yearIndex += 1) {
        let regional = 0;
        milp.plans.forEach((plan, planIndex) => {
          if (plan.subject === subject)
            regional += (inRegion.get(plan.partnershipCode) ?? 1) * x(planIndex, yearIndex);
        });
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
      for (let k = model.rowStarts[row]!; k < model.rowStarts[row + 1]!; k += 1) {
        const place = placeOf.get(model.rowIndices[k]!);
        if (!place || model.rowValues[k]! <= 0) continue;
        const [planIndex, yearIndex] = place;
        const plan = milp.plans[planIndex]!;
        const value = x(planIndex, yearIndex);
        if (plan.fixedPlaces !== null || value <= bestValue) continue;
        const lowered =
          milp.openColumns[planIndex]![yearIndex]! >= 0 && value - 1 < plan.minimumCohort
            ? 0
            : value - 1;
        if (withinBand(planIndex, yearIndex, lowered)) {
          best = place;
          bestValue = value;
        }
      }
      if (!best) break;
      const [planIndex, yearIndex] = best;
      const plan = milp.plans[planIndex]!;
      const lowered =
        milp.openColumns[planIndex]![yearIndex]! >= 0 && bestValue - 1 < plan.minimumCohort
          ? 0
          : bestValue - 1;
      start[milp.placeColumns[planIndex]![yearIndex]!] = lowered;
      setPool();
    }
  }

  // 4. Switches, change and balance columns.
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
  const supply = rowActivities(model, start);
  for (const cell of milp.balance) {
    const supplied = supply[cell.row]!;
    start[cell.unmetColumn] = Math.max(0, cell.need - supplied);
    start[cell.surplusColumn] = Math.max(0, supplied - cell.need);
  }

  const violations = checkModelSolution(model, start, { integer: true });
  return violations.length === 0 ? start : null;
}
