import { createRequire } from 'node:module';
import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { checkModelSolution } from '../../../src/solver/check-model.ts';
import { createHighsEngine } from '../../../src/solver/highs-engine.ts';
import { JSLP_OBJECTIVE, toJsLpModel } from '../../../bench/jslp-model.ts';
import { toCplexLp } from '../../../src/solver/lp-format.ts';
import { ModelBuilder, type LinearModel } from '../../../src/solver/model.ts';
import { glpsolAvailable, solveWithGlpsol } from '../../../bench/glpsol.ts';

const highs = await loadHighs();
const engine = createHighsEngine(highs);

/*
 * min -x - y  s.t.  r1: x + 2y <= 4,  r2: 3x + y <= 6,  x, y >= 0.
 * Corner where both bind: x = 1.6, y = 1.2, objective -2.8. Duals (d objective / d bound):
 * solve [1 3; 2 1]^T u = [-1 -1]: u1 = -0.4, u2 = -0.2.
 */
function twoVariableLp(): LinearModel {
  const builder = new ModelBuilder('two_variable');
  const x = builder.addColumn('x', -1, 0, Infinity, 'continuous');
  const y = builder.addColumn('y', -1, 0, Infinity, 'continuous');
  builder.addRow('r1', -Infinity, 4, [
    [x, 1],
    [y, 2],
  ]);
  builder.addRow('r2', -Infinity, 6, [
    [x, 3],
    [y, 1],
  ]);
  return builder.build();
}

/*
 * Whole chairs and tables: max 30c + 50t s.t. c + 2t <= 40, 2c + t <= 50, 0 <= t <= 12.
 * LP corner (20, 10) has t = 10 <= 12 and is whole, objective 1100; as a minimisation
 * of -30c - 50t with an offset of 100 the optimum is -1000.
 */
function workshopMilp(): LinearModel {
  const builder = new ModelBuilder('workshop');
  const c = builder.addColumn('chairs', -30, 0, Infinity, 'integer');
  const t = builder.addColumn('tables', -50, 0, 12, 'integer');
  builder.addRow('carpentry', -Infinity, 40, [
    [c, 1],
    [t, 2],
  ]);
  builder.addRow('finishing', 10, 50, [
    [c, 2],
    [t, 1],
  ]);
  return builder.build(100);
}

describe('HiGHS engine', () => {
  it('solves the LP by interior point with the hand-worked primal and duals', () => {
    const result = engine.solve(twoVariableLp(), { timeLimitSeconds: 5, lpMethod: 'ipm' });
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeCloseTo(-2.8, 8);
    expect([...result.colValue].map((v) => Number(v.toFixed(8)))).toEqual([1.6, 1.2]);
    expect(result.rowDual[0]).toBeCloseTo(-0.4, 8);
    expect(result.rowDual[1]).toBeCloseTo(-0.2, 8);
    expect(
      checkModelSolution(twoVariableLp(), result.colValue, { reportedObjective: result.objective }),
    ).toEqual([]);
  });

  it('solves a MILP with an objective offset and reports a zero gap', () => {
    const result = engine.solve(workshopMilp(), { timeLimitSeconds: 5, relativeGap: 1e-6 });
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeCloseTo(-1000, 8);
    expect([...result.colValue]).toEqual([20, 10]);
    expect(result.mipGap).toBeCloseTo(0, 8);
    expect(
      checkModelSolution(workshopMilp(), result.colValue, {
        integer: true,
        reportedObjective: result.objective,
      }),
    ).toEqual([]);
  });

  it('reports infeasibility instead of a point', () => {
    const builder = new ModelBuilder('clash');
    const x = builder.addColumn('x', 1, 0, Infinity, 'continuous');
    builder.addRow('at_least_5', 5, Infinity, [[x, 1]]);
    builder.addRow('at_most_3', -Infinity, 3, [[x, 1]]);
    const result = engine.solve(builder.build(), { timeLimitSeconds: 5 });
    expect(result.status).toBe('infeasible');
    expect(result.hasSolution).toBe(false);
    expect(result.colValue.length).toBe(0);
  });

  it('never calls a time-limited search optimal', () => {
    // 60 knapsack items with awkward weights: far more than a millisecond of work.
    const builder = new ModelBuilder('knapsack');
    const items = Array.from({ length: 60 }, (_, i) =>
      builder.addColumn(`item${i}`, -(37 + ((i * 7919) % 101)), 0, 1, 'integer'),
    );
    builder.addRow(
      'weight',
      -Infinity,
      1234.5,
      items.map((column, i) => [column, 41 + ((i * 104729) % 97)] as const),
    );
    const result = engine.solve(builder.build(), { timeLimitSeconds: 0.001, relativeGap: 0 });
    expect(result.status).toBe('time-limit');
    expect(result.detail).toBe('Time limit reached');
  });
});

