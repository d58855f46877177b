/**
 * The HiGHS model kept in a warm slot (highs-engine.ts, warm-model.ts) is patched, not passed
 * again, when an edit changes only bounds, costs, coefficients or the objective constant. A
 * patch that missed a change (or made one twice) would solve a different model from the one
 * asked for, so every case here solves each edited model twice: patched into the kept model,
 * and passed whole to a fresh HiGHS runtime. The two must agree on the status and the optimum.
 */
import { randomLcg } from 'd3-random';
import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { buildAllocationModel } from '../../../src/allocation/build.ts';
import type { AllocationProblem } from '../../../src/allocation/problem.ts';
import { DEFAULT_STABILITY } from '../../../src/allocation/problem.ts';
import { syntheticAllocationProblem } from '../../../src/allocation/synthetic.ts';
import type { SolveResult } from '../../../src/solver/engine.ts';
import { createHighsEngine } from '../../../src/solver/highs-engine.ts';
import type { LinearModel } from '../../../src/solver/model.ts';
import { sameStructure } from '../../../src/solver/warm-model.ts';

const kept = createHighsEngine(await loadHighs());
const fresh = createHighsEngine(await loadHighs());
const SLOT = 'test-slot';

const problem: AllocationProblem = {
  ...syntheticAllocationProblem({
    partnerships: 6,
    subjects: 4,
    entryYears: 3,
    districts: 6,
    footprintDistricts: 3,
    seed: 5,
  }),
  stability: DEFAULT_STABILITY,
  fairness: { weightPerPlace: 1 },
  pool: { share: 0.05, districtShares: null, conversionRate: null },
};
const lpOf = (p: AllocationProblem) =>
  buildAllocationModel(p, { wholePlaces: false, minimumCohorts: false }).model;

function expectSameOptimum(patched: SolveResult, passed: SolveResult, edit: string): void {
  expect(patched.status, edit).toBe(passed.status);
  if (passed.status !== 'optimal') return;
  const scale = Math.max(1, Math.abs(passed.objective!));
  expect(Math.abs(patched.objective! - passed.objective!) / scale, edit).toBeLessThan(1e-8);
}

function solveBoth(model: LinearModel, edit: string): void {
  const patched = kept.solve(model, { timeLimitSeconds: 20, warmSlot: SLOT });
  const passed = fresh.solve(model, { timeLimitSeconds: 20 });
  expectSameOptimum(patched, passed, edit);
}

/** `values` with `count` entries scaled by a random factor in [low, high). */
function scaleSome(
  values: Float64Array,
  count: number,
  random: () => number,
  low: number,
  high: number,
): Float64Array {
  const next = values.slice();
  for (let k = 0; k < count; k += 1) {
    const i = Math.floor(random() * next.length);
    if (Number.isFinite(next[i]!)) next[i] = next[i]! * (low + (high - low) * random());
  }
  return next;
}

describe('a kept HiGHS model patched after an edit', () => {
  it('solves to the optimum of the same model passed afresh, over 40 random number edits', () => {
    kept.releaseWarmSlots?.();
    const random = randomLcg(0.25);
    let model = lpOf(problem);
    solveBoth(model, 'the model as built');
    for (let edit = 1; edit <= 40; edit += 1) {
      const [rowLower, rowUpper] = [model.rowLower, model.rowUpper];
      // A row's limit moves by the same factor on both sides, so an equality stays one.
      const rows = scaleSome(
        Float64Array.from(rowUpper, () => 1),
        3,
        random,
        0.8,
        1.2,
      );
      model = {
        ...model,
        offset: edit % 5 === 0 ? model.offset + random() : model.offset,
        colCost: scaleSome(model.colCost, 4, random, 0.5, 1.5),
        colUpper: scaleSome(model.colUpper, 2, random, 0.9, 1.5),
        rowLower: rowLower.map((value, i) => value * rows[i]!),
        rowUpper: rowUpper.map((value, i) => value * rows[i]!),
        rowValues: scaleSome(model.rowValues, 5, random, 0.7, 1.3),
      };
      solveBoth(model, `number edit ${edit}`);
    }
  });

  it('solves to the same optimum over 30 random edits a manager makes, patched when the shape holds', () => {
    kept.releaseWarmSlots?.();
    const random = randomLcg(0.5);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    let current = problem;
    let previous = lpOf(current);
    solveBoth(previous, 'the model as built');
    let patchedEdits = 0;
    const edits: ((p: AllocationProblem) => AllocationProblem)[] = [
      (p) => {
        const i = Math.floor(random() * p.plans.length);
        const plans = p.plans.map((plan, j) =>
          j === i ? { ...plan, capacity: Math.max(1, plan.capacity + pick([-3, -1, 1, 4])) } : plan,
        );
        return { ...p, plans };
      },
      (p) => {
        const i = Math.floor(random() * p.need.length);
        const need = p.need.map((record, j) =>
          j === i ? { ...record, teachers: record.teachers * (0.5 + random()) } : record,
        );
        return { ...p, need };
      },
      (p) => {
        const i = Math.floor(random() * p.districts.length);
        const districts = p.districts.map((district, j) =>
          j === i ? { ...district, coldSpotWeight: 0.5 + 2 * random() } : district,
        );
        return { ...p, districts };
      },
      (p) => ({ ...p, fairness: { weightPerPlace: pick([0.5, 1, 2]) } }),
      (p) => ({ ...p, costs: { ...p.costs, surplusPerTeacher: pick([0.05, 0.1, 0.3]) } }),
      (p) => ({ ...p, stability: { ...DEFAULT_STABILITY, band: pick([0.1, 0.2, 0.3]) } }),
      (p) => ({
        ...p,
        pool: { share: pick([0.03, 0.05, 0.1]), districtShares: null, conversionRate: null },
      }),
      (p) => {
        const i = Math.floor(random() * p.partnerships.length);
        const partnerships = p.partnerships.map((partnership, j) =>
          j === i ? { ...partnership, inRegionShare: 0.5 + random() / 2 } : partnership,
        );
        return { ...p, partnerships };
      },
      // A shape change: the kept model is passed whole, its basis carried by name.
      (p) => ({ ...p, fairness: p.fairness ? null : { weightPerPlace: 1 } }),
    ];
    for (let edit = 1; edit <= 30; edit += 1) {
      current = pick(edits)(current);
      const model = lpOf(current);
      if (sameStructure(previous, model)) patchedEdits += 1;
      solveBoth(model, `manager's edit ${edit}`);
      previous = model;
    }
    // Most edits change numbers only, so most went in as patches.
    expect(patchedEdits).toBeGreaterThan(15);
  });
});
