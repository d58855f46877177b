/**
 * What the model worker exposes. Kept apart from model.worker.ts so tests can expose it on a
 * MessageChannel in Node. Results leave as transferables (no copy); errors as plain objects
 * (outcome.ts).
 */
import { transfer } from 'comlink';
import {
  BlockWorkspace,
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
} from '../src/model/index.ts';
import { toPlainError, type WorkerOutcome } from './outcome.ts';

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
