/**
 * The allocation run: validate, solve the LP, round its plan to whole places, and search for a
 * better whole-place plan (MILP) only while the rounded one is further from the best possible
 * than the gap asked for; then check the result independently, explain it, or diagnose
 * infeasibility. It always returns a result that says what happened; it never throws for a
 * solver's failure and never runs past its limits by more than one solve's overhead.
 */
import { checkModelSolution } from '../solver/check-model.ts';
import type { SolveResult, SolverEngine } from '../solver/engine.ts';
import { modelSize, objectiveValue, type ModelSize } from '../solver/model.ts';
import { buildAllocationModel, type AllocationModel } from './build.ts';
import { checkAllocation, type CheckReport } from './check.ts';
import { diagnoseInfeasibility, type InfeasibilityDiagnosis } from './diagnose.ts';
import { partnershipChanges, type ChangeReport } from './changes.ts';
import { bindingConstraints, type BindingConstraint } from './explain.ts';
import { marginalValues, type MarginalValue } from './marginal.ts';
import { gapAgainstBestBound, gapText, type GapReport } from './gap.ts';
import { missingNeedText, summariseMissingNeed, type MissingNeed } from './need-coverage.ts';
import type { AllocationProblem } from './problem.ts';
import { readSolution, type AllocationSolution } from './solution.ts';
import { roundedStart } from './start.ts';
import { validateProblem, type ProblemIssue } from './validate.ts';
import { formatNumber, nameLookup } from './words.ts';

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
 * Re-solves while a manager edits: a target of 1%, a quarter of a second of search at most
 * beyond the LP (re-solved from its last basis) and its rounded plan. The result says how far
 * the plan may be from the best; the final run closes the gap to 0.1%.
 */
export const INTERACTIVE_ALLOCATION_OPTIONS: Partial<AllocationOptions> = {
  relativeGap: 1e-2,
  searchSeconds: 0.25,
};

export type AllocationStatus =
  /** Within the relative gap asked for of the best possible plan. */
  | 'optimal'
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
  buildSeconds: number;
  lpSeconds: number;
  milpSeconds: number;
  checkSeconds: number;
  totalSeconds: number;
}

export interface AllocationResult {
  status: AllocationStatus;
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
    timing: { buildSeconds: 0, lpSeconds: 0, milpSeconds: 0, checkSeconds: 0, totalSeconds: 0 },
    options,
  };
}

/** The rounded LP plan as a solve result, when it is already close enough to the bound. */
function startAsResult(built: AllocationModel, start: Float64Array): SolveResult {
  return {
    engine: 'LP rounded to whole places',
    status: 'optimal',
    hasSolution: true,
    detail: 'Rounded plan within the gap',
    objective: objectiveValue(built.model, start),
    colValue: start,
    rowValue: new Float64Array(0),
    rowDual: new Float64Array(0),
    colDual: new Float64Array(0),
    mipGap: null,
    mipBound: null,
    integer: true,
    seconds: 0,
  };
}

export function allocate(
  problem: AllocationProblem,
  engine: SolverEngine,
  overrides: Partial<AllocationOptions> = {},
): AllocationResult {
  const options = { ...DEFAULT_ALLOCATION_OPTIONS, ...overrides };
  const started = performance.now();
  const empty = emptyResult('invalid-input', '', options);
  const { timing } = empty;
  const finish = (result: AllocationResult): AllocationResult => {
    timing.totalSeconds = (performance.now() - started) / 1000;
    return result;
  };
  const issues = validateProblem(problem);
  if (issues.length > 0) {
    return finish({
      ...empty,
      issues,
      message: `The allocation input has ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was solved. ${issues[0]!.message}`,
    });
  }
  try {
    return finish(solveValidProblem(problem, engine, options, empty, started));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return finish({ ...empty, status: 'failed', message: `The solve failed: ${reason}.` });
  }
}

