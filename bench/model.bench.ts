/**
 * Monte Carlo throughput of the supply model: draws per second on one thread and on a pool of
 * node:worker_threads running the same pure runDraws on split draw ranges (as the browser
 * pool does). Sizes: SCR (9 districts x 19 subject groups x 4 years) and a synthetic
 * national size (150 districts). Goals: SCR 10,000 draws under 1 s on 2 cores; pool
 * speed-up >= 1.7x.
 *
 * This file is also the worker's entry point: loaded in a worker thread it serves draw ranges.
 */
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { randomLcg } from 'd3-random';
import type { NationalFlow, RegionDataset } from '../src/data/types.ts';
import { SECONDARY_SUBJECTS, SUBJECT_GROUPS } from '../src/data/types.ts';
import {
  buildModelInputs,
  defaultParameters,
  mergeDrawChunks,
  resolveParameters,
  runDraws,
  type DrawOptions,
  type DrawResult,
  type ModelInputs,
  type OutputName,
} from '../src/model/index.ts';

const BENCH_OUTPUTS: OutputName[] = ['nqtNeed', 'traineeNeed'];
const YEARS = ['2025/26', '2026/27', '2027/28', '2028/29'];

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
        baseYear: '2024/25',
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
        provenance: 'illustrative' as const,
        method: 'benchmark',
      };
    });
  });
  const nationalFlows: NationalFlow[] = [];
  for (const group of SUBJECT_GROUPS) {
    const phase = group === 'Primary' ? 'primary' : 'secondary';
    const subject = group === 'Primary' ? 'Total' : group;
    for (const year of ['2021/22', '2022/23', '2023/24', '2024/25', ...YEARS]) {
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
    baseYear: '2024/25',
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
    nationalPupilTeacher: (['primary', 'secondary'] as const).flatMap((phase) =>
      ['2024/25', ...YEARS].map((year, i) => ({
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

interface DrawRequest {
  inputs: ModelInputs;
  options: DrawOptions;
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on('message', ({ inputs, options }: DrawRequest) => {
    const result = runDraws(inputs, options);
    port.postMessage(
      result,
      Object.values(result.outputs).map((a) => a!.buffer as ArrayBuffer),
    );
  });
}

/**
 * Worker threads do not inherit tsx's loader, so each registers it and then imports this
 * file (which, off the main thread, serves draw requests).
 */
const WORKER_BOOTSTRAP = `
  import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); });
`;

class ThreadPool {
  private readonly workers: Worker[];

  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => new Worker(WORKER_BOOTSTRAP, { eval: true }));
  }

  get size() {
    return this.workers.length;
  }

  async run(inputs: ModelInputs, seed: number, drawCount: number): Promise<DrawResult> {
    const per = Math.ceil(drawCount / this.workers.length);
    const chunks = this.workers.map((worker, i) => {
      const firstDraw = i * per;
      const count = Math.max(0, Math.min(per, drawCount - firstDraw));
      return new Promise<DrawResult>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({
          inputs,
          options: { seed, firstDraw, drawCount: count, outputs: BENCH_OUTPUTS },
        });
      });
    });
    return mergeDrawChunks(await Promise.all(chunks));
  }

  async close() {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

function inputsFor(districtCount: number): ModelInputs {
  const dataset = syntheticDataset(districtCount);
  const parameters = resolveParameters(defaultParameters(dataset), { projectionYears: 4 });
  return buildModelInputs(dataset, parameters);
}

function timeIt(action: () => void): number {
  const start = performance.now();
  action();
  return (performance.now() - start) / 1000;
}

async function timeAsync(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return (performance.now() - start) / 1000;
}

/** Runs the benchmark and returns a printed table. */
export async function runModelBenchmarks(): Promise<string> {
  const poolSize = Math.max(2, availableParallelism());
  const pool = new ThreadPool(poolSize);
  const lines: string[] = [];
  const row = (cells: (string | number)[]) =>
    lines.push(cells.map((c) => String(c).padStart(13)).join(' '));
  row([
    'size',
    'cells',
    'draws',
    '1 thread s',
    'draws/s',
    `${poolSize} threads s`,
    'draws/s',
    'speed-up',
  ]);
  try {
    for (const [label, districts, draws] of [
      ['SCR', 9, 10_000],
      ['national', 150, 1_000],
    ] as const) {
      const inputs = inputsFor(districts);
      // Warm up the JIT on both sides (and start the worker threads) before timing.
      runDraws(inputs, { seed: 1, firstDraw: 0, drawCount: 200, outputs: BENCH_OUTPUTS });
      await pool.run(inputs, 1, 200 * poolSize);
      const single = timeIt(() =>
        runDraws(inputs, { seed: 1, firstDraw: 0, drawCount: draws, outputs: BENCH_OUTPUTS }),
      );
      const pooled = await timeAsync(() => pool.run(inputs, 1, draws));
      row([
        label,
        inputs.cellCount,
        draws,
        single.toFixed(3),
        Math.round(draws / single),
        pooled.toFixed(3),
        Math.round(draws / pooled),
        `${(single / pooled).toFixed(2)}x`,
      ]);
    }
  } finally {
    await pool.close();
  }
  lines.push('Goals: SCR 10,000 draws under 1 s on 2 cores; pool speed-up >= 1.7x.');
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
