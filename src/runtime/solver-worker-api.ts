/**
 * What the solver worker exposes. Kept apart from workers/solver.worker.ts so tests can
 * expose it on a MessageChannel in Node. The engine is loaded and warmed once, when the API is
 * created, and reused for every call. Column vectors leave as transferables; errors leave as
 * plain objects, since some browsers cannot structured-clone an Error.
 */
import { transfer } from 'comlink';
import { allocate, type AllocationOptions, type AllocationResult } from '../allocation/allocate.ts';
import type { AllocationProblem } from '../allocation/problem.ts';
import { warmUpAllocation } from '../allocation/synthetic.ts';
import type { SolveOptions, SolveResult, SolverEngine } from '../solver/engine.ts';
import type { LinearModel } from '../solver/model.ts';

export interface PlainError {
  name: string;
  message: string;
}

export type SolverOutcome<T> = { ok: true; value: T } | { ok: false; error: PlainError };

function plain(error: unknown): PlainError {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}

export function createSolverWorkerApi(loadEngine: () => Promise<SolverEngine>) {
  const ready = loadEngine().then((engine) => ({ engine, warmSeconds: warmUpAllocation(engine) }));
  return {
    /** Resolves once HiGHS is loaded and warmed; the warm-up time in seconds. */
    async warm(): Promise<SolverOutcome<number>> {
      try {
        return { ok: true, value: (await ready).warmSeconds };
      } catch (error) {
        return { ok: false, error: plain(error) };
      }
    },

    /** The whole allocation run: LP, MILP, check, explanations or diagnosis. */
    async allocate(
      problem: AllocationProblem,
      options: Partial<AllocationOptions> = {},
    ): Promise<SolverOutcome<AllocationResult>> {
      try {
        return { ok: true, value: allocate(problem, (await ready).engine, options) };
      } catch (error) {
        return { ok: false, error: plain(error) };
      }
    },

    /** One model solve (e.g. the in-year transfer LP). */
    async solve(model: LinearModel, options: SolveOptions): Promise<SolverOutcome<SolveResult>> {
      try {
        const result = (await ready).engine.solve(model, options);
        const buffers = [result.colValue, result.rowValue, result.rowDual, result.colDual].map(
          (array) => array.buffer as ArrayBuffer,
        );
        return transfer({ ok: true as const, value: result }, buffers);
      } catch (error) {
        return { ok: false, error: plain(error) };
      }
    },
  };
}

export type SolverWorkerApi = ReturnType<typeof createSolverWorkerApi>;
