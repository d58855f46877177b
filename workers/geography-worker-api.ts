/**
 * What the geography worker exposes: boundary files fetched, parsed and projected off the main
 * thread, which then receives only SVG path strings and centroids (plain data). Kept apart from
 * workers/geography.worker.ts so tests can call it in Node. Each file is read once per worker;
 * a failed read is not remembered, so the next call tries again.
 */
import type { Topology } from 'topojson-specification';
import type { GeographyLevel } from '../src/data/types.ts';
import { parentLookup, projectGeography, type ProjectedGeography } from '../src/maps/geography.ts';

/** A boundary file: where to fetch it, and its name in data/ for messages. */
export interface BoundaryFile {
  url: string;
  file: string;
}

export function createGeographyWorkerApi(fetchImpl: typeof fetch = fetch) {
  const topologies = new Map<string, Promise<Topology>>();
  const topology = ({ url, file }: BoundaryFile): Promise<Topology> => {
    let pending = topologies.get(url);
    if (!pending) {
      pending = fetchImpl(url).then(async (response) => {
        if (!response.ok) {
          throw new Error(
            `The boundary file data/${file} could not be loaded (HTTP ${response.status}).`,
          );
        }
        return (await response.json()) as Topology;
      });
      pending.catch(() => topologies.delete(url));
      topologies.set(url, pending);
    }
    return pending;
  };
  return {
    /** A level's boundaries projected into a width x height frame. */
    async project(
      boundary: BoundaryFile,
      level: GeographyLevel,
      width: number,
      height: number,
    ): Promise<ProjectedGeography> {
      return projectGeography(await topology(boundary), level, { width, height });
    },

    /** Each area of a small-area level mapped to its MSOA or district. */
    async parentLookup(
      boundary: BoundaryFile,
      level: GeographyLevel,
      parentLevel: GeographyLevel,
    ): Promise<Map<string, string>> {
      return parentLookup(await topology(boundary), level, parentLevel);
    },
  };
}

export type GeographyWorkerApi = ReturnType<typeof createGeographyWorkerApi>;
