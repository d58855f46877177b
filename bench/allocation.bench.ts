/**
 * Allocation benchmark: solve times of the allocation LP and MILP at the Sheffield City Region
 * size and at a synthetic national size, for HiGHS (the engine) and javascript-lp-solver (the
 * baseline, run in a worker thread with a hard 20 s timeout), objectives side by side.
 *
 * Goals: SCR-size LP under 100 ms; SCR-size MILP within a 1% gap in under 2 s; national-size
 * LP solved. Instances are synthetic (src/allocation/synthetic.ts), seeded, illustrative.
 * HiGHS is warmed on a small instance first, as the app's worker does.
 *
 *   npx tsx bench/allocation.bench.ts
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import loadHighs from 'highs';
import { buildAllocationModel } from '../src/allocation/build.ts';
import { roundedStart } from '../src/allocation/start.ts';
import {
  NATIONAL_SIZE,
  SCR_SIZE,
  syntheticAllocationProblem,
  warmUpAllocation,
  type SyntheticSize,
} from '../src/allocation/synthetic.ts';
import { checkModelSolution } from '../src/solver/check-model.ts';
import type { SolveResult } from '../src/solver/engine.ts';
import { createHighsEngine } from '../src/solver/highs-engine.ts';
import { toJsLpModel } from '../src/solver/jslp-model.ts';
import { modelSize, type LinearModel } from '../src/solver/model.ts';

const BASELINE_TIMEOUT_SECONDS = 20;
const NATIONAL_MILP_LIMIT_SECONDS = 30;

interface Row {
  instance: string;
  size: string;
  problem: 'LP' | 'MILP';
  engine: string;
  outcome: string;
  objective: string;
  seconds: string;
  goal: string;
}

const BASELINE_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const solver = require(workerData.solverPath);
const started = performance.now();
const result = solver.Solve(workerData.model);
parentPort.postMessage({ result, seconds: (performance.now() - started) / 1000 });
`;

/** javascript-lp-solver in a worker thread, terminated at the timeout (it cannot be stopped). */
function runBaseline(
  model: LinearModel,
): Promise<{ outcome: string; objective: number | null; seconds: number | null }> {
  const require = createRequire(import.meta.url);
  const solverPath = require.resolve('javascript-lp-solver');
  const worker = new Worker(BASELINE_SOURCE, {
    eval: true,
    workerData: { solverPath, model: toJsLpModel(model) },
  });
  return new Promise((done) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      done({
        outcome: `no answer in ${BASELINE_TIMEOUT_SECONDS} s`,
        objective: null,
        seconds: null,
      });
    }, BASELINE_TIMEOUT_SECONDS * 1000);
    worker.once('message', (message: { result: Record<string, unknown>; seconds: number }) => {
      clearTimeout(timer);
      void worker.terminate();
      const feasible = message.result.feasible === true;
      done({
        outcome: feasible ? 'feasible' : 'no feasible answer',
        objective: feasible ? (message.result.result as number) + model.offset : null,
        seconds: message.seconds,
      });
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      done({ outcome: `error: ${error.message}`, objective: null, seconds: null });
    });
  });
}

function describeHighs(result: SolveResult, model: LinearModel): string {
  const violations = checkModelSolution(model, result.colValue, { integer: result.integer });
  const checked = result.hasSolution
    ? violations.length === 0
      ? ', checked'
      : `, ${violations.length} rules broken`
    : '';
  const gap = result.mipGap === null ? '' : `, gap ${(result.mipGap * 100).toFixed(3)}%`;
  return `${result.status}${gap}${checked}`;
}

const fixed = (value: number | null, digits: number) =>
  value === null ? '-' : value.toFixed(digits);

function table(rows: Row[]): string {
  const headers: Record<keyof Row, string> = {
    instance: 'instance',
    size: 'columns x rows (integer)',
    problem: 'problem',
    engine: 'engine',
    outcome: 'outcome',
    objective: 'objective',
    seconds: 'seconds',
    goal: 'goal',
  };
  const keys = Object.keys(headers) as (keyof Row)[];
  const widths = keys.map((key) =>
    Math.max(headers[key].length, ...rows.map((row) => row[key].length)),
  );
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ');
  return [
    line(keys.map((k) => headers[k])),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...rows.map((row) => line(keys.map((k) => row[k]))),
  ].join('\n');
}

