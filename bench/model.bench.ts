/**
 * Monte Carlo throughput of the supply model: draws per second to a finished forecast (every
 * draw simulated, then P10/P50/P90 per cell and the chosen totals per draw, as the Forecast
 * page asks), on one thread (runSummary) and on the app's own ModelPool, its workers being
 * node:worker_threads that expose the same worker API (workers/model-worker-api.ts)
 * through Comlink, so the hand-out of blocks, the transfers and the merge are all in the timed
 * region, as in the browser. Sizes: SCR (9 districts x 19 subject groups x 4 years) and a
 * synthetic national size (150 districts); and SCR as the Scenarios page asks (also the
 * region's and districts' multi-subject totals per draw). Goals: SCR 10,000 draws under 1 s on 2
 * cores; pool speed-up >= 1.7x.
 *
 * Both sides run the same draws several times, alternating, and the table shows the median
 * of each with its range: on a shared virtual machine one run can be off by half. Beside each
 * wall time is the process's CPU time (process.cpuUsage, user + system, counting the worker
 * threads): pool CPU close to one thread's CPU means the work split cleanly, so a speed-up
 * short of the goal is then the machine's other load, not the pool.
 *
 * This file is also the worker's entry point: loaded in a worker thread it exposes the API.
 */
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { randomLcg } from 'd3-random';
import type { NationalFlow, RegionDataset } from '../src/data/types.ts';
import { SECONDARY_SUBJECTS, SUBJECT_GROUPS } from '../src/data/types.ts';
import {
  buildModelInputs,
  defaultParameters,
  resolveParameters,
  runSummary,
  type ModelInputs,
  type OutputName,
  type SummaryRequest,
} from '../src/model/index.ts';
import { aggregatePlan } from '../src/scenarios/aggregate.ts';
import { selectionTotals } from '../src/ui/forecast/forecast-view.ts';
import { ModelPool, type ModelWorkerLike } from '../src/runtime/model-pool.ts';
import { modelWorkerApi } from '../workers/model-worker-api.ts';
import { academicYear, addYears, consecutiveYears } from '../src/data/academic-year.ts';
import { fixedClock } from '../src/data/clock.ts';

/** The outputs the Forecast and Scenarios pages ask the pool for. */
const BENCH_OUTPUTS: OutputName[] = ['nqtNeed', 'traineeNeed'];
const BASE_YEAR = academicYear('2024/25');
const YEARS = consecutiveYears(addYears(BASE_YEAR, 1), 4);
const REPEATS = 7;
/** The plan's date: the horizon runs to the NQT year of the third entry year (2030/31). */
const PLANNED_ON = fixedClock('2026-12-03')();

