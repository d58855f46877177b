/**
 * What the data worker exposes: the region's files read, parsed and validated row by row off
 * the main thread (the loader is pure and takes a `read` function), so the page receives only
 * the dataset and the issues. Kept apart from workers/data.worker.ts so tests can call it in
 * Node.
 */
import { loadRegionDataset, type DataReader, type LoadResult } from '../src/data/load.ts';

export function createDataWorkerApi(read: DataReader) {
  return {
    /** Every default file, validated and joined, as the loader gives it. */
    load(): Promise<LoadResult> {
      return loadRegionDataset(read);
    },
  };
}

export type DataWorkerApi = ReturnType<typeof createDataWorkerApi>;
