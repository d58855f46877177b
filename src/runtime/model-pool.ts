/**
 * Main-thread client of the model workers: splits Monte Carlo draws across a pool sized to
 * the machine, reports progress, and cancels with an AbortSignal (abort terminates every
 * worker; the next run starts fresh ones). Draw i depends only on (seed, i), so the merged
 * result is identical whatever the pool size and however the draws are cut into chunks.
 */
import { proxy, wrap, type Endpoint, type Remote } from 'comlink';
import type { DrawResult, DrawSummary, ModelInputs, OutputName } from '../model/index.ts';
import { DrawChunkMerge } from '../model/monte-carlo.ts';
import type { ModelWorkerApi } from '../../workers/model.worker.ts';
import { fromPlainError, type WorkerOutcome } from './model-worker-api.ts';

/** A Worker, or anything with the same messaging surface (e.g. a MessagePort in tests). */
export type ModelWorkerLike = Endpoint & { terminate(): void };

export interface ModelPoolOptions {
  /** Number of workers; default navigator.hardwareConcurrency, at least 1. */
  size?: number;
  createWorker?: () => ModelWorkerLike;
}

export interface ModelRunOptions {
  seed: number;
  drawCount: number;
  spread?: number;
  outputs?: readonly OutputName[];
  signal?: AbortSignal;
  /** Called as draws finish, with the total done across workers. */
  onProgress?: (drawsDone: number, drawCount: number) => void;
}

function defaultWorker(): ModelWorkerLike {
  return new Worker(new URL('../../workers/model.worker.ts', import.meta.url), {
    type: 'module',
    name: 'model',
  });
}

function defaultSize(): number {
  const cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency;
  return Math.max(1, Math.floor(cores || 1));
}

function abortError(): DOMException {
  return new DOMException('The model run was cancelled.', 'AbortError');
}

/** Contiguous draw ranges, as even as possible, one per worker (none empty). */
export function splitDraws(
  drawCount: number,
  parts: number,
): { firstDraw: number; drawCount: number }[] {
  const count = Math.max(1, Math.min(parts, drawCount));
  const ranges = [];
  let firstDraw = 0;
  for (let i = 0; i < count; i++) {
    const size = Math.floor(drawCount / count) + (i < drawCount % count ? 1 : 0);
    ranges.push({ firstDraw, drawCount: size });
    firstDraw += size;
  }
  return ranges;
}

/** Chunks per worker: enough that the last one to finish keeps the others waiting little. */
const CHUNKS_PER_WORKER = 8;
/** Fewer draws than this per chunk and the messages cost more than the balance gains. */
const MINIMUM_CHUNK_DRAWS = 100;

/** How many ranges to cut drawCount into: at least one per worker, more when there are many. */
export function chunkCount(drawCount: number, workers: number): number {
  const balanced = Math.min(
    workers * CHUNKS_PER_WORKER,
    Math.floor(drawCount / MINIMUM_CHUNK_DRAWS),
  );
  return Math.max(1, Math.min(workers, drawCount), balanced);
}

interface PoolWorker {
  worker: ModelWorkerLike;
  api: Remote<ModelWorkerApi>;
}

export class ModelPool {
  readonly size: number;
  private readonly createWorker: () => ModelWorkerLike;
  private workers: PoolWorker[] = [];

  constructor(options: ModelPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? defaultSize()));
    this.createWorker = options.createWorker ?? defaultWorker;
  }

  private ensureWorkers(count: number): PoolWorker[] {
    while (this.workers.length < count) {
      const worker = this.createWorker();
      this.workers.push({ worker, api: wrap<ModelWorkerApi>(worker) });
    }
    return this.workers.slice(0, count);
  }

  /**
   * Runs drawCount draws split across the pool and returns them merged, in draw order. The
   * draws go out in several chunks per worker, each worker taking the next chunk when it
   * finishes one, so a worker on a busier or slower core does less of the work instead of
   * holding everyone up.
   */
  async run(inputs: ModelInputs, options: ModelRunOptions): Promise<DrawResult> {
    const { seed, drawCount, spread, outputs, signal, onProgress } = options;
    if (signal?.aborted) throw abortError();
    const ranges = splitDraws(drawCount, chunkCount(drawCount, this.size));
    const workers = this.ensureWorkers(Math.min(this.size, ranges.length));
    const done = new Array<number>(ranges.length).fill(0);
    const progressProxies = ranges.map((_, i) =>
      proxy((drawsDone: number) => {
        done[i] = drawsDone;
        onProgress?.(
          done.reduce((sum, value) => sum + value, 0),
          drawCount,
        );
      }),
    );
    // Chunks are copied into the first chunk's arrays as they arrive, while others still run.
    const merge = new DrawChunkMerge(0, drawCount);
    let nextRange = 0;
    const serve = async (worker: PoolWorker) => {
      while (nextRange < ranges.length) {
        const index = nextRange++;
        const outcome = (await worker.api.runDraws(
          inputs,
          // The first chunk's arrays get room for every draw (see DrawChunkMerge).
          {
            seed,
            spread,
            outputs,
            ...ranges[index]!,
            ...(index === 0 ? { capacityDraws: drawCount } : {}),
          },
          onProgress ? progressProxies[index] : undefined,
        )) as WorkerOutcome<DrawResult>;
        if (!outcome.ok) {
          nextRange = ranges.length; // the run has failed: hand out no more chunks
          throw fromPlainError(outcome.error);
        }
        merge.add(outcome.value);
      }
    };
    await this.untilDoneOrAborted(Promise.all(workers.map(serve)), signal);
    return merge.result();
  }

  /** P10/P50/P90 computed in a worker (sorting thousands of draws per cell is not main-thread work). */
  async summarise(draws: DrawResult, signal?: AbortSignal): Promise<DrawSummary> {
    if (signal?.aborted) throw abortError();
    const [worker] = this.ensureWorkers(1);
    const outcome = await this.untilDoneOrAborted(
      worker!.api.summariseDraws(draws) as Promise<WorkerOutcome<DrawSummary>>,
      signal,
    );
    if (!outcome.ok) throw fromPlainError(outcome.error);
    return outcome.value;
  }

  private untilDoneOrAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    if (!signal) return work;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        this.terminate();
        reject(abortError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      work.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  /** Stops every worker now; the next run creates new ones. */
  terminate(): void {
    for (const { worker } of this.workers) worker.terminate();
    this.workers = [];
  }
}
