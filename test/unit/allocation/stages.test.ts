import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  firstVerdict,
  INTERACTIVE_ALLOCATION_OPTIONS,
  refine,
  runToEnd,
} from '../../../src/allocation/allocate.ts';
import { buildAllocationModel } from '../../../src/allocation/build.ts';
import { checkAllocation } from '../../../src/allocation/check.ts';
import { DEFAULT_STABILITY } from '../../../src/allocation/problem.ts';
import { syntheticAllocationProblem } from '../../../src/allocation/synthetic.ts';
import { createHighsEngine } from '../../../src/solver/highs-engine.ts';
import { createSolverWorkerApi } from '../../../workers/solver-worker-api.ts';
import { highsEngine } from './fixtures.ts';

// Fairness, stability bands, minimum cohorts and the pool all in play, so the rounded plan
// has every rule to keep.
const dense = {
  ...syntheticAllocationProblem({
    partnerships: 6,
    subjects: 4,
    entryYears: 3,
    districts: 6,
    footprintDistricts: 3,
    seed: 11,
  }),
  stability: DEFAULT_STABILITY,
  fairness: { weightPerPlace: 1 },
  pool: { share: 0.05, districtShares: null, conversionRate: null },
};

describe('first verdict of a re-solve', () => {
  it('is a whole-place plan that keeps every rule, as the independent checker finds it', async () => {
    const { result, pending } = firstVerdict(dense, await highsEngine(), {
      ...INTERACTIVE_ALLOCATION_OPTIONS,
      relativeGap: 0,
    });
    expect(pending).not.toBeNull();
    expect(result.complete).toBe(false);
    expect(result.status).toBe('provisional');
    const places = result.solution!.places.map((p) => p.places);
    expect(places.every((value) => Number.isInteger(value) && value >= 0)).toBe(true);
    expect(places.some((value) => value > 0)).toBe(true);
    const report = checkAllocation(dense, result.solution!, {
      wholePlaces: true,
      minimumCohorts: true,
      reportedObjective: result.objective,
    });
    expect(report.violations).toEqual([]);
    expect(result.check?.ok).toBe(true);
  });

  it('reports its gap against the LP optimum solved afresh, which no plan can beat', async () => {
    const { result } = firstVerdict(dense, await highsEngine(), INTERACTIVE_ALLOCATION_OPTIONS);
    // The LP solved cold in a new engine: the bound does not depend on the warm slot.
    const lp = buildAllocationModel(dense, { wholePlaces: false, minimumCohorts: false });
    const cold = createHighsEngine(await loadHighs()).solve(lp.model, { timeLimitSeconds: 20 });
    const bound = cold.objective!;
    expect(result.lpObjective).toBeCloseTo(bound, 6);
    expect(result.gap!.bound).toBeCloseTo(bound, 6);
    expect(result.gap!.boundSource).toBe('linear programme');
    // The cost is the checker's, recomputed from the tables, and the gap is (cost - bound) / cost.
    expect(result.objective).toBe(result.check!.objective.total);
    expect(result.gap!.relative).toBeCloseTo((result.objective! - bound) / result.objective!, 9);
    expect(result.objective!).toBeGreaterThanOrEqual(bound - 1e-7);
  });

  it('is the plan itself when within the gap asked for: the refinement adds only marginal values', async () => {
    const engine = await highsEngine();
    const stage = firstVerdict(dense, engine, { relativeGap: 0.5 });
    expect(stage.result.status).toBe('optimal');
    const refined = runToEnd(refine(stage, engine), stage);
    expect(refined.complete).toBe(true);
    expect(refined.solution).toEqual(stage.result.solution);
    expect(refined.timing.milpSeconds).toBe(0);
    expect(refined.marginalValues.length).toBeGreaterThan(0);
  });

  it('refines to the same result allocate() gives in one go', async () => {
    const engine = await highsEngine();
    const options = { relativeGap: 1e-4, nodeLimit: 0 };
    const stage = firstVerdict(dense, engine, options);
    const refined = runToEnd(refine(stage, engine), stage);
    const whole = allocate(dense, engine, options);
    expect(refined.status).toBe(whole.status);
    expect(refined.objective).toBeCloseTo(whole.objective!, 6);
    expect(refined.check?.ok).toBe(true);
    expect(refined.objective!).toBeLessThanOrEqual(stage.result.objective! + 1e-7);
    expect(refined.objective!).toBeGreaterThanOrEqual(stage.result.lpObjective! - 1e-7);
  });
});

describe('solver worker: a stale edit never replaces a newer one', () => {
  const api = () => createSolverWorkerApi(() => loadHighs().then(createHighsEngine));
  const value = <T>(outcome: { ok: true; value: T } | { ok: false }): T => {
    if (!outcome.ok) throw new Error('the call failed');
    return outcome.value;
  };
  const options = { ...INTERACTIVE_ALLOCATION_OPTIONS, relativeGap: 0 };

  it('refines the latest first verdict, and answers null for one a newer edit replaced', async () => {
    const worker = api();
    const older = value(await worker.firstVerdict(dense, options));
    const edited = { ...dense, costs: { ...dense.costs, surplusPerTeacher: 0.2 } };
    const newer = value(await worker.firstVerdict(edited, options));
    expect(older.ticket).not.toBeNull();
    expect(newer.ticket).not.toBeNull();
    expect(value(await worker.refine(older.ticket!))).toBeNull();
    const refined = value(await worker.refine(newer.ticket!));
    expect(refined?.complete).toBe(true);
    expect(refined?.check?.ok).toBe(true);
  });

  it('stops a refinement already running when the next edit arrives', async () => {
    const worker = api();
    await worker.warm();
    const first = value(await worker.firstVerdict(dense, options));
    const running = worker.refine(first.ticket!);
    // Sent while the refinement runs: the worker reads it between two steps.
    const next = worker.firstVerdict(dense, options);
    expect(value(await running)).toBeNull();
    expect(value(await next).result.check?.ok).toBe(true);
  });

  it('a final run makes a waiting refinement stale too', async () => {
    const worker = api();
    const first = value(await worker.firstVerdict(dense, options));
    value(await worker.allocate(dense, { nodeLimit: 0 }));
    expect(value(await worker.refine(first.ticket!))).toBeNull();
  });
});
