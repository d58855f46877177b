/**
 * Synthetic allocation problems of a chosen size, for benchmarks and scale tests. Every
 * figure here is made up (illustrative) from a seeded generator: never shown as data.
 */
import { sequentialUniforms } from '../model/random.ts';
import type { SolverEngine } from '../solver/engine.ts';
import { allocate } from './allocate.ts';
import { SUBJECT_GROUPS, type PartnershipType } from '../data/types.ts';
import {
  DEFAULT_CONVERSION_RATES,
  DEFAULT_COSTS,
  DEFAULT_FAIRNESS,
  DEFAULT_FILL,
  DEFAULT_STABILITY,
  type AllocationPartnership,
  type AllocationPlan,
  type AllocationProblem,
  type NeedRecord,
  type RegionalCap,
} from './problem.ts';
import { nqtYearOf, planConversion, routeDurationYears } from './rules.ts';
import { academicYear, consecutiveYears, type AcademicYear } from '../data/academic-year.ts';

/** The first entry year of every synthetic problem (the cycle open in December 2026). */
export const SYNTHETIC_FIRST_ENTRY_YEAR = academicYear('2027/28');

export interface SyntheticSize {
  partnerships: number;
  /** Subject groups per partnership (at most 19). */
  subjects: number;
  entryYears: number;
  districts: number;
  /** Districts each partnership's NQTs go to. */
  footprintDistricts: number;
  seed: number;
}

/** About the Sheffield City Region: 20 partnerships x 19 subjects x 3 years x 9 districts. */
export const SCR_SIZE: SyntheticSize = {
  partnerships: 20,
  subjects: 19,
  entryYears: 3,
  districts: 9,
  footprintDistricts: 5,
  seed: 2026,
};

/** A national-size instance: 240 providers x 19 subjects x 3 years x 150 districts. */
export const NATIONAL_SIZE: SyntheticSize = {
  partnerships: 240,
  subjects: 19,
  entryYears: 3,
  districts: 150,
  footprintDistricts: 8,
  seed: 2026,
};

const TYPES: PartnershipType[] = [
  'HEI',
  'SCITT',
  'School Direct',
  'SCITT',
  'School Direct',
  'Apprenticeship',
];