async function benchmarkInstance(
  name: string,
  size: SyntheticSize,
  engine: ReturnType<typeof createHighsEngine>,
  milpLimitSeconds: number,
  gaps: number[],
  goals: { lp: string; milp: string; lpSeconds: number | null; milpSeconds: number | null },
): Promise<Row[]> {
  const problem = syntheticAllocationProblem(size);
  const lp = buildAllocationModel(problem, { wholePlaces: false, minimumCohorts: false });
  const milp = buildAllocationModel(problem, { wholePlaces: true, minimumCohorts: true });
  const sizeText = (model: LinearModel) => {
    const s = modelSize(model);
    return `${s.columns} x ${s.rows} (${s.integerColumns})`;
  };
  const rows: Row[] = [];
  const goalText = (goal: string, limit: number | null, seconds: number, met: boolean) =>
    limit === null ? goal : `${goal}: ${met ? 'met' : 'NOT met'}`;

  const lpResult = engine.solve(lp.model, { timeLimitSeconds: 60, lpMethod: 'ipm' });
  rows.push({
    instance: name,
    size: sizeText(lp.model),
    problem: 'LP',
    engine: 'HiGHS (interior point)',
    outcome: describeHighs(lpResult, lp.model),
    objective: fixed(lpResult.objective, 3),
    seconds: lpResult.seconds.toFixed(3),
    goal: goalText(
      goals.lp,
      goals.lpSeconds,
      lpResult.seconds,
      lpResult.status === 'optimal' &&
        (goals.lpSeconds === null || lpResult.seconds < goals.lpSeconds),
    ),
  });
  const start = lpResult.hasSolution ? roundedStart(problem, milp, lp, lpResult.colValue) : null;
  for (const gap of gaps) {
    const milpResult = engine.solve(milp.model, {
      timeLimitSeconds: milpLimitSeconds,
      relativeGap: gap,
      ...(start ? { start } : {}),
    });
    const met =
      milpResult.hasSolution &&
      (milpResult.mipGap ?? 1) <= 0.01 &&
      (goals.milpSeconds === null || milpResult.seconds < goals.milpSeconds);
    rows.push({
      instance: name,
      size: sizeText(milp.model),
      problem: 'MILP',
      engine: `HiGHS (gap target ${gap * 100}%, LP-rounded start)`,
      outcome: describeHighs(milpResult, milp.model),
      objective: fixed(milpResult.objective, 3),
      seconds: milpResult.seconds.toFixed(3),
      goal: gap === 1e-2 ? goalText(goals.milp, goals.milpSeconds, milpResult.seconds, met) : '',
    });
  }
  for (const [label, built] of [
    ['LP', lp],
    ['MILP', milp],
  ] as const) {
    const baseline = await runBaseline(built.model);
    rows.push({
      instance: name,
      size: sizeText(built.model),
      problem: label,
      engine: 'javascript-lp-solver (baseline)',
      outcome: baseline.outcome,
      objective: fixed(baseline.objective, 3),
      seconds: fixed(baseline.seconds, 3),
      goal: '',
    });
  }
  return rows;
}

export async function runAllocationBenchmarks(): Promise<string> {
  const loadStarted = performance.now();
  const engine = createHighsEngine(await loadHighs());
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const warmSeconds = warmUpAllocation(engine);
  const rows = [
    ...(await benchmarkInstance('SCR (20 x 19 x 3 x 9)', SCR_SIZE, engine, 20, [1e-2, 1e-3], {
      lp: 'under 0.1 s',
      lpSeconds: 0.1,
      milp: 'within 1% in under 2 s',
      milpSeconds: 2,
    })),
    ...(await benchmarkInstance(
      'National (240 x 19 x 3 x 150)',
      NATIONAL_SIZE,
      engine,
      NATIONAL_MILP_LIMIT_SECONDS,
      [1e-2],
      {
        lp: 'solved',
        lpSeconds: null,
        milp: `best found in ${NATIONAL_MILP_LIMIT_SECONDS} s`,
        milpSeconds: null,
      },
    )),
  ];
  return [
    `Allocation LP/MILP (synthetic, illustrative instances). HiGHS loaded in ${loadSeconds.toFixed(2)} s, warmed in ${warmSeconds.toFixed(2)} s.`,
    table(rows),
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await runAllocationBenchmarks());
}
