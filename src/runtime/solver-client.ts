/**
 * Main-thread client of the solver worker. One long-lived worker holds the warmed HiGHS
 * runtime; every call takes an AbortSignal, and aborting terminates the worker (HiGHS cannot
 * be interrupted from outside) and rejects with an AbortError. The next call makes a fresh
 * worker. The main thread never solves anything itself.
 *
 * The Allocation and In-year pages share one client (`sharedSolver`), which the app shell
 * starts and warms before either page needs it (`prewarmSolver`): compiling HiGHS's
 * WebAssembly and warming it take longer than a re-solve, so they are done once per visit,
 * not on a page's first solve.
 */
import { wrap, type Endpoint, type Remote } from 'comlink';
import type { AllocationOptions, AllocationResult } from '../allocation/allocate.ts';
import type { AllocationProblem } from '../allocation/problem.ts';
import type { SolveOptions, SolveResult } from '../solver/engine.ts';
import type { LinearModel } from '../solver/model.ts';
import { fromPlainError, type WorkerOutcome } from '../../workers/outcome.ts';
import type { FirstVerdict, SolverWorkerApi } from '../../workers/solver-worker-api.ts';
import { abortError } from './abort.ts';

const CANCELLED = 'The solve was cancelled.';

/** A Worker, or anything with the same messaging surface (a MessagePort in tests). */
export type SolverWorkerLike = Endpoint & { terminate(): void };

function defaultWorker(): SolverWorkerLike {
  return new Worker(new URL('../../workers/solver.worker.ts', import.meta.url), {
    type: 'module',
    name: 'solver',
  });
}

interface Handle {
  worker: SolverWorkerLike;
  api: Remote<SolverWorkerApi>;
}

export class SolverClient {
  private handle: Handle | null = null;

  constructor(private readonly createWorker: () => SolverWorkerLike = defaultWorker) {}

  /** Loads and warms HiGHS ahead of the first solve; resolves with the warm-up seconds. */
  warm(signal?: AbortSignal): Promise<number> {
    return this.call((api) => api.warm(), signal);
  }

  allocate(
    problem: AllocationProblem,
    options: Partial<AllocationOptions> = {},
    signal?: AbortSignal,
  ): Promise<AllocationResult> {
    return this.call((api) => api.allocate(problem, options), signal);
  }

  /** A re-solve's first verdict, and the ticket of its refinement (null when none is due). */
  firstVerdict(
    problem: AllocationProblem,
    options: Partial<AllocationOptions> = {},
    signal?: AbortSignal,
  ): Promise<FirstVerdict> {
    return this.call((api) => api.firstVerdict(problem, options), signal);
  }

  /** The refined result of a first verdict, or null when a newer call made it stale. */
  refine(ticket: number, signal?: AbortSignal): Promise<AllocationResult | null> {
    return this.call((api) => api.refine(ticket), signal);
  }

  solve(model: LinearModel, options: SolveOptions, signal?: AbortSignal): Promise<SolveResult> {
    return this.call((api) => api.solve(model, options), signal);
  }

  /** Ends the worker; a later call starts a new one. */
  dispose(): void {
    this.handle?.worker.terminate();
    this.handle = null;
  }

  private current(): Handle {
    if (!this.handle) {
      const worker = this.createWorker();
      this.handle = { worker, api: wrap<SolverWorkerApi>(worker) };
    }
    return this.handle;
  }

  private call<T>(
    run: (api: Remote<SolverWorkerApi>) => Promise<WorkerOutcome<T>>,
    signal?: AbortSignal,
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError(CANCELLED));
    const handle = this.current();
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        // Only the worker this call was running on: a newer one may already be in use.
        if (this.handle === handle) this.dispose();
        else handle.worker.terminate();
        reject(abortError(CANCELLED));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      run(handle.api).then(
        (outcome) => {
          signal?.removeEventListener('abort', onAbort);
          if (outcome.ok) resolve(outcome.value);
          else reject(fromPlainError(outcome.error));
        },
        (error: unknown) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }
}

let shared: SolverClient | null = null;

/** The client the Allocation and In-year pages solve through; its worker outlives a page. */
export function sharedSolver(): SolverClient {
  shared ??= new SolverClient();
  return shared;
}

/**
 * Starts the shared solver worker and warms HiGHS (a message to a worker already warm). Never
 * throws: a solver that cannot start says so when a page asks it to solve.
 */
export function prewarmSolver(): void {
  try {
    sharedSolver()
      .warm()
      .catch(() => {});
  } catch {
    // No Worker here (a test's document): nothing to warm.
  }
}
