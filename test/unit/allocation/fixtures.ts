/** Hand-made allocation problems: small enough to solve on paper. */
import loadHighs from 'highs';
import { academicYear, type AcademicYear } from '../../../src/data/academic-year.ts';
import type { SubjectGroup } from '../../../src/data/types.ts';
import type {
  AllocationPartnership,
  AllocationPlan,
  AllocationProblem,
  NeedRecord,
} from '../../../src/allocation/problem.ts';
import { createHighsEngine } from '../../../src/solver/highs-engine.ts';
import type { SolverEngine } from '../../../src/solver/engine.ts';

let engine: Promise<SolverEngine> | null = null;

/** One HiGHS runtime for the whole test file, as in the worker. */
export function highsEngine(): Promise<SolverEngine> {
  engine ??= loadHighs().then(createHighsEngine);
  return engine;
}

export function partnership(
  code: string,
  footprint: Record<string, number>,
  extra: Partial<AllocationPartnership> = {},
): AllocationPartnership {
  return {
    code,
    name: `Partnership ${code}`,
    type: 'SCITT',
    inRegionShare: 1,
    employmentFootprint: footprint,
    totalCapacity: null,
    mentorCapacity: null,
    ...extra,
  };
}

export function plan(
  partnershipCode: string,
  subject: SubjectGroup,
  extra: Partial<AllocationPlan> = {},
): AllocationPlan {
  return {
    partnershipCode,
    subject,
    route: 'SCITT',
    capacity: 100,
    minimumCohort: 0,
    lastYearAllocation: 0,
    recentAllocated: 0,
    recentRecruited: 0,
    fixedPlaces: null,
    conversionRate: null,
    ...extra,
  };
}

export function need(
  districtCode: string,
  subject: SubjectGroup,
  nqtYear: string,
  teachers: number,
): NeedRecord {
  return { districtCode, subject, nqtYear: academicYear(nqtYear), teachers };
}

/** Academic years from labels: years('2026/27', '2027/28'). */
export const years = (...labels: string[]): AcademicYear[] => labels.map(academicYear);

/** A problem with no stability rule, no change cost and no pool unless given. */
export function problem(extra: Partial<AllocationProblem>): AllocationProblem {
  return {
    regionName: 'Test region',
    entryYears: years('2026/27'),
    districts: [
      { code: 'D1', name: 'Doncaster', coldSpotWeight: 1 },
      { code: 'D2', name: 'Rotherham', coldSpotWeight: 1 },
    ],
    need: [],
    partnerships: [],
    plans: [],
    conversionRates: [{ route: '*', subject: '*', completionRate: 1, employmentRate: 0.5 }],
    regionalCaps: [],
    subjectWeights: {},
    pool: null,
    stability: null,
    fill: null,
    fairness: null,
    costs: { surplusPerTeacher: 0.1, changePerPlace: 0, perPlace: 0.01 },
    ...extra,
  };
}
