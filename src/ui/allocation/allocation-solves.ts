/**
 * The Allocation page's solves, as a Lit reactive controller. The solver worker is started and
 * HiGHS warmed as soon as the page opens (not on the first click). A quick solve (1% gap, a
 * short search) runs when the need is ready and again after every valid edit; the worker keeps
 * the LP and its basis, so each re-solve starts from the last one. An edit made while a solve
 * runs waits for it and then solves the latest settings (never aborting, which would lose the
 * warm worker). The final run (0.1% by default) can be cancelled, which does end the worker.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  INTERACTIVE_ALLOCATION_OPTIONS,
  type AllocationOptions,
  type AllocationResult,
} from '../../allocation/allocate.ts';
import type { AllocationProblem } from '../../allocation/problem.ts';
import { SolverClient } from '../../runtime/solver-client.ts';
import { verdictTitle } from './tsp-allocation-verdict.ts';
import { isAbortError } from '../../runtime/abort.ts';

export type SolveMode = 'quick' | 'final';

export interface SolveRequest {
  problem: AllocationProblem;
  options: Partial<AllocationOptions>;
}

export interface ShownResult {
  problem: AllocationProblem;
  result: AllocationResult;
  mode: SolveMode;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class AllocationSolves implements ReactiveController {
  shown: ShownResult | undefined;
  running: { mode: SolveMode; started: number; timeLimitSeconds: number } | null = null;
  /** Text for the page's live region. */
  status = '';
  error = '';
  /** Set when a final run finishes, so the page can move focus to the verdict. */
  finished = 0;
  /** How many results have been shown: tests and benchmarks wait for it to move on. */
  solved = 0;

  private solver: Pick<SolverClient, 'warm' | 'allocate' | 'dispose'> | null = null;
  /** What waits for the running solve: at most a final run and the latest quick one. */
  private pending: Partial<Record<SolveMode, SolveRequest>> = {};
  private abort: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly createSolver: () => Pick<SolverClient, 'warm' | 'allocate' | 'dispose'> = () =>
      new SolverClient(),
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.solver?.dispose();
    this.solver = null;
  }

  /** Starts the worker and warms HiGHS now, so the first solve does not wait for it. */
  warm(): void {
    this.solver ??= this.createSolver();
    this.solver.warm().catch(() => {
      // A solver that cannot load says so when it is asked to solve.
    });
  }

  /** Re-solves quickly with these settings, now or as soon as the running solve ends. */
  quick(request: SolveRequest): void {
    this.request('quick', {
      problem: request.problem,
      options: { ...request.options, ...INTERACTIVE_ALLOCATION_OPTIONS },
    });
  }

  /** The final run, with the page's time limit and gap. */
  final(request: SolveRequest): void {
    this.request('final', request);
  }

  /** Cancels a final run (ends the worker; the next solve starts a fresh one). */
  cancel(): void {
    this.abort?.abort();
  }

  private request(mode: SolveMode, request: SolveRequest): void {
    if (this.running) {
      this.pending[mode] = request;
      this.host.requestUpdate();
      return;
    }
    void this.run(mode, request);
  }

  private async run(mode: SolveMode, request: SolveRequest): Promise<void> {
    this.solver ??= this.createSolver();
    const abort = new AbortController();
    this.abort = abort;
    this.error = '';
    this.running = {
      mode,
      started: performance.now(),
      timeLimitSeconds: request.options.timeLimitSeconds ?? 0,
    };
    this.status =
      mode === 'final'
        ? 'Solving the final allocation in the solver worker.'
        : 'Updating the allocation.';
    this.host.requestUpdate();
    try {
      const result = await this.solver.allocate(request.problem, request.options, abort.signal);
      this.shown = { problem: request.problem, result, mode };
      this.solved += 1;
      this.status = `${verdictTitle(result)}.`;
      if (mode === 'final') this.finished += 1;
    } catch (error) {
      if (isAbortError(error)) {
        this.status = this.shown
          ? 'Solve cancelled. The previous result is still shown.'
          : 'Solve cancelled.';
      } else {
        this.error = `The allocation could not be solved: ${messageOf(error)}`;
        this.status = this.error;
      }
    } finally {
      this.running = null;
      this.abort = null;
      this.host.requestUpdate();
    }
    // A waiting final run first, then the latest edit.
    const next: SolveMode | undefined = this.pending.final
      ? 'final'
      : this.pending.quick
        ? 'quick'
        : undefined;
    if (next) {
      const waiting = this.pending[next]!;
      delete this.pending[next];
      void this.run(next, waiting);
    }
  }
}
