/**
 * Loads the region dataset bundled with the app (data/), once per page load, in the data
 * worker: reading and validating the files row by row takes the main thread 50-90 ms a file.
 * The worker ends when it has answered.
 */
import { wrap } from 'comlink';
import type { LoadResult } from '../data/load.ts';
import type { DataWorkerApi } from '../../workers/data-worker-api.ts';

let loading: Promise<LoadResult> | undefined;

async function loadInWorker(): Promise<LoadResult> {
  const worker = new Worker(new URL('../../workers/data.worker.ts', import.meta.url), {
    type: 'module',
    name: 'data',
  });
  // A worker that cannot start never answers: its error event ends the wait instead.
  const failed = new Promise<never>((_, reject) =>
    worker.addEventListener(
      'error',
      (event) => reject(new Error(event.message || 'the data worker could not start')),
      { once: true },
    ),
  );
  try {
    return await Promise.race([wrap<DataWorkerApi>(worker).load(), failed]);
  } finally {
    worker.terminate();
  }
}

export function loadDefaultDataset(): Promise<LoadResult> {
  loading ??= loadInWorker();
  return loading;
}
