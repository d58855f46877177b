import { browserReader } from '../data/browser-reader.ts';
import { loadRegionDataset, type LoadResult } from '../data/load.ts';

/** Loads the region dataset bundled with the app (data/), once per page load. */
let loading: Promise<LoadResult> | undefined;

export function loadDefaultDataset(): Promise<LoadResult> {
  loading ??= loadRegionDataset(browserReader());
  return loading;
}