/** A region of `districtCount` districts with plausible, seeded (illustrative) figures. */
export function syntheticDataset(districtCount: number): RegionDataset {
  const random = randomLcg(0.5);
  const districts = Array.from({ length: districtCount }, (_, i) => ({
    code: `E0${String(9000000 + i)}`,
    name: `District ${i + 1}`,
    educationLaNumber: 900 + i,
    educationLaCode: `E1${String(9000000 + i)}`,
    educationLaName: `LA ${i + 1}`,
    membership: 'synthetic',
  }));
  const baselines = districts.flatMap((d) =>
    (['primary', 'secondary'] as const).map((phase) => {
      const pupils = 8000 + 30000 * random();
      return {
        districtCode: d.code,
        phase,
        baseYear: BASE_YEAR,
        pupils,
        teacherFte: pupils / (phase === 'primary' ? 20 : 15),
        pupilsProvenance: 'illustrative' as const,
        teacherFteProvenance: 'illustrative' as const,
        method: 'benchmark',
      };
    }),
  );
  const pupilProjections = baselines.flatMap((b) => {
    let pupils = b.pupils;
    return YEARS.map((year) => {
      pupils *= 0.97 + 0.05 * random();
      return {
        districtCode: b.districtCode,
        phase: b.phase,
        year,
        pupils,
        counted: false,
        provenance: 'illustrative' as const,
        method: 'benchmark',
      };
    });
  });
  const nationalFlows: NationalFlow[] = [];
  for (const group of SUBJECT_GROUPS) {
    const phase = group === 'Primary' ? 'primary' : 'secondary';
    const subject = group === 'Primary' ? 'Total' : group;
    for (const year of consecutiveYears(addYears(BASE_YEAR, -3), 8)) {
      const flow = (type: NationalFlow['type'], value: number) =>
        nationalFlows.push({
          phase,
          subject,
          type,
          year,
          value,
          historic: year <= '2024/25',
          publicationYear: 2026,
        });
      flow('Under 55 leaver rate', 0.07 + 0.01 * random());
      flow('55+ leaver rate', 0.02);
      flow('Total leaver rate', 0.09 + 0.01 * random());
      flow('Returners', (group === 'Primary' ? 8000 : 500) * (0.9 + 0.2 * random()));
      flow('New to state-funded sector entrants', group === 'Primary' ? 3500 : 200);
      if (year < '2027/28') flow('Newly qualified entrants', group === 'Primary' ? 8500 : 700);
    }
  }
  return {
    regionName: `Synthetic ${districtCount}`,
    baseYear: BASE_YEAR,
    districts,
    baselines,
    pupilProjections,
    subjectShares: SECONDARY_SUBJECTS.map((subject) => ({
      subject,
      share: 1 / SECONDARY_SUBJECTS.length,
      provenance: 'illustrative' as const,
      method: 'benchmark',
    })),
    nationalFlows,
    earlierNationalFlows: [],
    ittNewEntrants: [],
    qtsAwards: [],
    publishedTraineeNeed: [],
    nationalPupilTeacher: (['primary', 'secondary'] as const).flatMap((phase) =>
      [BASE_YEAR, ...YEARS].map((year, i) => ({
        phase,
        year,
        pupils: (phase === 'primary' ? 4.6e6 : 3.66e6) * (1 - 0.01 * i),
        teacherFte: (phase === 'primary' ? 215_000 : 219_000) * (1 - 0.008 * i),
        projection: i > 0,
      })),
    ),
    partnerships: [],
    partnershipPlans: [],
    schools: [],
    indicators: [],
  };
}

if (!isMainThread && parentPort) expose(modelWorkerApi, nodeEndpoint(parentPort));

/**
 * Worker threads do not inherit tsx's loader, so each registers it and then imports this
 * file (which, off the main thread, exposes the worker API).
 */
const WORKER_BOOTSTRAP = `
  import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); });
`;

function threadWorker(): ModelWorkerLike {
  const worker = new Worker(WORKER_BOOTSTRAP, { eval: true });
  return Object.assign(nodeEndpoint(worker), { terminate: () => void worker.terminate() });
}

function inputsFor(districtCount: number): ModelInputs {
  const dataset = syntheticDataset(districtCount);
  const parameters = resolveParameters(defaultParameters(dataset, PLANNED_ON));
  return buildModelInputs(dataset, parameters);
}

/** The Forecast page's default selection: every secondary subject in the whole region. */
function wholeRegionSelection(inputs: ModelInputs): number[][] {
  const secondary = Array.from(
    { length: inputs.districtCount * inputs.groupCount },
    (_, a) => a,
  ).filter((area) => inputs.groupPhase[area % inputs.groupCount] === 1);
  return selectionTotals(inputs, secondary);
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Wall and CPU seconds (the whole process, worker threads included) of one run. */
async function timed(run: () => unknown): Promise<{ wall: number; cpu: number }> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await run();
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { wall, cpu: (cpu.user + cpu.system) / 1e6 };
}

const SCR_GOAL_SECONDS = 1;
const SPEED_UP_GOAL = 1.7;
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

