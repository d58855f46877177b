/**
 * A `DataReader` for the browser: Vite emits each data file as an asset and this maps the
 * paths relative to data/ onto their URLs. Browser-only (uses import.meta.glob and fetch);
 * Node code uses node-reader.ts instead.
 */
import type { DataReader } from './load.ts';

const urls = import.meta.glob(
  ['../../data/*.csv', '!../../data/*.meta.csv', '../../data/geo/*.topo.json'],
  { query: '?url', import: 'default', eager: true },
) as Record<string, string>;

const PREFIX = '../../data/';

/** Data files the build bundles, keyed by their path relative to data/. */
export const BUNDLED_DATA_URLS: ReadonlyMap<string, string> = new Map(
  Object.entries(urls).map(([key, url]) => [key.slice(PREFIX.length), url]),
);

export function browserReader(fetchImpl: typeof fetch = fetch): DataReader {
  return async (path) => {
    const url = BUNDLED_DATA_URLS.get(path);
    if (url === undefined) throw new Error(`${path} is not among the bundled data files`);
    const response = await fetchImpl(url);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${response.statusText}`);
    return new Uint8Array(await response.arrayBuffer());
  };
}
