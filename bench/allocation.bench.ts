/**
 * Allocation benchmark: solve times of the allocation LP and MILP at the Sheffield City Region
 * size and at a synthetic national size, for HiGHS (the engine), GLPK's glpsol (an independent
 * solver reading our CPLEX LP text, when installed) and javascript-lp-solver (the baseline,
 * run in a worker thread with a hard 20 s timeout), objectives side by side.
 *
 * Goals: SCR-size LP under 100 ms; SCR-size MILP within a 1% gap in under 2 s; national-size
 * LP solved, with the objective equal to an independent solver's. Instances: the embedded SCR
 * data as the CLI builds it (its 15 partnerships offer fewer subjects than every one), and
 * synthetic ones (src/allocation/synthetic.ts), seeded, illustrative, in which every
 * partnership offers every subject: the dense case of the goals' sizes. HiGHS is warmed on a small instance
 * first, as the app's worker does; the LP is solved several times and the median reported,
 * since one solve on a shared machine can be off by half.
 *
 *   npx tsx bench/allocation.bench.ts
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import loadHighs from 'highs';
import { buildAllocationModel, type AllocationModel } from '../src/allocation/build.ts';
import type { AllocationProblem } from '../src/allocation/problem.ts';
import { buildProblem, parseAllocateArgs } from '../src/cli/allocate.ts';
import { roundedStart } from '../src/allocation/start.ts';
import {
  NATIONAL_SIZE,
  SCR_SIZE,
  syntheticAllocationProblem,
  warmUpAllocation,
} from '../src/allocation/synthetic.ts';
import { checkModelSolution } from '../src/solver/check-model.ts';
import type { SolveResult } from '../src/solver/engine.ts';
import { createHighsEngine } from '../src/solver/highs-engine.ts';
import { toJsLpModel } from './jslp-model.ts';
import { modelSize, type LinearModel } from '../src/solver/model.ts';
import { toCplexLp } from '../src/solver/lp-format.ts';
import { GLPSOL_MISSING, glpsolAvailable, relativeDifference, solveWithGlpsol } from './glpsol.ts';

const BASELINE_TIMEOUT_SECONDS = 20;
const NATIONAL_MILP_LIMIT_SECONDS = 30;
const GLPSOL_LIMIT_SECONDS = 120;

interface IndependentCheck {
  /**
   * Start GLPK's simplex from HiGHS's final basis. From GLPK's own start the national LP takes
   * minutes (primal simplex 453 s, with the same optimum; dual simplex unfinished at 600 s).
   */
  fromHighsBasis: boolean;
}
/** LP solves per instance; the table shows the median and the range. */
const LP_REPEATS = 5;
/** Two solvers agree when their objectives differ by less than this, relatively. */
const AGREEMENT = 1e-6;

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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One figure, or the median of several with their range. */
function secondsText(seconds: number[]): string {
  if (seconds.length === 1) return seconds[0]!.toFixed(3);
  return `${median(seconds).toFixed(3)} (${Math.min(...seconds).toFixed(3)}-${Math.max(...seconds).toFixed(3)}, median of ${seconds.length})`;
}

/** Repeat small LPs; one solve of a national-size LP takes long enough to stand alone. */
function repeatsFor(built: AllocationModel): number {
  return modelSize(built.model).columns < 20_000 ? LP_REPEATS : 1;
}

/** glpsol on the LP text we write, its objective set against HiGHS's. */
function independentCheck(
  instance: string,
  size: string,
  model: LinearModel,
  highsResult: SolveResult,
  check: IndependentCheck,
): Row {
  const start = check.fromHighsBasis && highsResult.basis ? highsResult.basis : null;
  const row: Row = {
    instance,
    size,
    problem: 'LP',
    engine: `GLPK glpsol simplex${start ? " from HiGHS's basis" : ''} (reads our LP text)`,
    outcome: GLPSOL_MISSING,
    objective: '-',
    seconds: '-',
    goal: "objective equal to an independent solver's",
  };
  if (!glpsolAvailable()) return { ...row, goal: `${row.goal}: not checked` };
  const glpk = solveWithGlpsol(toCplexLp(model), {
    method: 'simplex',
    timeLimitSeconds: GLPSOL_LIMIT_SECONDS,
    ...(start ? { start: { model, basis: start } } : {}),
  });
  const seconds = glpk.seconds.toFixed(3);
  if (glpk.objective === null || highsResult.objective === null) {
    const outcome = glpk.detail ? `${glpk.status}: ${glpk.detail}` : glpk.status;
    return { ...row, outcome, seconds, goal: `${row.goal}: NOT met` };
  }
  const difference = relativeDifference(glpk.objective, highsResult.objective);
  return {
    ...row,
    outcome: `${glpk.status} after ${glpk.iterations ?? '?'} iterations, relative difference from HiGHS ${difference.toExponential(1)}`,
    objective: fixed(glpk.objective, 3),
    seconds,
    goal: `${row.goal}: ${difference < AGREEMENT ? 'met' : 'NOT met'}`,
  };
}

