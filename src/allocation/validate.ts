/** Checks an AllocationProblem before anything is built, naming the field and the reason. */
import { isAcademicYear, nextAcademicYear } from '../data/academic-year.ts';
import { SUBJECT_GROUPS, type SubjectGroup } from '../data/types.ts';
import { TRAINING_ROUTES, type AllocationProblem } from './problem.ts';
import { MAX_COUNT } from './problem-schema.ts';
import { planKey } from './rules.ts';

export interface ProblemIssue {
  /** Where, e.g. 'plans[3].capacity'. */
  field: string;
  message: string;
}

const isShare = (value: number) => Number.isFinite(value) && value >= 0 && value <= 1;
/** Counts of places, teachers or placements: 0 to MAX_COUNT (a larger one is a slip). */
const isNonNegative = (value: number) => Number.isFinite(value) && value >= 0 && value <= MAX_COUNT;

export function validateProblem(problem: AllocationProblem): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ field, message });
  const subjects = new Set<string>(SUBJECT_GROUPS);

  const years = [...problem.entryYears].sort();
  if (years.length === 0) issue('entryYears', 'At least one entry year is needed.');
  years.forEach((year, index) => {
    if (!isAcademicYear(year))
      issue(`entryYears[${index}]`, `Entry year ${year} is not an academic year like 2027/28.`);
    else if (index > 0 && year !== nextAcademicYear(years[index - 1]!)) {
      issue(
        'entryYears',
        `Entry years must be consecutive; ${years[index - 1]} is followed by ${year}.`,
      );
    }
  });

  const districtCodes = new Set<string>();
  problem.districts.forEach((district, index) => {
    if (districtCodes.has(district.code))
      issue(`districts[${index}].code`, `District ${district.code} is listed twice.`);
    districtCodes.add(district.code);
    if (!isNonNegative(district.coldSpotWeight)) {
      issue(
        `districts[${index}].coldSpotWeight`,
        `${district.name}: the cold-spot weight must be a number of 0 or more, not ${district.coldSpotWeight}.`,
      );
    }
  });

  problem.need.forEach((record, index) => {
    if (!districtCodes.has(record.districtCode)) {
      issue(`need[${index}].districtCode`, `Need for unknown district ${record.districtCode}.`);
    }
    if (!subjects.has(record.subject))
      issue(`need[${index}].subject`, `Unknown subject group "${record.subject}".`);
    if (!Number.isFinite(record.teachers))
      issue(`need[${index}].teachers`, `Need must be a number, not ${record.teachers}.`);
    if (!isAcademicYear(record.nqtYear))
      issue(
        `need[${index}].nqtYear`,
        `NQT year ${record.nqtYear} is not an academic year like 2028/29.`,
      );
  });

  const partnershipCodes = new Set<string>();
  problem.partnerships.forEach((partnership, index) => {
    const at = `partnerships[${index}]`;
    if (partnershipCodes.has(partnership.code))
      issue(`${at}.code`, `Partnership ${partnership.code} is listed twice.`);
    partnershipCodes.add(partnership.code);
    if (!isShare(partnership.inRegionShare)) {
      issue(
        `${at}.inRegionShare`,
        `${partnership.name}: the in-region share must be between 0 and 1, not ${partnership.inRegionShare}.`,
      );
    }
    let total = 0;
    for (const [code, share] of Object.entries(partnership.employmentFootprint)) {
      if (code !== 'outside' && !districtCodes.has(code)) {
        issue(
          `${at}.employmentFootprint.${code}`,
          `${partnership.name}: footprint names unknown district ${code} (use 'outside' for outside the region).`,
        );
      }
      if (!isShare(share))
        issue(
          `${at}.employmentFootprint.${code}`,
          `${partnership.name}: footprint share ${share} is not between 0 and 1.`,
        );
      total += share;
    }
    if (Math.abs(total - 1) > 0.01) {
      issue(
        `${at}.employmentFootprint`,
        `${partnership.name}: footprint shares sum to ${total.toFixed(3)}, not 1 (include 'outside').`,
      );
    }
    for (const field of ['totalCapacity', 'mentorCapacity'] as const) {
      const value = partnership[field];
      if (value !== null && !isNonNegative(value))
        issue(
          `${at}.${field}`,
          `${partnership.name}: ${field} must be from 0 to ${MAX_COUNT}, or null.`,
        );
    }
  });

  const planKeys = new Set<string>();
  const routes = new Set<string>(TRAINING_ROUTES);
  problem.plans.forEach((plan, index) => {
    const at = `plans[${index}]`;
    if (!partnershipCodes.has(plan.partnershipCode))
      issue(`${at}.partnershipCode`, `Plan for unknown partnership ${plan.partnershipCode}.`);
    if (!subjects.has(plan.subject))
      issue(`${at}.subject`, `Unknown subject group "${plan.subject}".`);
    if (!routes.has(plan.route)) issue(`${at}.route`, `Unknown route "${plan.route}".`);
    const key = planKey(plan);
    if (planKeys.has(key))
      issue(at, `${plan.partnershipCode} ${plan.subject} (${plan.route}) is listed twice.`);
    planKeys.add(key);
    for (const field of [
      'capacity',
      'minimumCohort',
      'lastYearAllocation',
      'recentAllocated',
      'recentRecruited',
    ] as const) {
      if (!isNonNegative(plan[field]))
        issue(
          `${at}.${field}`,
          `${plan.partnershipCode} ${plan.subject}: ${field} must be from 0 to ${MAX_COUNT}, not ${plan[field]}.`,
        );
    }
    if (plan.fixedPlaces !== null && !isNonNegative(plan.fixedPlaces)) {
      issue(
        `${at}.fixedPlaces`,
        `${plan.partnershipCode} ${plan.subject}: fixed places must be from 0 to ${MAX_COUNT}, or null.`,
      );
    }
    if (plan.conversionRate !== null && !isShare(plan.conversionRate)) {
      issue(
        `${at}.conversionRate`,
        `${plan.partnershipCode} ${plan.subject}: conversion rate must be between 0 and 1.`,
      );
    }
  });

  problem.conversionRates.forEach((rate, index) => {
    if (!isShare(rate.completionRate) || !isShare(rate.employmentRate)) {
      issue(
        `conversionRates[${index}]`,
        `Completion and employment rates must be between 0 and 1 (${rate.route}, ${rate.subject}).`,
      );
    }
  });
  const hasFallback = problem.conversionRates.some(
    (rate) => rate.route === '*' && rate.subject === '*',
  );
  if (!hasFallback) {
    problem.plans.forEach((plan, index) => {
      const covered =
        plan.conversionRate !== null ||
        problem.conversionRates.some(
          (rate) =>
            (rate.route === plan.route || rate.route === '*') &&
            (rate.subject === plan.subject || rate.subject === '*'),
        );
      if (!covered)
        issue(`plans[${index}]`, `No conversion rate for ${plan.route} ${plan.subject}.`);
    });
  }

  problem.regionalCaps.forEach((cap, index) => {
    if (!isNonNegative(cap.places))
      issue(
        `regionalCaps[${index}].places`,
        `Regional cap for ${cap.subject} must be from 0 to ${MAX_COUNT}.`,
      );
    if (!subjects.has(cap.subject))
      issue(`regionalCaps[${index}].subject`, `Unknown subject group "${cap.subject}".`);
  });
  for (const [subject, weight] of Object.entries(problem.subjectWeights) as [
    SubjectGroup,
    number,
  ][]) {
    if (!isNonNegative(weight))
      issue(`subjectWeights.${subject}`, `Subject weight must be 0 or more, not ${weight}.`);
  }
  if (problem.pool) {
    if (!(
      Number.isFinite(problem.pool.share) &&
      problem.pool.share >= 0 &&
      problem.pool.share < 1
    )) {
      issue(
        'pool.share',
        `The pool share must be at least 0 and below 1, not ${problem.pool.share}.`,
      );
    }
    if (problem.pool.conversionRate !== null && !isShare(problem.pool.conversionRate)) {
      issue('pool.conversionRate', 'The pool conversion rate must be between 0 and 1.');
    }
  }
  if (problem.stability) {
    for (const [field, value] of Object.entries(problem.stability)) {
      if (!isNonNegative(value))
        issue(`stability.${field}`, `Stability ${field} must be 0 or more, not ${value}.`);
    }
    if (problem.stability.trackRecordThreshold > 1) {
      issue(
        'stability.trackRecordThreshold',
        'The track-record threshold is a share of places filled and cannot exceed 1.',
      );
    }
  }
  for (const [field, value] of Object.entries(problem.costs)) {
    if (!isNonNegative(value))
      issue(`costs.${field}`, `Cost ${field} must be 0 or more, not ${value}.`);
  }
  return issues;
}
