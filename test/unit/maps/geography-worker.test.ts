/**
 * Boundaries projected in the geography worker: what crosses to the main thread is plain data
 * (it survives structured cloning), the projection rebuilt from its parameters places points
 * exactly where the fitted one does, and a boundary file that cannot be read is named and
 * retried on the next call.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { fittedProjection, projectGeography, withProjection } from '../../../src/maps/geography.ts';
import { createGeographyWorkerApi } from '../../../workers/geography-worker-api.ts';

const text = readFileSync(join(import.meta.dirname, '../../../data/geo/scr_lad.topo.json'), 'utf8');
const topology = JSON.parse(text) as Topology;
const FRAME = { width: 600, height: 640 };
/** Sheffield city centre, a Barnsley school and a point well outside the region. */
const POINTS: [number, number][] = [
  [-1.4701, 53.3811],
  [-1.4797, 53.5526],
  [0.1278, 51.5074],
];

describe('projected boundaries', () => {
  it('survive structured cloning, and the rebuilt projection places points as the fitted one', () => {
    const projected = structuredClone(projectGeography(topology, 'district', FRAME));
    expect(projected.areas).toHaveLength(9);
    const rebuilt = withProjection(projected);
    const districts = feature(
      topology,
      topology.objects.lad as GeometryCollection,
    ) as FeatureCollection;
    const fitted = fittedProjection(districts, FRAME.width, FRAME.height);
    for (const [longitude, latitude] of POINTS) {
      const [x, y] = fitted([longitude, latitude])!;
      expect(rebuilt.project(longitude, latitude)).toEqual([
        Math.round(x * 10) / 10,
        Math.round(y * 10) / 10,
      ]);
    }
    // Sheffield's centre falls inside the frame.
    const [x, y] = rebuilt.project(...POINTS[0]!)!;
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(FRAME.width);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(FRAME.height);
  });

  it('are the same from the worker API as on this thread, fetching each file once', async () => {
    const fetched: string[] = [];
    const api = createGeographyWorkerApi(async (url) => {
      fetched.push(String(url));
      return new Response(text);
    });
    const file = { url: 'http://test/scr_lad.topo.json', file: 'geo/scr_lad.topo.json' };
    const projected = await api.project(file, 'district', FRAME.width, FRAME.height);
    expect(projected).toEqual(projectGeography(topology, 'district', FRAME));
    // A second call on the same file reuses the parsed topology.
    await api.parentLookup(file, 'district', 'district');
    expect(fetched).toEqual([file.url]);
  });

  it('names a boundary file that cannot be read, and tries again on the next call', async () => {
    let calls = 0;
    const api = createGeographyWorkerApi(async () => {
      calls += 1;
      return calls === 1 ? new Response('', { status: 404 }) : new Response(text);
    });
    const file = { url: 'http://test/x.json', file: 'geo/scr_lad.topo.json' };
    await expect(api.project(file, 'district', 600, 640)).rejects.toThrow(
      'The boundary file data/geo/scr_lad.topo.json could not be loaded (HTTP 404).',
    );
    expect((await api.project(file, 'district', 600, 640)).areas).toHaveLength(9);
  });
});
