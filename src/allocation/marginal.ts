/**
 * What relaxing a rule by one unit is worth, in the units it is worth it in. The LP dual is
 * the change in the plan's whole cost, which mixes weighted unmet need with penalties (change
 * from last year, surplus, fairness, the tie-break cost of a place), so it is only used to
 * pick the rules that matter. For each of those the LP is planned again with the rule relaxed
 * by one unit (warm-started from the optimal basis, a few simplex steps), and the difference
 * is split into weighted unmet need, unmet teachers and penalties, reported apart. A rule on
 * one plan also says what one of its places yields in NQTs, with the fill and conversion
 * factors behind it.
 */
import type { AcademicYear } from '../data/academic-year.ts';
import type { SolveResult, SolverEngine } from '../solver/engine.ts';
import { objectiveValue, type LinearModel } from '../solver/model.ts';
import type { AllocationModel, ConstraintFamily, ConstraintInfo } from './build.ts';
import { familyEntry } from './constraint-families.ts';
import { hasDuals, improvementPerUnit, MARGINAL_FAMILIES } from './explain.ts';
import type { AllocationPlan, AllocationProblem } from './problem.ts';
import { expectedFill, findConversionRate, nqtYearOf, planConversion, planKey } from './rules.ts';
import { formatNumber, nameLookup, percentText, type NameLookup } from './words.ts';

export interface DistrictEffect {
  districtCode: string;
  districtName: string;
  /** Expected NQTs one place sends to the district. */
  nqts: number;
}

/** What one place of a plan yields: expected NQTs and the factors behind them. */
export interface PlaceYield {
  fill: number;
  /** Completion and employment rates, or null when the plan has its own conversion rate. */
  completion: number | null;
  employment: number | null;
  conversion: number;
  /** fill x conversion. */
  nqtsPerPlace: number;
  nqtYear: AcademicYear;
  /** NQTs per place in districts where need is left unmet, largest first. */
  whereUnmet: DistrictEffect[];
}

export interface MarginalValue {
  id: string;
  family: ConstraintFamily;
  text: string;
  /** The LP dual: improvement of the plan's cost per unit relaxed (need and penalties). */
  objective: number;
  /** Cut in weighted unmet need (teachers x weight) when planned again with one unit more. */
  weightedUnmetCut: number;
  /** Fewer unmet teachers (unweighted) in that plan. */
  unmetTeachersCut: number;
  /** Change in penalties (surplus, change, fairness, place cost) in that plan. */
  penaltyChange: number;
  place: PlaceYield | null;
}

interface Costs {
  total: number;
  weightedUnmet: number;
  unmetTeachers: number;
}

function costsOf(lp: AllocationModel, colValue: ArrayLike<number>): Costs {
  let weightedUnmet = 0;
  let unmetTeachers = 0;
  for (const cell of lp.balance) {
    const unmet = colValue[cell.unmetColumn]!;
    weightedUnmet += lp.model.colCost[cell.unmetColumn]! * unmet;
    unmetTeachers += unmet;
  }
  return { total: objectiveValue(lp.model, colValue), weightedUnmet, unmetTeachers };
}

/** The LP with one rule relaxed by one unit (one more place, placement or fixed place). */
function relaxedModel(model: LinearModel, info: ConstraintInfo): LinearModel {
  if (info.bound) {
    const colUpper = Float64Array.from(model.colUpper);
    const column = info.bound.column;
    colUpper[column] = colUpper[column]! + 1;
    return { ...model, colUpper };
  }
  const row = info.rows[0]!;
  const rowLower = Float64Array.from(model.rowLower);
  const rowUpper = Float64Array.from(model.rowUpper);
  const lower = rowLower[row]!;
  const upper = rowUpper[row]!;
  if (info.family === 'fixed-places') {
    rowLower[row] = lower + 1;
    rowUpper[row] = upper + 1;
  } else if (Number.isFinite(upper)) rowUpper[row] = upper + 1;
  else rowLower[row] = lower - 1;
  return { ...model, rowLower, rowUpper };
}

function placeYield(
  problem: AllocationProblem,
  plan: AllocationPlan,
  entryYear: AcademicYear,
  unmetByCell: ReadonlyMap<string, number>,
  names: NameLookup,
): PlaceYield {
  const rate =
    plan.conversionRate === null
      ? findConversionRate(problem.conversionRates, plan.route, plan.subject)
      : null;
  const fill = expectedFill(problem, plan);
  const conversion = planConversion(problem, plan);
  const nqtYear = nqtYearOf(plan.route, entryYear);
  const footprint =
    problem.partnerships.find((p) => p.code === plan.partnershipCode)?.employmentFootprint ?? {};
  const whereUnmet = Object.entries(footprint)
    .filter(
      ([code, share]) =>
        share > 0 && (unmetByCell.get(`${code}|${plan.subject}|${nqtYear}`) ?? 0) > 1e-6,
    )
    .map(([code, share]) => ({
      districtCode: code,
      districtName: names.district(code),
      nqts: fill * conversion * share,
    }))
    .sort((a, b) => b.nqts - a.nqts);
  return {
    fill,
    completion: rate?.completionRate ?? null,
    employment: rate?.employmentRate ?? null,
    conversion,
    nqtsPerPlace: fill * conversion,
    nqtYear,
    whereUnmet,
  };
}

