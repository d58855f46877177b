/**
 * Parameters derived from the allocation input by stated rules. The model builder and the
 * independent checker both use them, so a rule lives in one place and is tested once.
 */
import { addYears, type AcademicYear } from '../data/academic-year.ts';
import type { SubjectGroup } from '../data/types.ts';
import type {
  AllocationPlan,
  AllocationProblem,
  ConversionRate,
  StabilitySettings,
  TrainingRoute,
} from './problem.ts';

/** Years from entry to NQT: three for undergraduate routes, one for the others. */
export function routeLagYears(route: TrainingRoute): number {
  return route === 'Undergraduate' ? 3 : 1;
}

/** The year a trainee who starts in `entryYear` takes up a first post as an NQT. */
export function nqtYearOf(route: TrainingRoute, entryYear: AcademicYear): AcademicYear {
  return addYears(entryYear, routeLagYears(route));
}

/** Years a trainee spends in training, each needing a school placement. */
export function routeDurationYears(route: TrainingRoute): number {
  return route === 'Undergraduate' ? 3 : 1;
}

export function planKey(
  plan: Pick<AllocationPlan, 'partnershipCode' | 'subject' | 'route'>,
): string {
  return `${plan.partnershipCode}|${plan.subject}|${plan.route}`;
}

/** The most specific match wins: route and subject, then route, then subject, then '*'. */
export function findConversionRate(
  rates: readonly ConversionRate[],
  route: TrainingRoute,
  subject: SubjectGroup,
): ConversionRate | null {
  const candidates: [TrainingRoute | '*', SubjectGroup | '*'][] = [
    [route, subject],
    [route, '*'],
    ['*', subject],
    ['*', '*'],
  ];
  for (const [r, s] of candidates) {
    const match = rates.find((rate) => rate.route === r && rate.subject === s);
    if (match) return match;
  }
  return null;
}

/** Qualified entrants per trainee: completion x employment (or the plan's own rate). */
export function planConversion(problem: AllocationProblem, plan: AllocationPlan): number {
  if (plan.conversionRate !== null) return plan.conversionRate;
  const rate = findConversionRate(problem.conversionRates, plan.route, plan.subject);
  return rate ? rate.completionRate * rate.employmentRate : 0;
}

interface RegionalFill {
  bySubject: Map<SubjectGroup, number>;
  overall: number;
}

const regionalFillCache = new WeakMap<AllocationProblem, RegionalFill>();

/** Recruited / allocated over every plan of each subject, and over all plans (FillSettings). */
export function regionalFill(problem: AllocationProblem): RegionalFill {
  const cached = regionalFillCache.get(problem);
  if (cached) return cached;
  const sums = new Map<SubjectGroup, { recruited: number; allocated: number }>();
  let recruited = 0;
  let allocated = 0;
  for (const plan of problem.plans) {
    const sum = sums.get(plan.subject) ?? { recruited: 0, allocated: 0 };
    sum.recruited += plan.recentRecruited;
    sum.allocated += plan.recentAllocated;
    sums.set(plan.subject, sum);
    recruited += plan.recentRecruited;
    allocated += plan.recentAllocated;
  }
  const overall = allocated > 0 ? recruited / allocated : 1;
  const bySubject = new Map<SubjectGroup, number>();
  for (const [subject, sum] of sums) {
    bySubject.set(subject, sum.allocated > 0 ? sum.recruited / sum.allocated : overall);
  }
  const result = { bySubject, overall };
  regionalFillCache.set(problem, result);
  return result;
}

/** The region's fill rate for a subject (1 when fill is not modelled). */
export function subjectFill(problem: AllocationProblem, subject: SubjectGroup): number {
  if (!problem.fill) return 1;
  const regional = regionalFill(problem);
  return Math.min(1, regional.bySubject.get(subject) ?? regional.overall);
}

/** Expected share of a plan's places that are filled (FillSettings); 1 when not modelled. */
export function expectedFill(problem: AllocationProblem, plan: AllocationPlan): number {
  if (!problem.fill) return 1;
  const k = problem.fill.credibilityPlaces;
  const regional = regionalFill(problem);
  const rate = regional.bySubject.get(plan.subject) ?? regional.overall;
  const total = plan.recentAllocated + k;
  const fill = total > 0 ? (plan.recentRecruited + k * rate) / total : rate;
  return Math.min(1, fill);
}

/**
 * Expected NQTs from one place of the plan, before the employment footprint spreads them:
 * expected fill x completion x employment.
 */
export function placeYield(problem: AllocationProblem, plan: AllocationPlan): number {
  return expectedFill(problem, plan) * planConversion(problem, plan);
}

