/**
 * The independent checker's own copy of the allocation's rules, written apart from rules.ts
 * and the model builder on purpose: a slip in the shared rule code (a band rounded the wrong
 * way, a fill or conversion mislaid, a weight forgotten) then shows up as a broken rule
 * instead of passing both the model and its check. Nothing here is imported by the model.
 */
import { addYears, type AcademicYear } from '../data/academic-year.ts';
import type { SubjectGroup } from '../data/types.ts';
import type { AllocationPlan, AllocationProblem, TrainingRoute } from './problem.ts';

/** When a trainee of the route starting in `entryYear` becomes an NQT. */
export function qualifyingYear(route: TrainingRoute, entryYear: AcademicYear): AcademicYear {
  return addYears(entryYear, route === 'Undergraduate' ? 3 : 1);
}

/** School placements a trainee of the route holds: one per year of training. */
export function placementYears(route: TrainingRoute): number {
  return route === 'Undergraduate' ? 3 : 1;
}

/** Completion x employment: the plan's own rate, else the most specific table entry. */
export function qualifiedPerTrainee(
  problem: AllocationProblem,
  route: TrainingRoute,
  subject: SubjectGroup,
  own: number | null,
): number {
  if (own !== null) return own;
  // Specificity: route and subject 3, route only 2, subject only 1, neither 0.
  let best: { score: number; value: number } | null = null;
  for (const rate of problem.conversionRates) {
    const routeMatches = rate.route === route || rate.route === '*';
    const subjectMatches = rate.subject === subject || rate.subject === '*';
    if (!routeMatches || !subjectMatches) continue;
    const score = (rate.route === route ? 2 : 0) + (rate.subject === subject ? 1 : 0);
    if (best === null || score > best.score) {
      best = { score, value: rate.completionRate * rate.employmentRate };
    }
  }
  return best?.value ?? 0;
}

/** The region's recruited / allocated in a subject (all subjects when none, else 1). */
function regionRate(problem: AllocationProblem, subject: SubjectGroup): number {
  let subjectRecruited = 0;
  let subjectAllocated = 0;
  let allRecruited = 0;
  let allAllocated = 0;
  for (const plan of problem.plans) {
    allRecruited += plan.recentRecruited;
    allAllocated += plan.recentAllocated;
    if (plan.subject !== subject) continue;
    subjectRecruited += plan.recentRecruited;
    subjectAllocated += plan.recentAllocated;
  }
  if (subjectAllocated > 0) return subjectRecruited / subjectAllocated;
  return allAllocated > 0 ? allRecruited / allAllocated : 1;
}

/** Expected fill: credibility-weighted own record and regional rate, at most 1. */
export function fillOf(problem: AllocationProblem, plan: AllocationPlan): number {
  if (problem.fill === null) return 1;
  const region = regionRate(problem, plan.subject);
  const credibility =
    plan.recentAllocated + problem.fill.credibilityPlaces > 0
      ? plan.recentAllocated / (plan.recentAllocated + problem.fill.credibilityPlaces)
      : 0;
  const own = plan.recentAllocated > 0 ? plan.recentRecruited / plan.recentAllocated : 0;
  return Math.min(1, credibility * own + (1 - credibility) * region);
}

export function poolFillOf(problem: AllocationProblem, subject: SubjectGroup): number {
  return problem.fill === null ? 1 : Math.min(1, regionRate(problem, subject));
}

/** Expected NQTs from one place of the plan. */
export function nqtsPerPlace(problem: AllocationProblem, plan: AllocationPlan): number {
  return (
    fillOf(problem, plan) *
    qualifiedPerTrainee(problem, plan.route, plan.subject, plan.conversionRate)
  );
}

/** Expected NQTs from one pool place (a one-year postgraduate place). */
export function nqtsPerPoolPlace(problem: AllocationProblem, subject: SubjectGroup): number {
  const conversion =
    problem.pool?.conversionRate ?? qualifiedPerTrainee(problem, 'HEI postgraduate', subject, null);
  return poolFillOf(problem, subject) * conversion;
}

/** Largest allowed growth and cut from one year to the next, in whole places. */
export function allowedChange(
  problem: AllocationProblem,
  plan: AllocationPlan,
): { grow: number; cut: number } | null {
  const settings = problem.stability;
  if (settings === null) return null;
  const last = plan.lastYearAllocation;
  const record = plan.recentAllocated > 0 ? plan.recentRecruited / plan.recentAllocated : 0;
  // The bonus rises linearly from nothing at the threshold to all of it at a full record.
  let earned: number;
  if (settings.trackRecordThreshold >= 1) earned = record >= settings.trackRecordThreshold ? 1 : 0;
  else {
    earned = (record - settings.trackRecordThreshold) / (1 - settings.trackRecordThreshold);
    earned = earned < 0 ? 0 : earned > 1 ? 1 : earned;
  }
  const wholePlaces = (share: number) => Math.floor(share * last + 1e-9);
  let grow = Math.max(
    settings.minimumBandPlaces,
    wholePlaces(settings.band + settings.trackRecordBonus * earned),
  );
  if (last === 0) grow = Math.max(grow, plan.minimumCohort);
  const cut = Math.max(settings.minimumBandPlaces, wholePlaces(settings.band));
  return { grow, cut };
}

/** Cost of one unmet teacher in a district and subject. */
export function unmetCost(
  problem: AllocationProblem,
  districtCode: string,
  subject: SubjectGroup,
): number {
  const district = problem.districts.find((d) => d.code === districtCode);
  const subjectWeight = problem.subjectWeights[subject];
  return (district?.coldSpotWeight ?? 0) * (subjectWeight === undefined ? 1 : subjectWeight);
}

/** Pool NQTs by district: the given shares, or each district's share of the subject's need. */
export function poolShares(problem: AllocationProblem, subject: SubjectGroup): Map<string, number> {
  const weights = new Map<string, number>();
  const given = problem.pool?.districtShares;
  for (const district of problem.districts) weights.set(district.code, given?.[district.code] ?? 0);
  if (!given) {
    for (const record of problem.need) {
      const weight = weights.get(record.districtCode);
      if (weight !== undefined && record.subject === subject && record.teachers > 0) {
        weights.set(record.districtCode, weight + record.teachers);
      }
    }
  }
  let total = 0;
  for (const weight of weights.values()) total += weight;
  for (const [code, weight] of weights) weights.set(code, total > 0 ? weight / total : 0);
  return weights;
}

/** Reference places of the fairness rule, or null when the plan has none. */
export function fairShareBase(plan: AllocationPlan): number | null {
  if (plan.fixedPlaces !== null) return null;
  const base = plan.lastYearAllocation < plan.capacity ? plan.lastYearAllocation : plan.capacity;
  return base > 0 ? base : null;
}

/**
 * The least fairness cost of one subject and year: places beyond half a place from r g,
 * minimised over the common factor g >= 0. The cost is convex and piecewise linear in g, so
 * its least value is at g = 0 or at a point where some plan is exactly half a place off.
 */
export function leastFairnessPlaces(plans: readonly { places: number; base: number }[]): number {
  if (plans.length < 2) return 0;
  const costAt = (g: number) =>
    plans.reduce(
      (sum, { places, base }) => sum + Math.max(0, Math.abs(places - base * g) - 0.5),
      0,
    );
  let least = costAt(0);
  for (const { places, base } of plans) {
    for (const g of [(places - 0.5) / base, (places + 0.5) / base]) {
      if (g >= 0) least = Math.min(least, costAt(g));
    }
  }
  return least;
}
