/**
 * The allocation run: validate, solve the LP (interior point), then the MILP (whole places,
 * minimum cohorts) with a relative gap and a time limit, check the result independently,
 * explain it, and diagnose infeasibility. It always returns a result that says what happened;
 * it never returns nothing and never runs past its time limit by more than one solve's
 * overhead.
 */
import type { SolveResult, SolverEngine } from '../solver/engine.ts';
import { checkModelSolution } from '../solver/check-model.ts';
import { modelSize, type ModelSize } from '../solver/model.ts';
import { buildAllocationModel, type AllocationModel } from './build.ts';
import { checkAllocation, type CheckReport, type CheckViolation } from './check.ts';
import { diagnoseInfeasibility, type InfeasibilityDiagnosis } from './diagnose.ts';
import {
  bindingConstraints,
  marginalValues,
  type BindingConstraint,
  type MarginalValue,
} from './explain.ts';
import type { AllocationProblem } from './problem.ts';
import { readSolution, type AllocationSolution } from './solution.ts';
import { missingNeedText, summariseMissingNeed, type MissingNeed } from './need-coverage.ts';
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
  /** Relative MIP gap at which the search stops, shown to the user. */
  relativeGap: number;
  lpMethod: 'ipm' | 'simplex' | 'choose';
  /** Time budget for the infeasibility diagnosis. */
  diagnosisSeconds: number;
}

export const DEFAULT_ALLOCATION_OPTIONS: AllocationOptions = {
  wholePlaces: true,
  minimumCohorts: true,
  timeLimitSeconds: 20,
  relativeGap: 1e-3,
  lpMethod: 'ipm',
  diagnosisSeconds: 20,
};

export type AllocationStatus =
  /** Optimal (the MILP within its relative gap). */
  | 'optimal'
  /** The time limit stopped the MILP; the best plan found is shown with its gap. */
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
  /** Objective of the shown plan (recomputed from its tables). */
  objective: number | null;
  /** LP relaxation objective: no plan can do better. */
  lpObjective: number | null;
  mipGap: number | null;
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