const range = (values: number[]) =>
  `${Math.min(...values).toFixed(3)}-${Math.max(...values).toFixed(3)}`;

/** Runs the benchmark and returns a printed table. */
export async function runModelBenchmarks(): Promise<string> {
  const poolSize = Math.max(2, availableParallelism());
  const pool = new ModelPool({ size: poolSize, createWorker: threadWorker });
  const lines: string[] = [];
  const row = (cells: (string | number)[]) =>
    lines.push(cells.map((c) => String(c).padStart(13)).join(' '));
  row([
    'size',
    'cells',
    'draws',
    '1 thread s',
    'range',
    'CPU s',
    'draws/s',
    `${poolSize} threads s`,
    'range',
    'CPU s',
    'draws/s',
    'speed-up',
  ]);
  const goals: string[] = [];
  try {
    for (const [label, districts, drawCount, page] of [
      ['SCR', 9, 10_000, 'forecast'],
      ['national', 150, 1_000, 'forecast'],
      ['SCR scenario', 9, 10_000, 'scenario'],
    ] as const) {
      const inputs = inputsFor(districts);
      const request: SummaryRequest = {
        seed: 1,
        drawCount,
        outputs: BENCH_OUTPUTS,
        ...(page === 'forecast'
          ? { totals: wholeRegionSelection(inputs) }
          : { totals: aggregatePlan(inputs).totals }),
      };
      const single = () => timed(() => runSummary(inputs, request));
      const pooled = () => timed(() => pool.runSummary(inputs, request));
      // Warm up the JIT on both sides (and start the worker threads) before timing.
      await single();
      await pooled();
      const singleRuns: { wall: number; cpu: number }[] = [];
      const pooledRuns: { wall: number; cpu: number }[] = [];
      for (let repeat = 0; repeat < REPEATS; repeat++) {
        singleRuns.push(await single());
        pooledRuns.push(await pooled());
      }
      const singleSeconds = singleRuns.map((r) => r.wall);
      const pooledSeconds = pooledRuns.map((r) => r.wall);
      const one = median(singleSeconds);
      const many = median(pooledSeconds);
      row([
        label,
        inputs.cellCount,
        drawCount,
        one.toFixed(3),
        range(singleSeconds),
        median(singleRuns.map((r) => r.cpu)).toFixed(3),
        Math.round(drawCount / one),
        many.toFixed(3),
        range(pooledSeconds),
        median(pooledRuns.map((r) => r.cpu)).toFixed(3),
        Math.round(drawCount / many),
        `${(one / many).toFixed(2)}x`,
      ]);
      if (label === 'SCR') {
        goals.push(
          `Goal SCR 10,000 draws under ${SCR_GOAL_SECONDS} s (pool): ${many.toFixed(3)} s, ${verdict(many < SCR_GOAL_SECONDS)}.`,
          `Goal pool speed-up >= ${SPEED_UP_GOAL}x (SCR): ${(one / many).toFixed(2)}x, ${verdict(one / many >= SPEED_UP_GOAL)}.`,
        );
      }
    }
  } finally {
    pool.terminate();
  }
  lines.push(
    `Medians of ${REPEATS} alternating runs (range shown). Each run simulates ${BENCH_OUTPUTS.join(' and ')} for every draw and cell; SCR and national reduce them to P10/P50/P90 per cell and the region's totals per year and draw (the Forecast page), SCR scenario to P10/P50/P90 per cell and the region's and districts' multi-subject totals per draw (the Scenarios page).`,
    'Goals: SCR 10,000 draws under 1 s on 2 cores; pool speed-up >= 1.7x.',
    ...goals,
  );
  // Wall-clock figures only mean something on an otherwise idle machine.
  lines.push(
    `Load average during the run: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores.`,
  );
  return lines.join('\n');
}

if (
  isMainThread &&
  process.argv[1] &&
  resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  console.log(await runModelBenchmarks());
}