export function syntheticAllocationProblem(size: SyntheticSize): AllocationProblem {
  const random = sequentialUniforms(size.seed / 1e5);
  const between = (low: number, high: number) => low + (high - low) * random();
  const whole = (low: number, high: number) => Math.floor(between(low, high + 1));
  const entryYears = consecutiveYears(SYNTHETIC_FIRST_ENTRY_YEAR, size.entryYears);
  const subjects = SUBJECT_GROUPS.slice(0, Math.min(size.subjects, SUBJECT_GROUPS.length));

  const districts = Array.from({ length: size.districts }, (_, i) => ({
    code: `D${String(i + 1).padStart(3, '0')}`,
    name: `District ${i + 1}`,
    coldSpotWeight: random() < 0.3 ? 1 + between(0.2, 1) : 1,
  }));

  const partnerships: AllocationPartnership[] = [];
  const plans: AllocationPlan[] = [];
  for (let p = 0; p < size.partnerships; p += 1) {
    const code = `P${String(p + 1).padStart(3, '0')}`;
    const teachFirst = p === 0;
    const type: PartnershipType = teachFirst ? 'Teach First' : TYPES[p % TYPES.length]!;
    const home = whole(0, size.districts - 1);
    const reach = Math.min(size.footprintDistricts, size.districts);
    const raw = Array.from({ length: reach }, (_, k) => (k === 0 ? 3 : 1) * between(0.5, 1.5));
    const outside = between(0.05, 0.3);
    const sum = raw.reduce((a, b) => a + b, 0);
    const footprint: Record<string, number> = { outside };
    raw.forEach((value, k) => {
      footprint[districts[(home + k) % size.districts]!.code] = ((1 - outside) * value) / sum;
    });
    const ownPlans: AllocationPlan[] = [];
    const offset = whole(0, subjects.length - 1);
    for (let k = 0; k < Math.min(size.subjects, subjects.length); k += 1) {
      const subject = subjects[(offset + k) % subjects.length]!;
      const undergraduate = type === 'HEI' && subject === 'Primary';
      const route = teachFirst
        ? 'Teach First'
        : undergraduate
          ? 'Undergraduate'
          : type === 'HEI'
            ? 'HEI postgraduate'
            : type === 'School Direct'
              ? 'School Direct fee'
              : type === 'Apprenticeship'
                ? 'Apprenticeship'
                : 'SCITT';
      const minimumCohort = random() < 0.7 ? whole(3, 8) : 0;
      const capacity = whole(Math.max(minimumCohort, 6), 40);
      const last = random() < 0.15 ? 0 : whole(Math.max(minimumCohort, 1), capacity);
      const recruited = Math.round(last * between(0.6, 1.1));
      ownPlans.push({
        partnershipCode: code,
        subject,
        route,
        capacity,
        minimumCohort,
        lastYearAllocation: last,
        recentAllocated: last,
        recentRecruited: recruited,
        fixedPlaces: teachFirst && k % 3 === 0 ? Math.max(minimumCohort, last) : null,
        conversionRate: null,
      });
    }
    const lastTotal = ownPlans.reduce((sum, plan) => sum + plan.lastYearAllocation, 0);
    const placements = ownPlans.reduce(
      (sum, plan) =>
        sum +
        routeDurationYears(plan.route) * Math.max(plan.lastYearAllocation, plan.fixedPlaces ?? 0),
      0,
    );
    partnerships.push({
      code,
      name: `Partnership ${p + 1}`,
      type,
      inRegionShare: random() < 0.1 ? between(0.4, 0.8) : 1,
      employmentFootprint: footprint,
      totalCapacity: Math.round(lastTotal * 1.3) + 10,
      mentorCapacity: Math.round(placements * 1.25) + 10,
    });
    plans.push(...ownPlans);
  }

  // Need of the same order as last year's supply, spread unevenly over districts.
  const problemSoFar: AllocationProblem = {
    regionName: `Synthetic ${size.partnerships}x${size.subjects}x${size.entryYears}x${size.districts}`,
    entryYears,
    districts,
    need: [],
    partnerships,
    plans,
    conversionRates: DEFAULT_CONVERSION_RATES,
    regionalCaps: [],
    subjectWeights: { Physics: 1.5, Mathematics: 1.2, Computing: 1.3 },
    pool: { share: 0.05, districtShares: null, conversionRate: null },
    stability: DEFAULT_STABILITY,
    fill: DEFAULT_FILL,
    fairness: DEFAULT_FAIRNESS,
    costs: DEFAULT_COSTS,
  };
  const supplyBySubject = new Map<string, number>();
  for (const plan of plans) {
    supplyBySubject.set(
      plan.subject,
      (supplyBySubject.get(plan.subject) ?? 0) +
        plan.lastYearAllocation * planConversion(problemSoFar, plan),
    );
  }
  const nqtYears = new Set<AcademicYear>();
  for (const plan of plans)
    for (const year of entryYears) nqtYears.add(nqtYearOf(plan.route, year));
  const need: NeedRecord[] = [];
  for (const subject of subjects) {
    const perDistrict = (supplyBySubject.get(subject) ?? 0) / size.districts;
    for (const district of districts) {
      const level = between(0.5, 1.6);
      for (const nqtYear of nqtYears) {
        need.push({
          districtCode: district.code,
          subject,
          nqtYear,
          teachers: Math.round(perDistrict * level * between(0.85, 1.25) * 10) / 10,
        });
      }
    }
  }
  const regionalCaps: RegionalCap[] = [];
  subjects.forEach((subject, index) => {
    if (index % 4 !== 1) return;
    const last = plans
      .filter((plan) => plan.subject === subject)
      .reduce(
        (sum, plan) =>
          sum +
          partnerships.find((p) => p.code === plan.partnershipCode)!.inRegionShare *
            Math.max(plan.lastYearAllocation, plan.fixedPlaces ?? 0),
        0,
      );
    for (const year of entryYears)
      regionalCaps.push({ subject, entryYear: year, places: Math.round(last * 1.05) + 5 });
  });
  return { ...problemSoFar, need, regionalCaps };
}

const WARM_UP_SIZE = {
  partnerships: 6,
  subjects: 6,
  entryYears: 3,
  districts: 4,
  footprintDistricts: 3,
  seed: 7,
} as const;

/**
 * The synthetic allocations the solver is warmed on (a small one, its edits, and a medium one
 * about the size of the embedded data's LP), and how they are solved.
 */
export const WARM_UP = {
  problem: (): AllocationProblem => syntheticAllocationProblem(WARM_UP_SIZE),
  /** How many edits of the small allocation are re-solved. */
  edits: 4,
  /** The small allocation with its need moved a little (edit 1, 2, ...), as a manager's edit. */
  edited: (edit: number): AllocationProblem => {
    const problem = syntheticAllocationProblem(WARM_UP_SIZE);
    const need = problem.need.map((record, i) => ({
      ...record,
      teachers: record.teachers + ((i + edit) % 3),
    }));
    return { ...problem, need };
  },
  medium: (): AllocationProblem =>
    syntheticAllocationProblem({
      partnerships: 12,
      subjects: 8,
      entryYears: 3,
      districts: 8,
      footprintDistricts: 5,
      seed: 3,
    }),
  options: { timeLimitSeconds: 5, relativeGap: 1e-9, nodeLimit: 0, marginalValues: 2 },
} as const;

/**
 * Solves a small synthetic allocation (LP, rounding, the start of a MILP search, the check and
 * a few marginal values) so the WebAssembly solver's code is compiled and optimised before the
 * first real solve: the first solve in a fresh HiGHS runtime is several times slower than later
 * ones. The search stops before its first node, so warming never takes long.
 */
export function warmUpAllocation(engine: SolverEngine): number {
  const started = performance.now();
  allocate(WARM_UP.problem(), engine, WARM_UP.options);
  return (performance.now() - started) / 1000;
}