export function allocate(
  problem: AllocationProblem,
  engine: SolverEngine,
  overrides: Partial<AllocationOptions> = {},
): AllocationResult {
  const options = { ...DEFAULT_ALLOCATION_OPTIONS, ...overrides };
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const timing: StageTiming = {
    buildSeconds: 0,
    lpSeconds: 0,
    milpSeconds: 0,
    checkSeconds: 0,
    totalSeconds: 0,
  };
  const empty: AllocationResult = {
    status: 'invalid-input',
    message: '',
    solution: null,
    objective: null,
    lpObjective: null,
    mipGap: null,
    binding: [],
    marginalValues: [],
    diagnosis: null,
    check: null,
    issues: [],
    unreachableNeed: 0,
    missingNeed: [],
    modelSize: null,
    timing,
    options,
  };
  const finish = (result: AllocationResult): AllocationResult => {
    timing.totalSeconds = elapsed();
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
  const base = {
    ...empty,
    unreachableNeed: lp.unreachableNeed,
    missingNeed: summariseMissingNeed(problem, lp.missingNeed),
    modelSize: modelSize((milp ?? lp).model),
  };

  const lpResult = engine.solve(lp.model, {
    timeLimitSeconds: Math.max(0.1, options.timeLimitSeconds - elapsed()),
    lpMethod: options.lpMethod,
  });
  timing.lpSeconds = lpResult.seconds;

  const diagnose = (asInteger: boolean): AllocationResult => {
    const diagnosis = diagnoseInfeasibility(problem, engine, {
      wholePlaces: asInteger && options.wholePlaces,
      minimumCohorts: asInteger && options.minimumCohorts,
      timeLimitSeconds: options.diagnosisSeconds,
    });
    return finish({ ...base, status: 'infeasible', message: diagnosis.summary, diagnosis });
  };

  if (lpResult.status === 'infeasible') return diagnose(false);
  if (lpResult.status === 'error' || lpResult.status === 'unbounded') {
    return finish({
      ...base,
      status: 'failed',
      message: `The solver could not solve the allocation: ${lpResult.detail}.`,
    });
  }
  const lpUsable = lpResult.status === 'optimal' && lpResult.hasSolution;

  let final: { built: AllocationModel; result: SolveResult } | null = lpUsable
    ? { built: lp, result: lpResult }
    : null;
  let status: AllocationStatus = 'optimal';
  const notes: string[] = [];
  if (milp) {
    const start = lpUsable ? roundedStart(problem, milp, lp, lpResult.colValue) : null;
    const milpResult = engine.solve(milp.model, {
      timeLimitSeconds: Math.max(0.5, options.timeLimitSeconds - elapsed()),
      relativeGap: options.relativeGap,
      ...(start ? { start } : {}),
    });
    timing.milpSeconds = milpResult.seconds;
    if (milpResult.status === 'infeasible') return diagnose(true);
    if (milpResult.hasSolution) {
      final = { built: milp, result: milpResult };
      if (milpResult.status === 'time-limit') {
        status = 'time-limit';
        notes.push(
          `The time limit of ${formatNumber(options.timeLimitSeconds)} s stopped the search: this is the best whole-place plan found, within ${formatNumber((milpResult.mipGap ?? 0) * 100)}% of the best possible (the target was ${formatNumber(options.relativeGap * 100)}%).`,
        );
      }
    } else if (lpUsable) {
      status = 'fractional';
      notes.push(
        `No whole-place plan with minimum cohorts was found within ${formatNumber(options.timeLimitSeconds)} s (${milpResult.detail}). The plan shown is the linear programme's, with fractional places and minimum cohorts not enforced: allow more time to get whole places.`,
      );
    }
  }
  if (!final) {
    return finish({
      ...base,
      status: 'failed',
      message: `No plan was found within ${formatNumber(options.timeLimitSeconds)} s (${lpResult.detail}). Allow more time.`,
    });
  }

  mark = performance.now();
  const solution = readSolution(problem, final.built, final.result.colValue);
  const finalIsInteger = final.built === milp;
  const check = checkAllocation(problem, solution, {
    wholePlaces: finalIsInteger && options.wholePlaces,
    minimumCohorts: finalIsInteger && options.minimumCohorts,
    reportedObjective: final.result.objective,
  });
  const modelViolations = checkModelSolution(final.built.model, final.result.colValue, {
    integer: finalIsInteger,
    reportedObjective: final.result.objective,
  });
  for (const violation of modelViolations) {
    check.violations.push({
      rule: `model ${violation.kind}`,
      text: violation.message,
      amount: violation.amount,
    } satisfies CheckViolation);
  }
  check.ok = check.violations.length === 0;
  timing.checkSeconds = (performance.now() - mark) / 1000;

  const lpForExplaining = lpUsable ? lpResult : null;
  const result: AllocationResult = {
    ...base,
    status: check.ok ? status : 'failed',
    message: '',
    solution,
    objective: check.objective.total,
    lpObjective: lpUsable ? lpResult.objective : null,
    mipGap: finalIsInteger ? final.result.mipGap : null,
    binding: bindingConstraints(
      final.built,
      final.result.colValue,
      lp,
      lpForExplaining,
      nameLookup(problem),
    ),
    marginalValues: lpForExplaining ? marginalValues(problem, lp, lpForExplaining) : [],
    check,
  };
  if (!check.ok) {
    const worst = [...check.violations].sort((a, b) => b.amount - a.amount)[0]!;
    result.message = `The solver's answer failed the independent check (${check.violations.length} rule${check.violations.length === 1 ? '' : 's'} broken, worst: ${worst.text}), so it is not shown as a valid plan.`;
  } else {
    const unmet = solution.outcomes.reduce((sum, o) => sum + o.unmet, 0);
    const places = solution.places.reduce((sum, p) => sum + p.places, 0);
    notes.unshift(
      `${status === 'optimal' ? 'Optimal plan' : 'Plan'}: ${formatNumber(places)} places over ${problem.entryYears.length} entry years, leaving ${formatNumber(unmet)} teachers of need unmet. Checked against every rule.`,
    );
    const missing = missingNeedText(result.missingNeed);
    if (missing) notes.push(missing);
    result.message = notes.join(' ');
  }
  return finish(result);
}
