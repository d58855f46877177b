/**
 * What the solver worker exposes. Kept apart from solver.worker.ts so tests can expose it on a
 * MessageChannel in Node. The engine is loaded and warmed once, when the API is created, and
 * reused for every call. Column vectors leave as transferables; errors as plain objects
 * (outcome.ts).
 */
import { transfer } from 'comlink';
import {
  allocate,
  type AllocationOptions,
  type AllocationResult,
} from '../src/allocation/allocate.ts';
import type { AllocationProblem } from '../src/allocation/problem.ts';
import { warmUpAllocation } from '../src/allocation/synthetic.ts';
import type { SolveOptions, SolveResult, SolverEngine } from '../src/solver/engine.ts';
import type { LinearModel } from '../src/solver/model.ts';
import { toPlainError, type WorkerOutcome } from './outcome.ts';

export function createSolverWorkerApi(loadEngine: () => Promise<SolverEngine>) {
  const ready = loadEngine().then((engine) => ({ engine, warmSeconds: warmUpAllocation(engine) }));
  return {
    /** Resolves once HiGHS is loaded and warmed; the warm-up time in seconds. */
    async warm(): Promise<WorkerOutcome<number>> {
      try {
        return { ok: true, value: (await ready).warmSeconds };
      } catch (error) {
        return { ok: false, error: toPlainError(error) };
      }
    },

    /** The whole allocation run: LP, MILP, check, explanations or diagnosis. */
    async allocate(
      problem: AllocationProblem,
      options: Partial<AllocationOptions> = {},
    ): Promise<WorkerOutcome<AllocationResult>> {
      try {
        return { ok: true, value: allocate(problem, (await ready).engine, options) };
      } catch (error) {
        return { ok: false, error: toPlainError(error) };
      }
    },

    /** One model solve (e.g. the in-year transfer LP). */
    async solve(model: LinearModel, options: SolveOptions): Promise<WorkerOutcome<SolveResult>> {
      try {
        const result = (await ready).engine.solve(model, options);
        const buffers = [result.colValue, result.rowValue, result.rowDual, result.colDual].map(
          (array) => array.buffer as ArrayBuffer,
        );
        return transfer({ ok: true as const, value: result }, buffers);
      } catch (error) {
        return { ok: false, error: toPlainError(error) };
      }
    },
  };
}

export type SolverWorkerApi = ReturnType<typeof createSolverWorkerApi>;
