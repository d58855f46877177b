/**
 * Main-thread client of the model workers: splits Monte Carlo draws across a pool sized to
 * the machine, reports progress, and cancels with an AbortSignal (abort terminates every
 * worker; the next run starts fresh ones). Draw i depends only on (seed, i), so the merged
 * result is identical whatever the pool size and however the work is cut up.
 */
import { proxy, wrap, type Endpoint, type Remote } from 'comlink';
import {
  SummaryMerge,
  areaBlocks,
  mergeDrawChunks,
  type BlockSummary,
  type DrawResult,
  type DrawSummary,
  type ModelInputs,
  type OutputName,
  type RunSummary,
  type SummaryRequest,
} from '../model/index.ts';
import type { ModelWorkerApi } from '../../workers/model.worker.ts';
import { fromPlainError, type WorkerOutcome } from '../../workers/outcome.ts';
import { abortError } from './abort.ts';

const CANCELLED = 'The model run was cancelled.';

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

/**
 * Progress of parts running at once, as draws of the whole run: each part reports draws done
 * out of drawCount, and `parts / perRun` parts make one run (1 for draw ranges, the block count
 * for blocks, which each run every draw).
 */
function progressCounter(
  parts: number,
  drawCount: number,
  perRun: number,
  onProgress: ModelRunOptions['onProgress'],
) {
  const done = new Array<number>(parts).fill(0);
  let finished = false;
  return {
    proxyFor(part: number) {
      if (!onProgress) return undefined;
      return proxy((drawsDone: number) => {
        // Reports are messages: one can arrive after the result, and must not undo it.
        if (finished) return;
        done[part] = drawsDone;
        const total = done.reduce((sum, value) => sum + value, 0);
        onProgress(Math.floor(total / perRun), drawCount);
      });
    },
    finish() {
      finished = true;
      onProgress?.(drawCount, drawCount);
    },
  };
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
   * Runs drawCount draws split across the pool and returns every draw of the outputs asked
   * for, merged in draw order. For a central run or a few draws; ranges of many draws come
   * cheaper from runSummary, which keeps the draws in the workers.
   */
  async run(inputs: ModelInputs, options: ModelRunOptions): Promise<DrawResult> {
    const { seed, drawCount, spread, outputs, signal, onProgress } = options;
    if (signal?.aborted) throw abortError(CANCELLED);
    const ranges = splitDraws(drawCount, this.size);
    const workers = this.ensureWorkers(ranges.length);
    const progress = progressCounter(ranges.length, drawCount, 1, onProgress);
    const chunks = ranges.map(async (range, index) => {
      const outcome = (await workers[index]!.api.runDraws(
        inputs,
        { seed, spread, outputs, ...range },
        progress.proxyFor(index),
      )) as WorkerOutcome<DrawResult>;
      if (!outcome.ok) throw fromPlainError(outcome.error);
      return outcome.value;
    });
    const merged = mergeDrawChunks(await this.untilDoneOrAborted(Promise.all(chunks), signal));
    progress.finish();
    return merged;
  }

  /**
   * P10/P50/P90 per cell and totals draw by draw of a Monte Carlo run, computed where the
   * draws are made: the workers take the run's area blocks one at a time, each the next when
   * it finishes one, so a worker on a busier core does less instead of holding everyone up.
   * Identical to runSummary in one thread whatever the pool size.
   */
  async runSummary(
    inputs: ModelInputs,
    options: SummaryRequest & Pick<ModelRunOptions, 'signal' | 'onProgress'>,
  ): Promise<RunSummary> {
    const { signal, onProgress, ...request } = options;
    if (signal?.aborted) throw abortError(CANCELLED);
    const blocks = areaBlocks(inputs, request.drawCount);
    const workers = this.ensureWorkers(Math.min(this.size, blocks.length));
    const progress = progressCounter(blocks.length, request.drawCount, blocks.length, onProgress);
    const merge = new SummaryMerge(inputs, request);
    let nextBlock = 0;
    const serve = async (worker: PoolWorker) => {
      while (nextBlock < blocks.length) {
        const index = nextBlock++;
        const outcome = (await worker.api.summariseBlock(
          inputs,
          request,
          blocks[index]!,
          progress.proxyFor(index),
        )) as WorkerOutcome<BlockSummary>;
        if (!outcome.ok) {
          nextBlock = blocks.length; // the run has failed: hand out no more blocks
          throw fromPlainError(outcome.error);
        }
        merge.add(outcome.value);
      }
    };
    await this.untilDoneOrAborted(Promise.all(workers.map(serve)), signal);
    const summary = merge.result();
    progress.finish();
    return summary;
  }

  /**
   * P10/P50/P90 of each total of a run, in a worker: selecting among thousands of draws per
   * total is not main-thread work.
   */
  async summariseTotals(
    run: Pick<RunSummary, 'drawCount' | 'totals'>,
    signal?: AbortSignal,
  ): Promise<DrawSummary> {
    if (signal?.aborted) throw abortError(CANCELLED);
    const [worker] = this.ensureWorkers(1);
    const outcome = await this.untilDoneOrAborted(
      worker!.api.summariseTotals({ drawCount: run.drawCount, totals: run.totals }) as Promise<
        WorkerOutcome<DrawSummary>
      >,
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
        reject(abortError(CANCELLED));
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
