/**
 * Explanations of a result: which rules bind, and what one more place would be worth where
 * it matters (duals of the LP relaxation), in sentences a manager understands.
 */
import { rowActivities } from '../solver/model.ts';
import type { SolveResult } from '../solver/engine.ts';
import {
  constraintText,
  type AllocationModel,
  type ConstraintFamily,
  type ConstraintInfo,
} from './build.ts';
import { CONSTRAINT_FAMILIES, familyEntry } from './constraint-families.ts';
import type { AllocationProblem } from './problem.ts';
import { nqtYearOf, placeYield, planKey } from './rules.ts';
import { formatNumber, nameLookup, type NameLookup } from './words.ts';

export interface BindingConstraint {
  id: string;
  family: ConstraintFamily;
  text: string;
  limit: number;
  /** Change in the LP relaxation's objective per unit the rule is relaxed (null if not in it). */
  marginalValue: number | null;
}

export interface DistrictEffect {
  districtCode: string;
  districtName: string;
  /** Extra NQTs one more place would send to the district, where its need is unmet. */
  nqts: number;
}

export interface MarginalValue {
  id: string;
  family: ConstraintFamily;
  /** Cut in weighted unmet need (the objective, teachers x weight) per unit relaxed. */
  value: number;
  text: string;
  districts: DistrictEffect[];
}

/** Families with a marginal value: those the registry says what relaxing by one means. */
const MARGINAL_FAMILIES: readonly ConstraintFamily[] = CONSTRAINT_FAMILIES.filter(
  (entry) => entry.relaxation !== null,
).map((entry) => entry.family);

/** Families reported when they bind: the rules a manager sets. */
const REPORTED_FAMILIES: readonly ConstraintFamily[] = CONSTRAINT_FAMILIES.filter(
  (entry) => entry.policy,
).map((entry) => entry.family);

/**
 * Improvement of the objective (a cut in weighted unmet need) when the rule's limit is
 * relaxed by one unit. HiGHS duals are d objective / d bound, for rows and for column bounds
 * alike; relaxing an upper limit raises it, relaxing a lower limit lowers it.
 */
function improvementPerUnit(
  info: ConstraintInfo,
  lp: AllocationModel,
  lpResult: SolveResult,
): number {
  // A rule held as a bound is its column's upper bound. The column's dual is its reduced
  // cost, which belongs to the upper bound only when negative (at the lower bound it is >= 0).
  if (info.bound) return Math.max(0, -lpResult.colDual[info.bound.column]!);
  const row = info.rows[0]!;
  const dual = lpResult.rowDual[row]!;
  const upperFinite = Number.isFinite(lp.model.rowUpper[row]!);
  const lowerFinite = Number.isFinite(lp.model.rowLower[row]!);
  if (info.family === 'fixed-places') return -dual; // one more fixed place
  if (upperFinite && !lowerFinite) return -dual;
  return dual;
}

/** True when the LP result carries a dual for every row and column of the model. */
function hasDuals(lp: AllocationModel, lpResult: SolveResult): boolean {
  return (
    lpResult.rowDual.length === lp.model.rowNames.length &&
    lpResult.colDual.length === lp.model.colNames.length
  );
}

/**
 * Rules at their limit in the final plan. A minimum cohort binds when a plan runs at exactly
 * its minimum; other rules when their figure equals the limit.
 */