/** Recruited / allocated over recent years, or null without a record. */
export function trackRecord(plan: AllocationPlan): number | null {
  return plan.recentAllocated > 0 ? plan.recentRecruited / plan.recentAllocated : null;
}

export interface StabilityBand {
  /** Most places the plan may gain from one year to the next. */
  increase: number;
  /** Most places it may lose. */
  decrease: number;
}

/**
 * The stability band in whole places. Both sides are `band x last year's allocation`
 * (rounded down), at least
 * `minimumBandPlaces`; the upward side gains up to `trackRecordBonus x last year` as
 * recruited / allocated rises from the threshold to 100%. A plan with no places last year
 * may open at its minimum cohort even when that exceeds the minimum band.
 */
export function stabilityBand(plan: AllocationPlan, settings: StabilitySettings): StabilityBand {
  const last = plan.lastYearAllocation;
  const record = trackRecord(plan) ?? 0;
  const span = 1 - settings.trackRecordThreshold;
  const earned =
    span > 0
      ? Math.min(1, Math.max(0, (record - settings.trackRecordThreshold) / span))
      : record >= settings.trackRecordThreshold
        ? 1
        : 0;
  // Whole places: a band of 4.6 places allows 4.
  const upward = Math.floor((settings.band + settings.trackRecordBonus * earned) * last + 1e-9);
  const increase = Math.max(
    settings.minimumBandPlaces,
    upward,
    last === 0 ? plan.minimumCohort : 0,
  );
  const decrease = Math.max(settings.minimumBandPlaces, Math.floor(settings.band * last + 1e-9));
  return { increase, decrease };
}

/**
 * The places a partnership's cut is measured from (FairnessSettings): last year's allocation,
 * or its capacity when lower. Null for places fixed outside the allocation, and for a plan with
 * no reference places, which cannot be cut.
 */
export function fairnessReference(plan: AllocationPlan): number | null {
  if (plan.fixedPlaces !== null) return null;
  const reference = Math.min(plan.lastYearAllocation, plan.capacity);
  return reference > 0 ? reference : null;
}

/**
 * The value m minimising sum weights[i] x |values[i] - m|: the lower weighted median. For
 * fairness, the common factor that leaves the fewest places away from it.
 */
export function weightedMedian(values: readonly number[], weights: readonly number[]): number {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const half = weights.reduce((sum, w) => sum + w, 0) / 2;
  let running = 0;
  for (const i of order) {
    running += weights[i]!;
    if (running >= half) return values[i]!;
  }
  return 0;
}

/** Cost of one unmet teacher: district cold-spot weight x subject priority. */
export function unmetWeight(
  problem: AllocationProblem,
  coldSpotWeight: number,
  subject: SubjectGroup,
): number {
  return coldSpotWeight * (problem.subjectWeights[subject] ?? 1);
}

/**
 * Where pool NQTs go: the given district shares, or else each district's share of the
 * subject's need over all years. Shares over the listed districts sum to 1 (or all are 0).
 */
export function poolDistrictShares(
  problem: AllocationProblem,
  subject: SubjectGroup,
): Map<string, number> {
  const districtCodes = problem.districts.map((district) => district.code);
  const raw = new Map<string, number>();
  if (problem.pool?.districtShares) {
    for (const code of districtCodes) raw.set(code, problem.pool.districtShares[code] ?? 0);
  } else {
    for (const code of districtCodes) raw.set(code, 0);
    for (const record of problem.need) {
      if (record.subject === subject && raw.has(record.districtCode)) {
        raw.set(record.districtCode, raw.get(record.districtCode)! + Math.max(0, record.teachers));
      }
    }
  }
  const total = [...raw.values()].reduce((sum, value) => sum + value, 0);
  return new Map([...raw].map(([code, value]) => [code, total > 0 ? value / total : 0]));
}

/** A pool place is taken to be a one-year postgraduate place. */
export const POOL_ROUTE: TrainingRoute = 'HEI postgraduate';

export function poolConversion(problem: AllocationProblem, subject: SubjectGroup): number {
  if (problem.pool?.conversionRate != null) return problem.pool.conversionRate;
  const rate = findConversionRate(problem.conversionRates, POOL_ROUTE, subject);
  return rate ? rate.completionRate * rate.employmentRate : 0;
}

/** Expected NQTs from one pool place: the subject's regional fill x the pool's conversion. */
export function poolYield(problem: AllocationProblem, subject: SubjectGroup): number {
  return subjectFill(problem, subject) * poolConversion(problem, subject);
}
