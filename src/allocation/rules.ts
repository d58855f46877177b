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

/** Expected NQTs from one place of the plan, before the employment footprint spreads them. */
export function placeYield(problem: AllocationProblem, plan: AllocationPlan): number {
  return planConversion(problem, plan);
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