export function bindingConstraints(
  final: AllocationModel,
  colValue: ArrayLike<number>,
  lp: AllocationModel | null,
  lpResult: SolveResult | null,
  names: NameLookup,
): BindingConstraint[] {
  const activity = rowActivities(final.model, colValue);
  const lpDuals = new Map<string, number>();
  if (lp && lpResult && hasDuals(lp, lpResult)) {
    for (const info of lp.constraints) {
      if (!MARGINAL_FAMILIES.includes(info.family)) continue;
      lpDuals.set(info.id, improvementPerUnit(info, lp, lpResult));
    }
  }
  // Relative to the limit itself: an infinite other side must not widen it to everything.
  const tolerance = (limit: number) => 1e-6 * Math.max(1, Math.abs(limit));
  const planIndexByKey = new Map(final.plans.map((plan, index) => [planKey(plan), index]));
  const binding: BindingConstraint[] = [];
  for (const info of final.constraints) {
    if (!REPORTED_FAMILIES.includes(info.family)) continue;
    let atLimit: boolean;
    if (info.family === 'minimum-cohort') {
      const minimumRow = info.rows[0]!;
      const planIndex =
        planIndexByKey.get(`${info.partnershipCode}|${info.subject}|${info.route}`) ?? -1;
      const yearIndex = info.entryYear === null ? -1 : final.entryYears.indexOf(info.entryYear);
      const places =
        planIndex >= 0 && yearIndex >= 0
          ? colValue[final.placeColumns[planIndex]![yearIndex]!]!
          : 0;
      atLimit = places > 0.5 && Math.abs(activity[minimumRow]!) < 1e-6;
    } else if (info.bound) {
      // The plan's change against its band; increase and decrease are never both positive
      // at an optimum, but a time-limited MILP plan is not an optimum.
      const { column, partner } = info.bound;
      const limit = final.model.colUpper[column]!;
      atLimit = colValue[column]! - colValue[partner]! >= limit - tolerance(limit);
    } else {
      const row = info.rows[0]!;
      if (final.model.rowLower[row] === final.model.rowUpper[row]) {
        // An equality (fixed places) always holds; it binds only if it is in the way.
        atLimit = Math.abs(lpDuals.get(info.id) ?? 0) > 1e-9;
      } else {
        // Any of the rule's rows at a finite side (a pool share can bind at its floor or cap).
        atLimit = info.rows.some((each) => {
          const lower = final.model.rowLower[each]!;
          const upper = final.model.rowUpper[each]!;
          return (
            (Number.isFinite(upper) && Math.abs(activity[each]! - upper) <= tolerance(upper)) ||
            (Number.isFinite(lower) && Math.abs(activity[each]! - lower) <= tolerance(lower))
          );
        });
      }
    }
    if (atLimit) {
      binding.push({
        id: info.id,
        family: info.family,
        text: constraintText(info, names),
        limit: info.limit,
        marginalValue: lpDuals.get(info.id) ?? null,
      });
    }
  }
  return binding.sort((a, b) => Math.abs(b.marginalValue ?? 0) - Math.abs(a.marginalValue ?? 0));
}

/** Marginal values from the LP relaxation's duals, largest first, only where they matter. */
export function marginalValues(
  problem: AllocationProblem,
  lp: AllocationModel,
  lpResult: SolveResult,
  limit = 25,
): MarginalValue[] {
  if (!hasDuals(lp, lpResult) || !lpResult.hasSolution) return [];
  const names = nameLookup(problem);
  const partnerships = new Map(problem.partnerships.map((p) => [p.code, p]));
  const unmetByCell = new Map<string, number>();
  for (const cell of lp.balance) {
    unmetByCell.set(
      `${cell.districtCode}|${cell.subject}|${cell.nqtYear}`,
      lpResult.colValue[cell.unmetColumn]!,
    );
  }
  const planIndexByKey = new Map(lp.plans.map((plan, index) => [planKey(plan), index]));
  const values: MarginalValue[] = [];
  for (const info of lp.constraints) {
    if (!MARGINAL_FAMILIES.includes(info.family)) continue;
    const value = improvementPerUnit(info, lp, lpResult);
    if (Math.abs(value) < 1e-6) continue;
    const amount = formatNumber(Math.abs(value));
    const direction = value > 0 ? 'cut' : 'raise';
    const effect = `would ${direction} weighted unmet need by ${amount} teachers`;
    const plan =
      lp.plans[planIndexByKey.get(`${info.partnershipCode}|${info.subject}|${info.route}`) ?? -1];
    const districts: DistrictEffect[] = [];
    let where = '';
    if (plan && info.entryYear !== null && info.family !== 'stability-decrease') {
      const perPlace = placeYield(problem, plan);
      const nqtYear = nqtYearOf(plan.route, info.entryYear);
      const footprint = partnerships.get(plan.partnershipCode)?.employmentFootprint ?? {};
      for (const [districtCode, share] of Object.entries(footprint)) {
        const unmet = unmetByCell.get(`${districtCode}|${plan.subject}|${nqtYear}`) ?? 0;
        if (unmet > 1e-6 && share > 0) {
          districts.push({
            districtCode,
            districtName: names.district(districtCode),
            nqts: perPlace * share,
          });
        }
      }
      districts.sort((a, b) => b.nqts - a.nqts);
      if (districts.length > 0) {
        where = `: ${districts
          .slice(0, 3)
          .map((d) => `${formatNumber(d.nqts)} more NQTs in ${d.districtName}`)
          .join(', ')} in ${nqtYear}, where need is unmet`;
      }
    }
    const text = `${familyEntry(info.family).relaxation!(info, names)} ${effect}${where}.`;
    values.push({ id: info.id, family: info.family, value, text, districts });
  }
  return values.sort((a, b) => Math.abs(b.value) - Math.abs(a.value)).slice(0, limit);
}
