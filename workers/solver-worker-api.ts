/**
 * What the solver worker exposes. Kept apart from solver.worker.ts so tests can expose it on a
 * MessageChannel in Node. The engine is loaded and warmed once, when the API is created, and
 * reused for every call. Column vectors leave as transferables; errors as plain objects
 * (outcome.ts).
 *
 * A re-solve after an edit is two calls: `firstVerdict` answers at once and keeps what its
 * refinement needs under a ticket; `refine(ticket)` runs the refinement a step at a time,
 * letting the worker read its messages between steps. Any newer call (another edit's first
 * verdict, a final run) makes the ticket stale: the refinement stops at its next step and
 * answers null, so a stale edit's result never arrives after a newer one's.
 */
import { transfer } from 'comlink';
import {
  allocate,
  failedRun,
  firstVerdict,
  refine,
  type AllocationOptions,
  type AllocationResult,
  type FirstStage,
} from '../src/allocation/allocate.ts';
import { buildAllocationModel } from '../src/allocation/build.ts';
import type { AllocationProblem } from '../src/allocation/problem.ts';
import { WARM_UP } from '../src/allocation/synthetic.ts';
import type { SolveOptions, SolveResult, SolverEngine } from '../src/solver/engine.ts';
import type { LinearModel } from '../src/solver/model.ts';
import { toPlainError, type WorkerOutcome } from './outcome.ts';

/** The first verdict as the page gets it: the ticket of its refinement, null when none is due. */
export interface FirstVerdict {
  result: AllocationResult;
  ticket: number | null;
}

/** Resolves after the messages already queued for this thread have been handled. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * What warms the solver beyond the first small verdict, a step per `next()`: its refinement
 * (the MILP search, marginal values), more first verdicts of small edits (so the JavaScript of
 * a re-solve is optimised) and a medium-size LP solved from scratch (so HiGHS's simplex code is:
 * the page's first real solve is an LP from scratch too, and in Node took about twice the CPU
 * time without these steps).
 */
function* warmingSteps(engine: SolverEngine, stage: FirstStage): Generator<void, void, void> {
  yield* refine(stage, engine);
  for (let edit = 1; edit <= WARM_UP.edits; edit += 1) {
    yield;
    firstVerdict(WARM_UP.edited(edit), engine, WARM_UP.options);
  }
  yield;
  const medium = buildAllocationModel(WARM_UP.medium(), {
    wholePlaces: false,
    minimumCohorts: false,
  }).model;
  for (let solve = 0; solve < 2; solve += 1) {
    yield;
    engine.solve(medium, { timeLimitSeconds: WARM_UP.options.timeLimitSeconds });
  }
}

export function createSolverWorkerApi(loadEngine: () => Promise<SolverEngine>) {
  /** The latest call's ticket; a refinement with an older one is stale. */
  let latest = 0;
  let kept: { ticket: number; stage: FirstStage } | null = null;
  const newCall = () => {
    latest += 1;
    kept = null;
    return latest;
  };
  /**
   * Warming: the first verdict of a small allocation before any call is answered, then the
   * rest of warmingSteps in the background, a step at a time, stopped as soon as a real
   * allocation call comes in (a step takes well under a second even before the code is
   * optimised, so a call never waits long for it).
   */
  const ready = loadEngine().then((engine) => {
    const started = performance.now();
    const stage = firstVerdict(WARM_UP.problem(), engine, WARM_UP.options);
    const warmSeconds = (performance.now() - started) / 1000;
    return { engine, warmSeconds, stage };
  });
  void ready
    .then(async ({ engine, stage }) => {
      const steps = warmingSteps(engine, stage);
      while (latest === 0 && !steps.next().done) await nextTask();
    })
    .catch(() => {
      // A solver that cannot load says so when it is asked to solve; a failed warming step
      // only leaves the code less warm.
    });

  /** The refined result of the first verdict `ticket`, or null once a newer call made it stale. */
  async function refineKept(ticket: number): Promise<WorkerOutcome<AllocationResult | null>> {
    if (kept?.ticket !== ticket || ticket !== latest) return { ok: true, value: null };
    const { stage } = kept;
    kept = null;
    try {
      const { engine } = await ready;
      const steps = refine(stage, engine);
      for (;;) {
        let step: IteratorResult<void, AllocationResult>;
        try {
          step = steps.next();
        } catch (error) {
          return { ok: true, value: failedRun(stage.result, error) };
        }
        if (step.done) return { ok: true, value: step.value };
        await nextTask();
        if (ticket !== latest) return { ok: true, value: null };
      }
    } catch (error) {
      return { ok: false, error: toPlainError(error) };
    }
  }

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
      newCall();
      try {
        return { ok: true, value: allocate(problem, (await ready).engine, options) };
      } catch (error) {
        return { ok: false, error: toPlainError(error) };
      }
    },

    /** The first verdict of a re-solve (stages.ts); its refinement waits for `refine`. */
    async firstVerdict(
      problem: AllocationProblem,
      options: Partial<AllocationOptions> = {},
    ): Promise<WorkerOutcome<FirstVerdict>> {
      const ticket = newCall();
      try {
        const stage = firstVerdict(problem, (await ready).engine, options);
        // Another call may have come in while HiGHS loaded: then this one is already stale.
        const current = ticket === latest && stage.pending !== null;
        if (current) kept = { ticket, stage };
        return { ok: true, value: { result: stage.result, ticket: current ? ticket : null } };
      } catch (error) {
        return { ok: false, error: toPlainError(error) };
      }
    },

    /** The refined result of the first verdict `ticket`, or null once a newer call made it stale. */
    refine: refineKept,

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
