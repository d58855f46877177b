/**
 * The allocation as tables (places, pool, district outcomes) read from a solver's column
 * values. These tables, not the solver's vectors, are what the checker verifies and what the
 * app shows, so a result is judged by the same figures a manager sees.
 */
import type { AcademicYear } from '../data/academic-year.ts';
import type { SubjectGroup } from '../data/types.ts';
import type { AllocationModel } from './build.ts';
import type { AllocationProblem, TrainingRoute } from './problem.ts';
import { nqtYearOf, placeYield } from './rules.ts';

export interface PlanAllocation {
  partnershipCode: string;
  partnershipName: string;
  subject: SubjectGroup;
  route: TrainingRoute;
  entryYear: AcademicYear;
  places: number;
  /** Places counted against regional totals (in-region share x places). */
  inRegionPlaces: number;
  /** Qualified entrants expected from these places, in the year they become NQTs. */
  expectedNqts: number;
  nqtYear: AcademicYear;
  /** The same plan's places the year before (last year's allocation for the first year). */
  previousPlaces: number;
}

export interface PoolAllocation {
  subject: SubjectGroup;
  entryYear: AcademicYear;
  places: number;
}

export interface DistrictOutcome {
  districtCode: string;
  districtName: string;
  subject: SubjectGroup;
  nqtYear: AcademicYear;
  need: number;
  /** NQTs supplied to the district by this allocation. */
  supply: number;
  unmet: number;
  surplus: number;
  /** Cost of one unmet teacher here (cold-spot weight x subject priority). */
  weight: number;
}

export interface AllocationSolution {
  places: PlanAllocation[];
  pool: PoolAllocation[];
  outcomes: DistrictOutcome[];
}

/** Values within this distance of a whole number are taken as that number. */
const WHOLE_TOLERANCE = 1e-6;

function clean(value: number, whole: boolean): number {
  // `+ 0` turns a solver's -0 into 0.
  if (whole && Math.abs(value - Math.round(value)) <= WHOLE_TOLERANCE) return Math.round(value) + 0;
  return Math.abs(value) < 1e-9 ? 0 : value;
}

export function readSolution(
  problem: AllocationProblem,
  built: AllocationModel,
  colValue: ArrayLike<number>,
): AllocationSolution {
  const whole = built.options.wholePlaces;
  const partnershipNames = new Map(problem.partnerships.map((p) => [p.code, p]));
  const districtNames = new Map(problem.districts.map((d) => [d.code, d.name]));
  const places: PlanAllocation[] = [];
  built.plans.forEach((plan, planIndex) => {
    const partnership = partnershipNames.get(plan.partnershipCode)!;
    const perPlace = placeYield(problem, plan);
    let previous = plan.lastYearAllocation;
    built.entryYears.forEach((year, yearIndex) => {
      const value = clean(colValue[built.placeColumns[planIndex]![yearIndex]!]!, whole);
      places.push({
        partnershipCode: plan.partnershipCode,
        partnershipName: partnership.name,
        subject: plan.subject,
        route: plan.route,
        entryYear: year,
        places: value,
        inRegionPlaces: value * partnership.inRegionShare,
        expectedNqts: value * perPlace,
        nqtYear: nqtYearOf(plan.route, year),
        previousPlaces: previous,
      });
      previous = value;
    });
  });
  const pool: PoolAllocation[] = [];
  for (const [subject, columns] of built.poolColumns) {
    built.entryYears.forEach((year, yearIndex) => {
      pool.push({ subject, entryYear: year, places: clean(colValue[columns[yearIndex]!]!, whole) });
    });
  }
  const outcomes: DistrictOutcome[] = built.balance.map((cell) => {
    const unmet = clean(colValue[cell.unmetColumn]!, false);
    const surplus = clean(colValue[cell.surplusColumn]!, false);
    return {
      districtCode: cell.districtCode,
      districtName: districtNames.get(cell.districtCode) ?? cell.districtCode,
      subject: cell.subject,
      nqtYear: cell.nqtYear,
      need: cell.need,
      supply: clean(cell.need - unmet + surplus, false),
      unmet,
      surplus,
      weight: cell.weight,
    };
  });
  return { places, pool, outcomes };
}
