/**
 * What the model worker exposes. Kept apart from workers/model.worker.ts so tests can expose
 * it on a MessageChannel in Node. Results leave as transferables (no copy); errors leave as
 * plain objects, since some browsers cannot structured-clone an Error.
 */
import { transfer } from 'comlink';
import {
  ModelInputError,
  runDraws,
  summariseDraws,
  type DrawOptions,
  type DrawResult,
  type DrawSummary,
  type ModelInputs,
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

  /** P10/P50/P90 of draws, off the main thread. */
  summariseDraws(draws: DrawResult): WorkerOutcome<DrawSummary> {
    try {
      const summary = summariseDraws(draws);
      const buffers = Object.values(summary).flatMap((range) => [
        range!.p10.buffer as ArrayBuffer,
        range!.p50.buffer as ArrayBuffer,
        range!.p90.buffer as ArrayBuffer,
      ]);
      return transfer({ ok: true as const, value: summary }, buffers);
    } catch (error) {
      return { ok: false, error: toPlainError(error) };
    }
  },
};