describe('CPLEX LP text', () => {
  it('writes ranged rows, bounds, integers and the objective constant', () => {
    expect(toCplexLp(workshopMilp())).toBe(
      [
        '\\ Model workshop',
        'Minimize',
        ' obj: - 30 chairs - 50 tables + 100 objective_constant',
        'Subject To',
        ' carpentry: + 1 chairs + 2 tables <= 40',
        ' finishing_lo: + 2 chairs + 1 tables >= 10',
        ' finishing_hi: + 2 chairs + 1 tables <= 50',
        'Bounds',
        ' 0 <= tables <= 12',
        ' objective_constant = 1',
        'General',
        ' chairs tables',
        'End',
        '',
      ].join('\n'),
    );
  });

  it('reads back into HiGHS with the same optimum as the typed-array model', () => {
    for (const model of [twoVariableLp(), workshopMilp()]) {
      const direct = engine.solve(model, { timeLimitSeconds: 5, relativeGap: 1e-9 });
      const viaText = highs.solve(toCplexLp(model), { output_flag: false });
      expect(viaText.Status).toBe('Optimal');
      expect(viaText.ObjectiveValue).toBeCloseTo(direct.objective!, 8);
    }
  });
});

/*
 * Every kind of bound and row the writer knows, with names an LP reader takes as keywords:
 * min free + 2 inf - c + 7  s.t.  free + inf = 1,  -2 <= free - c <= 5,  free + inf/4 >= 0.5,
 * free unbounded, inf >= -3, c <= 4. With inf = 1 - free the objective is 9 - free - c;
 * inf >= -3 gives free <= 4 and c <= 4, so free = 4, inf = -3, c = 4 (free - c = 0 is inside
 * [-2, 5]; 4 - 3/4 >= 0.5) and the optimum is 9 - 8 = 1.
 */
function everyBoundKind(): LinearModel {
  const builder = new ModelBuilder('bound_kinds');
  const free = builder.addColumn('free', 1, -Infinity, Infinity, 'continuous');
  const inf = builder.addColumn('inf', 2, -3, Infinity, 'continuous');
  const c = builder.addColumn('c', -1, -Infinity, 4, 'continuous');
  builder.addRow('st', 1, 1, [
    [free, 1],
    [inf, 1],
  ]);
  builder.addRow('spread', -2, 5, [
    [free, 1],
    [c, -1],
  ]);
  builder.addRow('floor', 0.5, Infinity, [
    [free, 1],
    [inf, 0.25],
  ]);
  return builder.build(7);
}

describe('LP-safe names', () => {
  it('prefixes names an LP reader takes as keywords, so the text reads back', () => {
    const model = everyBoundKind();
    expect(model.colNames).toEqual(['n_free', 'n_inf', 'c']);
    expect(model.rowNames).toEqual(['n_st', 'spread', 'floor']);
    const viaText = highs.solve(toCplexLp(model), { output_flag: false });
    expect(viaText.Status).toBe('Optimal');
    expect(viaText.ObjectiveValue).toBeCloseTo(1, 9);
  });
});

