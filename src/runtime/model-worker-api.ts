/**
 * What the model worker exposes. Kept apart from workers/model.worker.ts so tests can expose
 * it on a MessageChannel in Node. Results leave as transferables (no copy); errors leave as
 * plain objects, since some browsers cannot structured-clone an Error.
 */
import { transfer } from 'comlink';
import {
  BlockWorkspace,
  ModelInputError,
  runDraws,
  summariseBlock,
  summariseTotals,
  type AreaBlock,
  type BlockSummary,
  type DrawOptions,
  type DrawResult,
  type DrawSummary,
  type ModelInputs,
  type RunSummary,
  type SummaryRequest,
} from '../model/index.ts';

export interface PlainError {
  name: string;
  message: string;
  /** ModelInputError's path to the bad value, when there is one. */
  path?: string;
}

export type WorkerOutcome<T> = { ok: true; value: T } | { ok: false; error: PlainError };

export function toPlainError(error: unknown): PlainError {
  if (error instanceof ModelInputError)
    return { name: error.name, message: error.message, path: error.path };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** Rebuilds the error a worker reported, as the class it was thrown as where that matters. */
export function fromPlainError(error: PlainError): Error {
  if (error.path !== undefined) {
    const rebuilt = new ModelInputError(error.path, '');
    rebuilt.message = error.message;
    return rebuilt;
  }
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}

function buffersOf(outputs: Partial<Record<string, Float64Array>>): ArrayBuffer[] {
  return Object.values(outputs).map((array) => array!.buffer as ArrayBuffer);
}

function summaryBuffers(summary: DrawSummary): ArrayBuffer[] {
  return Object.values(summary).flatMap((range) => [
    range!.p10.buffer as ArrayBuffer,
    range!.p50.buffer as ArrayBuffer,
    range!.p90.buffer as ArrayBuffer,
  ]);
}

/** Kept between calls: a block's draws need megabytes, and fresh memory is slow to fill. */
const workspace = new BlockWorkspace();

export const modelWorkerApi = {
  /** Runs a range of Monte Carlo draws; onProgress (a Comlink proxy) gets draws done so far. */
  runDraws(
    inputs: ModelInputs,
    options: DrawOptions,
    onProgress?: (drawsDone: number) => void,
  ): WorkerOutcome<DrawResult> {
    try {
      const result = runDraws(inputs, options, (done) => void onProgress?.(done));
      return transfer({ ok: true as const, value: result }, buffersOf(result.outputs));
    } catch (error) {
      return { ok: false, error: toPlainError(error) };
    }
  },

  /** Every draw of one area block, reduced to its ranges and its parts of the totals. */
  summariseBlock(
    inputs: ModelInputs,
    request: SummaryRequest,
    block: AreaBlock,
    onProgress?: (drawsDone: number) => void,
  ): WorkerOutcome<BlockSummary> {
    try {
      const summary = summariseBlock(
        inputs,
        request,
        block,
        workspace,
        (done) => void onProgress?.(done),
      );
      const buffers = [...summaryBuffers(summary.ranges), ...buffersOf(summary.totals)];
      return transfer({ ok: true as const, value: summary }, buffers);
    } catch (error) {
      return { ok: false, error: toPlainError(error) };
    }
  },

  /** P10/P50/P90 of each total of a run, off the main thread. */
  summariseTotals(run: Pick<RunSummary, 'drawCount' | 'totals'>): WorkerOutcome<DrawSummary> {
    try {
      const summary = summariseTotals(run);
      return transfer({ ok: true as const, value: summary }, summaryBuffers(summary));
    } catch (error) {
      return { ok: false, error: toPlainError(error) };
    }
  },
};
