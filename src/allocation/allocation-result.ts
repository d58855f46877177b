/**
 * What an allocation run is asked (AllocationOptions) and what it returns (AllocationResult),
 * for both stages of a run (stages.ts) and for everything that shows or writes a result.
 */
import type { ModelSize } from '../solver/model.ts';
import type { CheckReport } from './check.ts';
import type { InfeasibilityDiagnosis } from './diagnose.ts';
import type { ChangeReport } from './changes.ts';
import type { BindingConstraint } from './explain.ts';
import type { MarginalValue } from './marginal.ts';
import type { GapReport } from './gap.ts';
import type { MissingNeed } from './need-coverage.ts';
import type { AllocationSolution } from './solution.ts';
import type { ProblemIssue } from './validate.ts';

export interface AllocationOptions {
  /** Whole places (integer x). */
  wholePlaces: boolean;
  /** x = 0 or x >= minimum cohort. */
  minimumCohorts: boolean;
  /** Time limit for the whole run (LP + MILP), shown to the user. */
  timeLimitSeconds: number;
  /**
   * Most seconds the search for a better whole-place plan may take when the rounded LP plan is
   * not yet within the gap, or null for all the time left. While a manager edits, a short
   * search keeps re-solves quick; the gap then says how far the plan may be from the best.
   */
  searchSeconds: number | null;
  /** The search stops once the plan is provably within this relative gap of the best. */
  relativeGap: number;
  /**
   * Branch-and-bound nodes the search may open, or null for no limit: a limit that stops the
   * search at the same point on every machine (tests, reproducible runs).
   */
  nodeLimit: number | null;
  lpMethod: 'ipm' | 'simplex' | 'choose';
  /** Time budget for the infeasibility diagnosis. */
  diagnosisSeconds: number;
  /** How many marginal values to work out (each an LP re-solve from the optimal basis). */
  marginalValues: number;
}

/** The engine's warm slot for the allocation LP: re-solves after an edit start from its basis. */
export const LP_SLOT = 'allocation-lp';

/** The final run: within 0.1% of the best possible. */
export const DEFAULT_ALLOCATION_OPTIONS: AllocationOptions = {
  wholePlaces: true,
  minimumCohorts: true,
  timeLimitSeconds: 20,
  searchSeconds: null,
  relativeGap: 1e-3,
  nodeLimit: null,
  lpMethod: 'simplex',
  diagnosisSeconds: 20,
  marginalValues: 10,
};

/**
 * Re-solves while a manager edits: a target of 1%, and in the refinement a quarter of a second
 * of search at most beyond the first verdict (the LP, re-solved from its last basis, and its
 * rounded plan). Each result says how far its plan may be from the best; the final run closes
 * the gap to 0.1%.
 */
export const INTERACTIVE_ALLOCATION_OPTIONS: Partial<AllocationOptions> = {
  relativeGap: 1e-2,
  searchSeconds: 0.25,
};

export type AllocationStatus =
  /** Within the relative gap asked for of the best possible plan. */
  | 'optimal'
  /**
   * A first verdict further from the best possible than the gap asked for: the LP plan rounded
   * to whole places and checked, shown with its gap while the search for a better one runs.
   */
  | 'provisional'
  /** A time or search limit stopped the MILP; the best plan found is shown with its gap. */
  | 'time-limit'
  /** No whole-place plan was found in time; the LP plan (fractional places) is shown. */
  | 'fractional'
  | 'infeasible'
  /** The input is invalid; nothing was solved. */
  | 'invalid-input'
  /** The solver failed or its answer did not pass the independent check. */
  | 'failed';

export interface StageTiming {
  /** From the start of the run to its first verdict (the LP and its rounded, checked plan). */
  firstVerdictSeconds: number;
  buildSeconds: number;
  lpSeconds: number;
  milpSeconds: number;
  checkSeconds: number;
  totalSeconds: number;
}

export interface AllocationResult {
  status: AllocationStatus;
  /**
   * False for a first verdict whose refinement is still to come: the search (unless the plan
   * is already within the gap), the marginal values, or the diagnosis of an infeasible input.
   */
  complete: boolean;
  /** What happened, in words (several sentences at most). */
  message: string;
  solution: AllocationSolution | null;
  /** Cost of the shown plan (recomputed from its tables by the checker). */
  objective: number | null;
  /** LP relaxation objective: no plan can cost less. */
  lpObjective: number | null;
  /** The shown plan against the better of the LP and search bounds; null without a plan. */
  gap: GapReport | null;
  /** Each partnership's change from last year and why; null without a plan. */
  changes: ChangeReport | null;
  binding: BindingConstraint[];
  marginalValues: MarginalValue[];
  diagnosis: InfeasibilityDiagnosis | null;
  check: CheckReport | null;
  issues: ProblemIssue[];
  /** Need outside the years and districts this allocation can reach (teachers). */
  unreachableNeed: number;
  /** Years the plan reaches where the need forecast has no figures (not read as zero). */
  missingNeed: MissingNeed[];
  modelSize: ModelSize | null;
  timing: StageTiming;
  options: AllocationOptions;
}

/** A result that says only what happened: no plan, nothing measured. */
export function emptyResult(
  status: AllocationStatus,
  message: string,
  options: AllocationOptions = DEFAULT_ALLOCATION_OPTIONS,
): AllocationResult {
  return {
    status,
    complete: true,
    message,
    solution: null,
    objective: null,
    lpObjective: null,
    gap: null,
    changes: null,
    binding: [],
    marginalValues: [],
    diagnosis: null,
    check: null,
    issues: [],
    unreachableNeed: 0,
    missingNeed: [],
    modelSize: null,
    timing: {
      firstVerdictSeconds: 0,
      buildSeconds: 0,
      lpSeconds: 0,
      milpSeconds: 0,
      checkSeconds: 0,
      totalSeconds: 0,
    },
    options,
  };
}

/** A result saying the solve failed, with its reason, keeping the timing so far. */
export function failedRun(from: AllocationResult, error: unknown): AllocationResult {
  const reason = error instanceof Error ? error.message : String(error);
  const failed = emptyResult('failed', `The solve failed: ${reason}.`, from.options);
  return { ...failed, timing: from.timing, issues: from.issues };
}