function solveValidProblem(
  problem: AllocationProblem,
  engine: SolverEngine,
  options: AllocationOptions,
  empty: AllocationResult,
  started: number,
): AllocationResult {
  const { timing } = empty;
  const remaining = (floor: number) =>
    Math.max(floor, options.timeLimitSeconds - (performance.now() - started) / 1000);
  const integer = options.wholePlaces || options.minimumCohorts;
  let mark = performance.now();
  const lp = buildAllocationModel(problem, { wholePlaces: false, minimumCohorts: false });
  const milp = integer
    ? buildAllocationModel(problem, {
        wholePlaces: options.wholePlaces,
        minimumCohorts: options.minimumCohorts,
      })
    : null;
  timing.buildSeconds = (performance.now() - mark) / 1000;
  const base: AllocationResult = {
    ...empty,
    unreachableNeed: lp.unreachableNeed,
    missingNeed: summariseMissingNeed(problem, lp.missingNeed),
    modelSize: modelSize((milp ?? lp).model),
  };

  // The LP is the floor of everything after it: it gets the whole time limit if it needs it.
  const lpResult = engine.solve(lp.model, {
    timeLimitSeconds: remaining(0.1),
    lpMethod: options.lpMethod,
    warmSlot: LP_SLOT,
  });
  timing.lpSeconds = lpResult.seconds;
  const diagnose = (asInteger: boolean): AllocationResult => {
    const diagnosis = diagnoseInfeasibility(problem, engine, {
      wholePlaces: asInteger && options.wholePlaces,
      minimumCohorts: asInteger && options.minimumCohorts,
      timeLimitSeconds: options.diagnosisSeconds,
    });
    return { ...base, status: 'infeasible', message: diagnosis.summary, diagnosis };
  };
  if (lpResult.status === 'infeasible') return diagnose(false);
  if (lpResult.status === 'error' || lpResult.status === 'unbounded') {
    return {
      ...base,
      status: 'failed',
      message: `The solver could not solve the allocation: ${lpResult.detail}.`,
    };
  }
  const lpUsable = lpResult.status === 'optimal' && lpResult.hasSolution;
  const lpBound = lpUsable ? lpResult.objective : null;

  let final: { built: AllocationModel; result: SolveResult } | null = lpUsable
    ? { built: lp, result: lpResult }
    : null;
  let status: AllocationStatus = 'optimal';
  let searchStopped = '';
  if (milp) {
    const start = lpUsable ? roundedStart(problem, milp, lp, lpResult.colValue) : null;
    const startGap =
      start && lpBound !== null
        ? gapAgainstBestBound(objectiveValue(milp.model, start), lpBound, null)
        : null;
    if (start && startGap && startGap.relative <= options.relativeGap) {
      // The rounded plan is already within the gap of the LP bound: no search needed.
      final = { built: milp, result: startAsResult(milp, start) };
    } else {
      const left = remaining(0.5);
      const milpResult = engine.solve(milp.model, {
        timeLimitSeconds:
          options.searchSeconds === null ? left : Math.min(left, options.searchSeconds),
        relativeGap: options.relativeGap,
        ...(options.nodeLimit !== null ? { nodeLimit: options.nodeLimit } : {}),
        ...(start ? { start } : {}),
      });
      timing.milpSeconds = milpResult.seconds;
      if (milpResult.status === 'infeasible') return diagnose(true);
      if (milpResult.hasSolution) {
        final = { built: milp, result: milpResult };
        if (milpResult.status === 'time-limit') {
          status = 'time-limit';
          searchStopped = milpResult.detail;
        }
      } else if (lpUsable) {
        status = 'fractional';
      }
    }
  }
  if (!final) {
    return {
      ...base,
      status: 'failed',
      message: `No plan was found within ${formatNumber(options.timeLimitSeconds)} s (${lpResult.detail}). Allow more time.`,
    };
  }

  mark = performance.now();
  const solution = readSolution(problem, final.built, final.result.colValue);
  const finalIsInteger = final.built === milp;
  const check = checkAllocation(problem, solution, {
    wholePlaces: finalIsInteger && options.wholePlaces,
    minimumCohorts: finalIsInteger && options.minimumCohorts,
    reportedObjective: final.result.objective,
  });
  for (const violation of checkModelSolution(final.built.model, final.result.colValue, {
    integer: finalIsInteger,
    reportedObjective: final.result.objective,
  })) {
    check.violations.push({
      rule: `model ${violation.kind}`,
      text: violation.message,
      amount: violation.amount,
    });
  }
  check.ok = check.violations.length === 0;
  timing.checkSeconds = (performance.now() - mark) / 1000;

  const lpForExplaining = lpUsable ? lpResult : null;
  const names = nameLookup(problem);
  const gap = gapAgainstBestBound(check.objective.total, lpBound, final.result.mipBound);
  const binding = bindingConstraints(
    final.built,
    final.result.colValue,
    lp,
    lpForExplaining,
    names,
  );
  const result: AllocationResult = {
    ...base,
    status: check.ok ? status : 'failed',
    solution,
    objective: check.objective.total,
    lpObjective: lpBound,
    gap,
    changes: partnershipChanges(problem, final.built, final.result.colValue, solution, binding),
    binding,
    marginalValues: lpForExplaining
      ? marginalValues(problem, lp, lpForExplaining, engine, {
          limit: options.marginalValues,
          warmSlot: LP_SLOT,
          timeLimitSeconds: remaining(0.5),
        })
      : [],
    check,
  };
  result.message = check.ok
    ? verdictMessage(problem, result, options, searchStopped)
    : failedCheckMessage(check);
  return result;
}

function failedCheckMessage(check: CheckReport): string {
  const worst = [...check.violations].sort((a, b) => b.amount - a.amount)[0]!;
  const count = check.violations.length;
  return `The solver's answer failed the independent check (${count} rule${count === 1 ? '' : 's'} broken, worst: ${worst.text}), so it is not shown as a valid plan.`;
}

function verdictMessage(
  problem: AllocationProblem,
  result: AllocationResult,
  options: AllocationOptions,
  searchStopped: string,
): string {
  const solution = result.solution!;
  const unmet = solution.outcomes.reduce((sum, o) => sum + o.unmet, 0);
  const places = solution.places.reduce((sum, p) => sum + p.inRegionPlaces, 0);
  const years = problem.entryYears.length;
  const notes = [
    `${result.status === 'optimal' ? 'Plan' : 'Best plan found'}: ${formatNumber(places)} places in the region over ${years} entry year${years === 1 ? '' : 's'}, leaving ${formatNumber(unmet)} teachers of need unmet; ${result.gap ? gapText(result.gap) : 'no bound on the best possible is known'}. Checked against every rule.`,
  ];
  if (result.status === 'time-limit') {
    const limit =
      searchStopped !== 'Time limit reached'
        ? `A search limit (${searchStopped.toLowerCase()})`
        : options.searchSeconds !== null
          ? `The quick search's ${formatNumber(options.searchSeconds)} s`
          : `The time limit of ${formatNumber(options.timeLimitSeconds)} s`;
    const target = Number((options.relativeGap * 100).toPrecision(2));
    notes.push(
      `${limit} stopped the search before the plan was proved within ${target}% of the best possible.`,
    );
  }
  if (result.status === 'fractional') {
    notes.push(
      `No whole-place plan with minimum cohorts was found within ${formatNumber(options.timeLimitSeconds)} s. The plan shown is the linear programme's, with fractional places and minimum cohorts not enforced: allow more time to get whole places.`,
    );
  }
  const missing = missingNeedText(result.missingNeed);
  if (missing) notes.push(missing);
  return notes.join(' ');
}
