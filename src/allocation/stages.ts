/**
 * An allocation run in two stages, so a manager sees a verdict within milliseconds of an edit:
 *
 * 1. The first verdict (`firstVerdict`): the LP, re-solved from its last basis in the engine's
 *    warm slot, and its plan rounded to whole places and repaired (start.ts), checked against
 *    every model row and by the independent checker, with its gap against the LP bound. Within
 *    the gap asked for, it is the plan ('optimal'); otherwise it is shown as 'provisional'.
 * 2. The refinement (`refine`): the search for a better whole-place plan from the first one
 *    (MILP) when it is not within the gap, the independent check of the plan it finds, the
 *    binding rules, each partnership's change and the marginal values; or the diagnosis when
 *    no plan meets the rules. It is a generator that pauses between steps, so the solver
 *    worker can drop a refinement that a newer edit has made stale.
 */
import { checkModelSolution } from '../solver/check-model.ts';
import type { SolveResult, SolverEngine } from '../solver/engine.ts';
import { modelSize, objectiveValue } from '../solver/model.ts';
import {
  DEFAULT_ALLOCATION_OPTIONS,
  emptyResult,
  failedRun,
  LP_SLOT,
  type AllocationOptions,
  type AllocationResult,
  type AllocationStatus,
} from './allocation-result.ts';
import { buildAllocationModel, type AllocationModel } from './build.ts';
import { checkAllocation, type CheckReport } from './check.ts';
import { partnershipChanges } from './changes.ts';
import { diagnoseInfeasibility } from './diagnose.ts';
import { bindingConstraints } from './explain.ts';
import { gapAgainstBestBound } from './gap.ts';
import { marginalValues } from './marginal.ts';
import { summariseMissingNeed } from './need-coverage.ts';
import type { AllocationProblem } from './problem.ts';
import { readSolution, type AllocationSolution } from './solution.ts';
import { carriedStart, roundedStart } from './start.ts';
import { validateProblem } from './validate.ts';
import { failedCheckMessage, verdictMessage } from './verdict-words.ts';
import { formatNumber, nameLookup } from './words.ts';

/** A plan of one of the run's models, checked. */
interface CheckedPlan {
  built: AllocationModel;
  colValue: Float64Array;
  /** True for whole places (and cohorts, when asked for): the rounded or searched plan. */
  whole: boolean;
  /** The search's own bound, when the plan came from the search. */
  searchBound: number | null;
  solution: AllocationSolution;
  check: CheckReport;
}

/** What the refinement starts from; null parts when the first stage did not get that far. */
interface Pending {
  problem: AllocationProblem;
  options: AllocationOptions;
  started: number;
  lp: AllocationModel;
  lpResult: SolveResult;
  /** The LP's optimum, when it solved: the bound on every plan. */
  lpBound: number | null;
  /** The first verdict's checked plan, if it has one. */
  plan: CheckedPlan | null;
  /** The plan is within the gap: the refinement only explains it. */
  withinGap: boolean;
  infeasible: boolean;
}