describe.skipIf(!glpsolAvailable())('GLPK glpsol reads our LP text (independent solver)', () => {
  const cases: [string, () => LinearModel, number][] = [
    ['the two-variable LP', twoVariableLp, -2.8],
    ['the workshop MILP with an objective constant', workshopMilp, -1000],
    ['a model with every kind of bound and ranged row', everyBoundKind, 1],
  ];
  it.each(cases)('finds the hand-worked optimum of %s, as HiGHS does', (_, build, optimum) => {
    const model = build();
    const glpk = solveWithGlpsol(toCplexLp(model), { method: 'simplex', timeLimitSeconds: 10 });
    expect(glpk.status).toBe('optimal');
    expect(glpk.objective).toBeCloseTo(optimum, 9);
    const direct = engine.solve(model, { timeLimitSeconds: 5, relativeGap: 1e-9 });
    expect(direct.objective).toBeCloseTo(optimum, 9);
  });

  it('says when a model has no feasible point', () => {
    const builder = new ModelBuilder('impossible');
    const x = builder.addColumn('x', 1, 0, 1, 'continuous');
    builder.addRow('too_much', 2, Infinity, [[x, 1]]);
    const glpk = solveWithGlpsol(toCplexLp(builder.build()), {
      method: 'simplex',
      timeLimitSeconds: 10,
    });
    expect(glpk.status).toBe('infeasible');
    expect(glpk.objective).toBeNull();
  });
});

describe('javascript-lp-solver baseline (cross-check on tiny models only)', () => {
  const require = createRequire(import.meta.url);
  const jsLpSolver = require('javascript-lp-solver') as {
    Solve(model: unknown): Record<string, number | boolean>;
  };

  it('agrees with HiGHS on the tiny LP and MILP', () => {
    for (const model of [twoVariableLp(), workshopMilp()]) {
      const direct = engine.solve(model, { timeLimitSeconds: 5, relativeGap: 1e-9 });
      const baseline = jsLpSolver.Solve(toJsLpModel(model));
      expect(baseline.feasible).toBe(true);
      expect((baseline.result as number) + model.offset).toBeCloseTo(direct.objective!, 6);
    }
  });

  it('keeps column bounds as rows, since that solver only knows x >= 0', () => {
    const converted = toJsLpModel(workshopMilp());
    expect(converted.constraints.ub_tables).toEqual({ max: 12 });
    expect(converted.constraints.finishing).toEqual({ min: 10, max: 50 });
    expect(converted.variables.tables).toEqual({
      [JSLP_OBJECTIVE]: -50,
      ub_tables: 1,
      carpentry: 2,
      finishing: 1,
    });
    expect(converted.ints).toEqual({ chairs: 1, tables: 1 });
  });
});

describe('model checker', () => {
  it('finds broken rows, bounds, fractions and a wrong objective', () => {
    const model = workshopMilp();
    const violations = checkModelSolution(model, [20.5, 13], {
      integer: true,
      reportedObjective: -1000,
    });
    expect(violations.map((v) => `${v.kind} ${v.name}`).sort()).toEqual([
      'column-bound tables',
      'integrality chairs',
      'objective objective',
      'row carpentry',
      'row finishing',
    ]);
    // carpentry 20.5 + 2 x 13 = 46.5 > 40; finishing 2 x 20.5 + 13 = 54 > 50.
    expect(violations.find((v) => v.name === 'carpentry')!.amount).toBeCloseTo(6.5, 9);
    expect(violations.find((v) => v.name === 'finishing')!.amount).toBeCloseTo(4, 9);
  });

  it('merges repeated terms and rejects unknown columns when building', () => {
    const builder = new ModelBuilder('merge');
    const x = builder.addColumn('x', 0, 0, 1, 'continuous');
    builder.addRow('twice', 0, 1, [
      [x, 1],
      [x, 2],
    ]);
    const model = builder.build();
    expect([...model.rowValues]).toEqual([3]);
    expect(() => builder.addRow('bad', 0, 1, [[5, 1]])).toThrow('column 5 does not exist');
  });
});