async function benchmarkInstance(
  name: string,
  problem: AllocationProblem,
  engine: ReturnType<typeof createHighsEngine>,
  milpLimitSeconds: number,
  gaps: number[],
  goals: {
    lp: string;
    milp: string;
    lpSeconds: number | null;
    milpSeconds: number | null;
    glpsol: IndependentCheck;
  },
  notes: string[],
): Promise<Row[]> {
  const buildStarted = performance.now();
  const lp = buildAllocationModel(problem, { wholePlaces: false, minimumCohorts: false });
  notes.push(
    `${name}: building the LP in JavaScript took ${((performance.now() - buildStarted) / 1000).toFixed(3)} s (not in the solve times).`,
  );
  const milp = buildAllocationModel(problem, { wholePlaces: true, minimumCohorts: true });
  const sizeText = (model: LinearModel) => {
    const s = modelSize(model);
    return `${s.columns} x ${s.rows} (${s.integerColumns})`;
  };
  const rows: Row[] = [];
  const goalText = (goal: string, limit: number | null, seconds: number, met: boolean) =>
    limit === null ? goal : `${goal}: ${met ? 'met' : 'NOT met'}`;

  const lpRuns = Array.from({ length: repeatsFor(lp) }, () =>
    engine.solve(lp.model, { timeLimitSeconds: 60, lpMethod: 'ipm', keepBasis: true }),
  );
  const lpResult = lpRuns[0]!;
  const lpSeconds = median(lpRuns.map((run) => run.seconds));
  rows.push({
    instance: name,
    size: sizeText(lp.model),
    problem: 'LP',
    engine: 'HiGHS (interior point)',
    outcome: describeHighs(lpResult, lp.model),
    objective: fixed(lpResult.objective, 3),
    seconds: secondsText(lpRuns.map((run) => run.seconds)),
    goal: goalText(
      goals.lp,
      goals.lpSeconds,
      lpSeconds,
      lpResult.status === 'optimal' && (goals.lpSeconds === null || lpSeconds < goals.lpSeconds),
    ),
  });
  rows.push(independentCheck(name, sizeText(lp.model), lp.model, lpResult, goals.glpsol));
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
  const notes: string[] = [];
  // The region as the app and the CLI see it: real partnerships, illustrative plans.
  const embedded = await buildProblem(parseAllocateArgs(['--out', 'unused.csv']));
  const scrGoals = {
    lp: 'under 0.1 s',
    lpSeconds: 0.1,
    milp: 'within 1% in under 2 s',
    milpSeconds: 2,
    glpsol: { fromHighsBasis: false },
  };
  const rows = [
    ...(await benchmarkInstance(
      `SCR data (${embedded.partnerships.length} partnerships, ${embedded.plans.length} plans)`,
      embedded,
      engine,
      20,
      [1e-2],
      scrGoals,
      notes,
    )),
    ...(await benchmarkInstance(
      'SCR (20 x 19 x 3 x 9)',
      syntheticAllocationProblem(SCR_SIZE),
      engine,
      20,
      [1e-2, 1e-3],
      scrGoals,
      notes,
    )),
    ...(await benchmarkInstance(
      'National (240 x 19 x 3 x 150)',
      syntheticAllocationProblem(NATIONAL_SIZE),
      engine,
      NATIONAL_MILP_LIMIT_SECONDS,
      [1e-2],
      {
        lp: 'solved',
        lpSeconds: null,
        milp: `best found in ${NATIONAL_MILP_LIMIT_SECONDS} s`,
        milpSeconds: null,
        glpsol: { fromHighsBasis: true },
      },
      notes,
    )),
  ];
  return [
    `Allocation LP/MILP: the embedded SCR data (need from the supply model, illustrative partnership plans) and synthetic, illustrative instances of the sizes in the goals. HiGHS loaded in ${loadSeconds.toFixed(2)} s, warmed in ${warmSeconds.toFixed(2)} s.`,
    table(rows),
    ...notes,
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await runAllocationBenchmarks());
}