export interface FirstStage {
  /** The first verdict: shown at once; `complete` is false while a refinement is due. */
  result: AllocationResult;
  /** What the refinement needs, or null when the first verdict is the end of the run. */
  pending: Pending | null;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

export function firstVerdict(
  problem: AllocationProblem,
  engine: SolverEngine,
  overrides: Partial<AllocationOptions> = {},
): FirstStage {
  const options = { ...DEFAULT_ALLOCATION_OPTIONS, ...overrides };
  const started = performance.now();
  const empty = emptyResult('invalid-input', '', options);
  const end = (result: AllocationResult, pending: Pending | null = null): FirstStage => {
    result.timing.firstVerdictSeconds = seconds(started);
    result.timing.totalSeconds = result.timing.firstVerdictSeconds;
    result.complete = pending === null;
    return { result, pending };
  };
  const issues = validateProblem(problem);
  if (issues.length > 0) {
    return end({
      ...empty,
      issues,
      message: `The allocation input has ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was solved. ${issues[0]!.message}`,
    });
  }
  try {
    return firstVerdictOfValid(problem, engine, options, empty, started, end);
  } catch (error) {
    return end(failedRun(empty, error));
  }
}

function firstVerdictOfValid(
  problem: AllocationProblem,
  engine: SolverEngine,
  options: AllocationOptions,
  empty: AllocationResult,
  started: number,
  end: (result: AllocationResult, pending?: Pending | null) => FirstStage,
): FirstStage {
  const { timing } = empty;
  const mark = performance.now();
  const lp = buildAllocationModel(problem, { wholePlaces: false, minimumCohorts: false });
  timing.buildSeconds = seconds(mark);
  const base: AllocationResult = {
    ...empty,
    unreachableNeed: lp.unreachableNeed,
    missingNeed: summariseMissingNeed(problem, lp.missingNeed),
    modelSize: modelSize(lp.model),
  };
  // The LP is the floor of everything after it: it gets the whole time limit if it needs it.
  const lpResult = engine.solve(lp.model, {
    timeLimitSeconds: Math.max(0.1, options.timeLimitSeconds - seconds(started)),
    lpMethod: options.lpMethod,
    warmSlot: LP_SLOT,
  });
  timing.lpSeconds = lpResult.seconds;
  const pending = (part: Partial<Pending>): Pending => ({
    problem,
    options,
    started,
    lp,
    lpResult,
    lpBound: null,
    plan: null,
    withinGap: false,
    infeasible: false,
    ...part,
  });
  if (lpResult.status === 'infeasible') {
    const message =
      'No plan meets every rule. Working out which rules clash and the smallest change that would allow a plan.';
    return end({ ...base, status: 'infeasible', message }, pending({ infeasible: true }));
  }
  if (lpResult.status === 'error' || lpResult.status === 'unbounded') {
    const message = `The solver could not solve the allocation: ${lpResult.detail}.`;
    return end({ ...base, status: 'failed', message });
  }
  const lpBound = lpResult.status === 'optimal' && lpResult.hasSolution ? lpResult.objective : null;
  if (lpBound === null) {
    // No LP plan in time: the search starts from nothing.
    const message = 'The linear programme gave no plan in time; searching for a whole-place plan.';
    return end({ ...base, status: 'provisional', message }, pending({}));
  }
  const integer = options.wholePlaces || options.minimumCohorts;
  const colValue = integer
    ? roundedStart(problem, lp, lp, lpResult.colValue, options)
    : lpResult.colValue;
  const plan = colValue ? checkedPlan(problem, lp, colValue, integer, null, options) : null;
  if (!plan?.check.ok) {
    const message = 'The rounded plan did not keep every rule; searching for a whole-place plan.';
    return end({ ...base, status: 'provisional', message }, pending({ lpBound }));
  }
  const gap = gapAgainstBestBound(plan.check.objective.total, lpBound, null);
  const withinGap = !integer || (gap !== null && gap.relative <= options.relativeGap);
  const status = withinGap ? 'optimal' : 'provisional';
  const result = explained(problem, base, plan, status, lp, lpResult, lpBound);
  result.message = verdictMessage(problem, result, options, '');
  return end(result, pending({ lpBound, plan, withinGap }));
}

/** Reads a plan of `built` into tables and checks it against the model and independently. */
function checkedPlan(
  problem: AllocationProblem,
  built: AllocationModel,
  colValue: Float64Array,
  whole: boolean,
  search: SolveResult | null,
  options: AllocationOptions,
): CheckedPlan {
  const reportedObjective = search?.objective ?? objectiveValue(built.model, colValue);
  const solution = readSolution(problem, built, colValue);
  const check = checkAllocation(problem, solution, {
    wholePlaces: whole && options.wholePlaces,
    minimumCohorts: whole && options.minimumCohorts,
    reportedObjective,
  });
  const integer = whole && built.options.wholePlaces;
  for (const violation of checkModelSolution(built.model, colValue, {
    integer,
    reportedObjective,
  })) {
    check.violations.push({
      rule: `model ${violation.kind}`,
      text: violation.message,
      amount: violation.amount,
    });
  }
  check.ok = check.violations.length === 0;
  return { built, colValue, whole, searchBound: search?.mipBound ?? null, solution, check };
}

/**
 * The result showing a checked plan: its tables, gap, the rules that bind (with the LP's
 * duals) and each partnership's change.
 */
function explained(
  problem: AllocationProblem,
  base: AllocationResult,
  plan: CheckedPlan,
  status: AllocationStatus,
  lp: AllocationModel,
  lpResult: SolveResult,
  lpBound: number | null,
): AllocationResult {
  const { built, colValue, check, solution } = plan;
  const duals = lpBound !== null ? lpResult : null;
  const binding = bindingConstraints(built, colValue, lp, duals, nameLookup(problem));
  return {
    ...base,
    status: check.ok ? status : 'failed',
    solution,
    objective: check.objective.total,
    lpObjective: lpBound,
    gap: gapAgainstBestBound(check.objective.total, lpBound, plan.searchBound),
    changes: partnershipChanges(problem, built, colValue, solution, binding),
    binding,
    check,
  };
}

/**
 * The refinement of a first verdict, one step per `next()`: the result it ends with replaces
 * the first verdict. Running it through (allocate.ts) gives the whole run at once.
 */
export function* refine(
  stage: FirstStage,
  engine: SolverEngine,
): Generator<void, AllocationResult, void> {
  const { pending } = stage;
  if (!pending) return stage.result;
  const { problem, options, started, lp, lpResult, lpBound } = pending;
  const base: AllocationResult = {
    ...stage.result,
    timing: { ...stage.result.timing },
    complete: true,
  };
  const { timing } = base;
  const finish = (result: AllocationResult): AllocationResult => {
    timing.totalSeconds = seconds(started);
    return { ...result, timing, complete: true };
  };
  const remaining = (floor: number) => Math.max(floor, options.timeLimitSeconds - seconds(started));
  const diagnose = (asInteger: boolean): AllocationResult => {
    const diagnosis = diagnoseInfeasibility(problem, engine, {
      wholePlaces: asInteger && options.wholePlaces,
      minimumCohorts: asInteger && options.minimumCohorts,
      timeLimitSeconds: options.diagnosisSeconds,
    });
    return finish({ ...base, status: 'infeasible', message: diagnosis.summary, diagnosis });
  };
  if (pending.infeasible) {
    yield;
    return diagnose(false);
  }

  let plan = pending.plan;
  let status: AllocationStatus = 'optimal';
  let searchStopped = '';
  if (!pending.withinGap) {
    yield;
    let mark = performance.now();
    const milp = buildAllocationModel(problem, {
      wholePlaces: options.wholePlaces,
      minimumCohorts: options.minimumCohorts,
    });
    const start = plan ? carriedStart(lp, plan.colValue, milp, lp, lpResult.colValue) : null;
    timing.buildSeconds += seconds(mark);
    base.modelSize = modelSize(milp.model);
    yield;
    const left = remaining(0.5);
    const search = engine.solve(milp.model, {
      timeLimitSeconds:
        options.searchSeconds === null ? left : Math.min(left, options.searchSeconds),
      relativeGap: options.relativeGap,
      ...(options.nodeLimit !== null ? { nodeLimit: options.nodeLimit } : {}),
      ...(start ? { start } : {}),
    });
    timing.milpSeconds = search.seconds;
    if (search.status === 'infeasible') {
      yield;
      return diagnose(true);
    }
    yield;
    mark = performance.now();
    if (search.hasSolution) {
      plan = checkedPlan(problem, milp, search.colValue, true, search, options);
      if (search.status === 'time-limit') {
        status = 'time-limit';
        searchStopped = search.detail;
      }
    } else if (plan) {
      // The search found nothing better in its time: the first plan stands with its gap.
      status = 'time-limit';
      searchStopped = search.detail;
    } else if (lpBound !== null) {
      plan = checkedPlan(problem, lp, lpResult.colValue, false, null, options);
      status = 'fractional';
    }
    timing.checkSeconds = seconds(mark);
  }
  if (!plan) {
    return finish({
      ...base,
      status: 'failed',
      message: `No plan was found within ${formatNumber(options.timeLimitSeconds)} s (${lpResult.detail}). Allow more time.`,
    });
  }
  yield;
  // A first plan within the gap is already explained: only its marginal values are to come.
  const result =
    plan === pending.plan && pending.withinGap
      ? base
      : explained(problem, base, plan, status, lp, lpResult, lpBound);
  if (plan.check.ok && lpBound !== null) {
    result.marginalValues = marginalValues(problem, lp, lpResult, engine, {
      limit: options.marginalValues,
      warmSlot: LP_SLOT,
      timeLimitSeconds: remaining(0.5),
    });
  }
  result.message = plan.check.ok
    ? verdictMessage(problem, result, options, searchStopped)
    : failedCheckMessage(plan.check);
  return finish(result);
}
