/**
 * The region's boundary files, fetched (never bundled into the JavaScript) once per level and
 * kept for the session, with each level's projected geography cached by frame size.
 */
import type { Topology } from 'topojson-specification';
import type { GeographyLevel } from '../../data/types.ts';
import { BUNDLED_DATA_URLS } from '../../data/browser-reader.ts';
import { boundaryPath } from '../../data/registry/index.ts';
import { parentLookup, prepareGeography, type PreparedGeography } from '../../maps/geography.ts';

const topologies = new Map<GeographyLevel, Promise<Topology>>();
const geographies = new Map<string, Promise<PreparedGeography>>();

export function loadTopology(level: GeographyLevel): Promise<Topology> {
  let pending = topologies.get(level);
  if (!pending) {
    const file = boundaryPath(level);
    const url = BUNDLED_DATA_URLS.get(file);
    pending = url
      ? fetch(url).then(async (response) => {
          if (!response.ok) {
            throw new Error(
              `The boundary file data/${file} could not be loaded (HTTP ${response.status}).`,
            );
          }
          return (await response.json()) as Topology;
        })
      : Promise.reject(new Error(`The boundary file data/${file} is not in this build.`));
    // A failed fetch is not remembered, so the next attempt tries again.
    pending.catch(() => topologies.delete(level));
    topologies.set(level, pending);
  }
  return pending;
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
    pending = loadTopology(level).then((topology) =>
      prepareGeography(topology, level, { width, height }),
    );
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
  return parentLookup(await loadTopology(level), level, parentLevel);
}