/** "weighted unmet need would fall by 0.45 (0.30 fewer unmet teachers)" and the like. */
function effectText(value: Omit<MarginalValue, 'text'>): string {
  const tiny = (amount: number) => Math.abs(amount) < 5e-3;
  const teachers = `${formatNumber(Math.abs(value.unmetTeachersCut))} ${value.unmetTeachersCut >= 0 ? 'fewer' : 'more'} unmet teachers`;
  const need = tiny(value.weightedUnmetCut)
    ? `weighted unmet need would not change${tiny(value.unmetTeachersCut) ? '' : ` (${teachers}, where unmet need carries no weight)`}`
    : `weighted unmet need would ${value.weightedUnmetCut > 0 ? 'fall' : 'rise'} by ${formatNumber(Math.abs(value.weightedUnmetCut))} (${teachers})`;
  const penalties = tiny(value.penaltyChange)
    ? 'penalties would not change'
    : `penalties would ${value.penaltyChange > 0 ? 'rise' : 'fall'} by ${formatNumber(Math.abs(value.penaltyChange))}`;
  return `${need}, and ${penalties}`;
}

function describe(value: Omit<MarginalValue, 'text'>, lead: string): string {
  let text = `${lead}: planned again with it, ${effectText(value)}.`;
  const place = value.place;
  if (place) {
    const factors =
      place.completion !== null && place.employment !== null
        ? `fill ${percentText(place.fill)} × completion ${percentText(place.completion)} × employment ${percentText(place.employment)}`
        : `fill ${percentText(place.fill)} × the plan's own conversion ${percentText(place.conversion)}`;
    const where =
      place.whereUnmet.length > 0
        ? `, of which ${place.whereUnmet
            .slice(0, 3)
            .map((d) => `${formatNumber(d.nqts)} in ${d.districtName}`)
            .join(', ')}, where need is unmet`
        : ', none of them where need is left unmet';
    text += ` One place there is expected to give ${formatNumber(place.nqtsPerPlace)} NQTs in ${place.nqtYear} (${factors})${where}.`;
  }
  return text;
}

/**
 * Marginal values of the rules whose dual matters most (at most `limit`), each planned again
 * with the rule relaxed by one unit. Uses the engine's warm slot of the LP, so each is a
 * re-solve from the optimal basis.
 */
export function marginalValues(
  problem: AllocationProblem,
  lp: AllocationModel,
  lpResult: SolveResult,
  engine: SolverEngine,
  options: { limit: number; warmSlot: string; timeLimitSeconds: number },
): MarginalValue[] {
  if (!hasDuals(lp, lpResult) || !lpResult.hasSolution || options.limit <= 0) return [];
  const names = nameLookup(problem);
  const base = costsOf(lp, lpResult.colValue);
  const unmetByCell = new Map(
    lp.balance.map((cell) => [
      `${cell.districtCode}|${cell.subject}|${cell.nqtYear}`,
      lpResult.colValue[cell.unmetColumn]!,
    ]),
  );
  const planByKey = new Map(lp.plans.map((plan) => [planKey(plan), plan]));
  const candidates = lp.constraints
    .filter((info) => MARGINAL_FAMILIES.includes(info.family))
    .map((info) => ({ info, objective: improvementPerUnit(info, lp, lpResult) }))
    .filter(({ objective }) => Math.abs(objective) >= 1e-6)
    .sort((a, b) => b.objective - a.objective)
    .slice(0, options.limit);
  const values: MarginalValue[] = [];
  for (const { info, objective } of candidates) {
    const solved = engine.solve(relaxedModel(lp.model, info), {
      timeLimitSeconds: options.timeLimitSeconds,
      lpMethod: 'simplex',
      warmSlot: options.warmSlot,
    });
    if (solved.status !== 'optimal' || !solved.hasSolution) continue;
    const after = costsOf(lp, solved.colValue);
    const plan = planByKey.get(`${info.partnershipCode}|${info.subject}|${info.route}`);
    const onePlace =
      plan && info.entryYear !== null && info.family !== 'stability-decrease'
        ? placeYield(problem, plan, info.entryYear, unmetByCell, names)
        : null;
    const weightedUnmetCut = base.weightedUnmet - after.weightedUnmet;
    const value: Omit<MarginalValue, 'text'> = {
      id: info.id,
      family: info.family,
      objective,
      weightedUnmetCut,
      unmetTeachersCut: base.unmetTeachers - after.unmetTeachers,
      penaltyChange: after.total - after.weightedUnmet - (base.total - base.weightedUnmet),
      place: onePlace,
    };
    values.push({
      ...value,
      text: describe(value, familyEntry(info.family).relaxation!(info, names)),
    });
  }
  // The slot keeps the last relaxed LP: the next re-solve after an edit goes in as changes to
  // it like any other.
  return values;
}
