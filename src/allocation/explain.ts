/**
 * Which rules bind in a result, with the LP relaxation's dual of each: how much the plan's cost
 * (weighted unmet need and penalties) would improve per unit the rule is relaxed. What that
 * is in weighted unmet need and in NQTs is in marginal.ts.
 */
import type { AcademicYear } from '../data/academic-year.ts';
import type { SubjectGroup } from '../data/types.ts';
import { rowActivities } from '../solver/model.ts';
import type { SolveResult } from '../solver/engine.ts';
import {
  constraintText,
  type AllocationModel,
  type ConstraintFamily,
  type ConstraintInfo,
} from './build.ts';
import { CONSTRAINT_FAMILIES } from './constraint-families.ts';
import { planKey } from './rules.ts';
import type { NameLookup } from './words.ts';

export interface BindingConstraint {
  id: string;
  family: ConstraintFamily;
  text: string;
  limit: number;
  partnershipCode: string | null;
  subject: SubjectGroup | null;
  entryYear: AcademicYear | null;
  /**
   * Improvement of the LP relaxation's cost (weighted unmet need and penalties) per unit the
   * rule is relaxed; null when the rule is not in the LP.
   */
  marginalValue: number | null;
}

/** Families with a marginal value: those the registry says what relaxing by one means. */
export const MARGINAL_FAMILIES: readonly ConstraintFamily[] = CONSTRAINT_FAMILIES.filter(
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
export function improvementPerUnit(
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
export function hasDuals(lp: AllocationModel, lpResult: SolveResult): boolean {
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
        partnershipCode: info.partnershipCode,
        subject: info.subject,
        entryYear: info.entryYear,
        marginalValue: lpDuals.get(info.id) ?? null,
      });
    }
  }
  return binding.sort((a, b) => Math.abs(b.marginalValue ?? 0) - Math.abs(a.marginalValue ?? 0));
}
