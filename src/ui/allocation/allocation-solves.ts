/**
 * The Allocation page's solves, as a Lit reactive controller. The solver worker is started and
 * HiGHS warmed as soon as the page opens (not on the first click). A quick solve (1% gap, a
 * short search) runs when the need is ready and again after every valid edit, in two stages:
 * the first verdict (the LP from its last basis and its plan rounded to whole places, checked)
 * is shown at once, then its refinement (search, marginal values) replaces it. An edit made
 * while a refinement runs is solved at once, and the worker drops the stale refinement at its
 * next step; an edit made while a first verdict or a final run is worked out waits for it and
 * then solves the latest settings (never aborting, which would lose the warm worker). A result
 * is shown only while it is the latest asked for, so a stale edit's never replaces a newer
 * one's. The final run (0.1% by default) can be cancelled, which does end the worker.
 *
 * The worker is the app's shared solver (sharedSolver), usually started and warmed by the app
 * shell before the page opens; leaving the page keeps it warm for the next visit.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  INTERACTIVE_ALLOCATION_OPTIONS,
  type AllocationOptions,
  type AllocationResult,
} from '../../allocation/allocate.ts';
import type { AllocationProblem } from '../../allocation/problem.ts';
import { sharedSolver, type SolverClient } from '../../runtime/solver-client.ts';
import { verdictTitle } from './tsp-allocation-verdict.ts';
import { isAbortError } from '../../runtime/abort.ts';

export type SolveMode = 'quick' | 'final';

export interface SolveRequest {
  problem: AllocationProblem;
  options: Partial<AllocationOptions>;
}

export interface ShownResult {
  problem: AllocationProblem;
  /** `complete` is false for a first verdict whose refinement is still running. */
  result: AllocationResult;
  mode: SolveMode;
}

type Solver = Pick<SolverClient, 'warm' | 'allocate' | 'firstVerdict' | 'refine'>;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class AllocationSolves implements ReactiveController {
  shown: ShownResult | undefined;
  running: { mode: SolveMode; started: number; timeLimitSeconds: number } | null = null;
  /** True while the shown first verdict is being refined. */
  refining = false;
  /** Text for the page's live region. */
  status = '';
  error = '';
  /** Set when a final run finishes, so the page can move focus to the verdict. */
  finished = 0;
  /** How many results have been shown: tests and benchmarks wait for it to move on. */
  solved = 0;

  private solver: Solver | null = null;
  /** Counts solves asked for: only the latest one's results are shown. */
  private generation = 0;
  /** What waits for the running solve: at most a final run and the latest quick one. */
  private pending: Partial<Record<SolveMode, SolveRequest>> = {};
  private abort: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly createSolver: () => Solver = sharedSolver,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    // A final run may take its whole time limit: leaving cancels it (which ends the worker).
    // A quick solve takes milliseconds and leaves the shared worker warm.
    if (this.running?.mode === 'final') this.abort?.abort();
    this.solver = null;
  }

  /** Starts the worker and warms HiGHS now, unless the app shell already has. */
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
    const solver = this.solver;
    this.generation += 1;
    const generation = this.generation;
    const abort = new AbortController();
    this.abort = abort;
    this.error = '';
    this.refining = false;
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
    let ticket: number | null = null;
    try {
      if (mode === 'final') {
        this.show(request, await solver.allocate(request.problem, request.options, abort.signal));
        this.finished += 1;
      } else {
        const first = await solver.firstVerdict(request.problem, request.options, abort.signal);
        this.show(request, first.result, 'quick');
        ticket = first.ticket;
      }
    } catch (error) {
      this.failed(error);
    } finally {
      this.running = null;
      this.abort = null;
    }
    // A waiting final run first, then the latest edit; else this verdict's refinement.
    const next: SolveMode | undefined = this.pending.final
      ? 'final'
      : this.pending.quick
        ? 'quick'
        : undefined;
    if (next) {
      const waiting = this.pending[next]!;
      delete this.pending[next];
      void this.run(next, waiting);
    } else if (ticket !== null) {
      void this.refine(solver, request, ticket, generation);
    }
    this.host.requestUpdate();
  }

  /** The refined result, shown unless a newer solve was asked for meanwhile. */
  private async refine(
    solver: Solver,
    request: SolveRequest,
    ticket: number,
    generation: number,
  ): Promise<void> {
    this.refining = true;
    try {
      const result = await solver.refine(ticket);
      if (result && generation === this.generation) this.show(request, result, 'quick');
    } catch (error) {
      if (generation === this.generation) this.failed(error);
    } finally {
      if (generation === this.generation) this.refining = false;
      this.host.requestUpdate();
    }
  }

  private show(request: SolveRequest, result: AllocationResult, mode: SolveMode = 'final'): void {
    this.shown = { problem: request.problem, result, mode };
    this.solved += 1;
    this.status = `${verdictTitle(result)}.`;
  }

  private failed(error: unknown): void {
    if (isAbortError(error)) {
      this.status = this.shown
        ? 'Solve cancelled. The previous result is still shown.'
        : 'Solve cancelled.';
    } else {
      this.error = `The allocation could not be solved: ${messageOf(error)}`;
      this.status = this.error;
    }
  }
}
