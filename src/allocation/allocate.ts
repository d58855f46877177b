/**
 * The allocation run: validate, solve the LP, round its plan to whole places and check it (the
 * first verdict), then search for a better whole-place plan (MILP) only while the rounded one
 * is further from the best possible than the gap asked for, check the result independently,
 * explain it, or diagnose infeasibility (the refinement). The two stages are in stages.ts;
 * here they run through at once. It always returns a result that says what happened; it never
 * throws for a solver's failure and never runs past its limits by more than one solve's
 * overhead.
 */
import type { SolverEngine } from '../solver/engine.ts';
import { failedRun, type AllocationOptions, type AllocationResult } from './allocation-result.ts';
import type { AllocationProblem } from './problem.ts';
import { firstVerdict, refine, type FirstStage } from './stages.ts';

export * from './allocation-result.ts';
export { firstVerdict, refine, type FirstStage } from './stages.ts';

/**
 * The whole run at once (the command line, the final run, tests): the first verdict, then its
 * refinement without stopping.
 */
export function allocate(
  problem: AllocationProblem,
  engine: SolverEngine,
  overrides: Partial<AllocationOptions> = {},
): AllocationResult {
  const stage = firstVerdict(problem, engine, overrides);
  return runToEnd(refine(stage, engine), stage);
}

/** Runs a refinement's remaining steps; an exception ends it as a failed result. */
export function runToEnd(
  steps: Generator<void, AllocationResult, void>,
  stage: FirstStage,
): AllocationResult {
  try {
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  } catch (error) {
    return failedRun(stage.result, error);
  }
}
