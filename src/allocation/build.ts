/**
 * Builds the allocation LP/MILP of DESIGN section 2 from an AllocationProblem: the place
 * columns here, then every constraint family of the registry (constraint-families.ts) in
 * turn. Every row belongs to a named constraint (ConstraintInfo), so the checker, the binding
 * report and the infeasibility diagnosis can speak of it in words.
 *
 * Decision x[q,y]: places for plan q (partnership x subject x route) in entry year y. Each
 * place yields its expected NQTs `lag` years later, spread over districts by the
 * partnership's employment footprint.
 *
 *   minimise  sum w[a,s] unmet[a,s,t] + c_over sum surplus + lambda sum |x[q,y] - x[q,y-1]|
 *             + phi sum |x[q,y] - r[q] g[s,y]|    (fairness: equal relative change)
 *             + epsilon sum x                      (tie-break: no place that helps no one)
 */
import type { AcademicYear } from '../data/academic-year.ts';
import type { SubjectGroup } from '../data/types.ts';
import type { LinearModel } from '../solver/model.ts';
import {
  BuildContext,
  nameCode,
  yearCode,
  type BalanceCell,
  type BuildOptions,
  type ChangeColumns,
  type ConstraintInfo,
  type FairnessColumns,
  type MissingNeedCell,
} from './build-context.ts';
import { CONSTRAINT_FAMILIES } from './constraint-families.ts';
import type { AllocationPlan, AllocationProblem } from './problem.ts';

export type {
  BalanceCell,
  BuildOptions,
  ConstraintFamily,
  ConstraintInfo,
  MissingNeedCell,
} from './build-context.ts';
export { POLICY_FAMILIES, constraintText } from './constraint-families.ts';

export interface AllocationModel {
  model: LinearModel;
  constraints: ConstraintInfo[];
  /** Constraint index for each model row. */
  rowConstraint: Int32Array;
  plans: AllocationPlan[];
  entryYears: AcademicYear[];
  /** x[planIndex][yearIndex] -> column. */
  placeColumns: number[][];
  /** open[planIndex][yearIndex] -> binary column, or -1 when the plan needs no switch. */
  openColumns: number[][];
  /** Pool place columns by subject, one per entry year. */
  poolColumns: Map<SubjectGroup, number[]>;
  balance: BalanceCell[];
  /** Elastic slack columns by constraint id. */
  elasticColumns: Map<string, number[]>;
  changeColumns: ChangeColumns[];
  /** Common change factor g by subject, one column per entry year (fairness). */
  commonFactorColumns: Map<SubjectGroup, number[]>;
  fairnessColumns: FairnessColumns[];
  /** Need records outside the years or districts this allocation can reach (teachers). */
  unreachableNeed: number;
  /** Cells the plans reach where the need data has no figure (left out, not read as zero). */
  missingNeed: MissingNeedCell[];
  options: BuildOptions;
}

export function buildAllocationModel(
  problem: AllocationProblem,
  options: BuildOptions,
): AllocationModel {
  const context = new BuildContext(problem, options);
  const { builder } = context;
  const kind = options.wholePlaces ? 'integer' : 'continuous';
  const placeCost = context.cost(problem.costs.perPlace);
  // No column upper bound on x: its limits stay rows, so their duals (marginal values) and
  // names reach the report instead of vanishing into a bound.
  for (const { short } of context.facts) {
    context.placeColumns.push(
      context.entryYears.map((year) =>
        builder.addColumn(`x_${short}_${yearCode(year)}`, placeCost, 0, Infinity, kind),
      ),
    );
  }
  if (problem.pool && problem.pool.share > 0) {
    for (const subject of context.subjects) {
      if (!context.plans.some((plan) => plan.subject === subject)) continue;
      context.poolColumns.set(
        subject,
        context.entryYears.map((year) =>
          builder.addColumn(
            `pool_${nameCode(subject)}_${yearCode(year)}`,
            placeCost,
            0,
            Infinity,
            kind,
          ),
        ),
      );
    }
  }
  for (const family of CONSTRAINT_FAMILIES) family.build(context);

  return {
    model: builder.build(),
    constraints: context.constraints,
    rowConstraint: Int32Array.from(context.rowConstraint),
    plans: context.plans,
    entryYears: context.entryYears,
    placeColumns: context.placeColumns,
    openColumns: context.openColumns,
    poolColumns: context.poolColumns,
    balance: context.balance,
    elasticColumns: context.elasticColumns,
    changeColumns: context.changeColumns,
    commonFactorColumns: context.commonFactorColumns,
    fairnessColumns: context.fairnessColumns,
    unreachableNeed: context.unreachableNeed,
    missingNeed: context.missingNeed,
    options,
  };
}
