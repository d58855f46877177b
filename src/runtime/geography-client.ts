/**
 * The region's boundary files, fetched (never bundled into the JavaScript), parsed and
 * projected in the geography worker, once per level and frame size for the session. The main
 * thread receives path strings and centroids and only rebuilds the fitted projection.
 */
import { wrap, type Remote } from 'comlink';
import type { GeographyLevel } from '../data/types.ts';
import { BUNDLED_DATA_URLS } from '../data/browser-reader.ts';
import { boundaryPath } from '../data/registry/boundaries.ts';
import { withProjection, type PreparedGeography } from '../maps/geography.ts';
import type { BoundaryFile, GeographyWorkerApi } from '../../workers/geography-worker-api.ts';

let worker: Remote<GeographyWorkerApi> | undefined;
const geographies = new Map<string, Promise<PreparedGeography>>();

function geographyWorker(): Remote<GeographyWorkerApi> {
  worker ??= wrap<GeographyWorkerApi>(
    new Worker(new URL('../../workers/geography.worker.ts', import.meta.url), {
      type: 'module',
      name: 'geography',
    }),
  );
  return worker;
}

function boundaryFile(level: GeographyLevel): BoundaryFile {
  const file = boundaryPath(level);
  const url = BUNDLED_DATA_URLS.get(file);
  if (!url) throw new Error(`The boundary file data/${file} is not in this build.`);
  // Absolute, since the worker resolves relative addresses against its own script.
  return { url: new URL(url, location.href).href, file };
}

/** Projected paths for a level, computed once: indicator changes only restyle them. */
export function loadGeography(
  level: GeographyLevel,
  width: number,
  height: number,
): Promise<PreparedGeography> {
  const key = `${level}:${width}x${height}`;
  let pending = geographies.get(key);
  if (!pending) {
    pending = Promise.resolve()
      .then(() => geographyWorker().project(boundaryFile(level), level, width, height))
      .then(withProjection);
    // A failed load is not remembered, so the next attempt tries again.
    pending.catch(() => geographies.delete(key));
    geographies.set(key, pending);
  }
  return pending;
}

/** Each area of a small-area level mapped to its MSOA or district, from that level's boundary file. */
export async function loadParentLookup(
  level: GeographyLevel,
  parentLevel: GeographyLevel,
): Promise<Map<string, string>> {
  return geographyWorker().parentLookup(boundaryFile(level), level, parentLevel);
}
