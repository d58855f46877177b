// @vitest-environment node
// The worker pool and the data loader are Node-side here (no DOM needed): a MessageChannel
// stands in for each Worker, and data/ is read from disk.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expose, type Endpoint } from 'comlink';
import { formatEesCsv, parseCsv } from '../../../src/data/ees.ts';
import { loadRegionDataset } from '../../../src/data/load.ts';
import { nodeReader } from '../../../src/data/node-reader.ts';
import type { RegionDataset } from '../../../src/data/types.ts';
import { cellIndex, forecastColumns, runDeterministic } from '../../../src/model/index.ts';
import { ModelPool, type ModelWorkerLike } from '../../../src/runtime/model-pool.ts';
import { modelWorkerApi } from '../../../workers/model-worker-api.ts';
import {
  driversTable,
  flowsTable,
  fullForecastFiles,
  needTable,
} from '../../../src/ui/forecast/forecast-files.ts';
import { buildForecastView, type ForecastChoices } from '../../../src/ui/forecast/forecast-view.ts';
import { forecastInputs, runForecast } from '../../../src/ui/forecast/run-forecast.ts';
import { fixedClock } from '../../../src/data/clock.ts';

/** The real worker API over a MessageChannel in this thread: same cloning as a Worker. */
const opened: MessagePort[] = [];
function channelWorker(): ModelWorkerLike {
  const { port1, port2 } = new MessageChannel();
  opened.push(port1, port2);
  expose(modelWorkerApi, port2 as unknown as Endpoint);
  return Object.assign(port1 as unknown as Endpoint, {
    terminate() {
      port1.close();
      port2.close();
    },
  });
}

afterEach(() => {
  for (const port of opened.splice(0)) port.close();
});

let region: RegionDataset;
beforeAll(async () => {
  region = (await loadRegionDataset(nodeReader())).dataset;
});

const choices = (over: Partial<ForecastChoices> = {}): ForecastChoices => ({
  area: 'region',
  phase: 'secondary',
  subject: 'all',
  drawCount: 60,
  seed: 3,
  ...over,
});

/** Plans are made from a date; the tests fix it. */
const TODAY = fixedClock('2026-12-03')();

const quiet = () => ({
  signal: new AbortController().signal,
  onProgress: () => {},
  today: TODAY,
});

describe('a forecast run through the worker pool (default data)', () => {
  it('gives the deterministic model as its central projection and drivers that add up', async () => {
    const pool = new ModelPool({ size: 2, createWorker: channelWorker });
    let lastProgress = 0;
    const result = await runForecast(pool, region, choices(), {
      signal: new AbortController().signal,
      onProgress: (done) => (lastProgress = done),
      today: TODAY,
    });
    pool.terminate();
    expect(lastProgress).toBe(60);
    const deterministic = runDeterministic(forecastInputs(region, choices(), TODAY));
    expect(result.central.outputs.nqtNeed).toEqual(deterministic.outputs.nqtNeed);
    expect(result.central.base).toEqual(deterministic.base);
    const { view } = result;
    expect(view.years).toHaveLength(3);
    for (const year of view.years) {
      expect(year.nqt.p10!).toBeLessThanOrEqual(year.nqt.p50!);
      expect(year.nqt.p50!).toBeLessThanOrEqual(year.nqt.p90!);
      expect(year.trainee.p10!).toBeLessThan(year.trainee.p90!);
    }
    for (const change of view.changes) {
      const sum = change.steps.reduce((total, step) => total + step.value, 0);
      expect(change.from.trainee.central + sum).toBeCloseTo(change.to.trainee.central, 6);
    }
    // The drivers file: each year's Total row is the sum of its driver rows.
    const drivers = driversTable(view);
    for (const year of new Set(drivers.rows.map((row) => row.time_period))) {
      const rows = drivers.rows.filter((row) => row.time_period === year);
      const total = rows.find((row) => row.driver === 'Total')!.trainee_need_change as number;
      const parts = rows
        .filter((row) => row.driver !== 'Total')
        .reduce((sum, row) => sum + (row.trainee_need_change as number), 0);
      expect(parts).toBeCloseTo(total, 6);
    }
  });

  it('matches the per-cell summary for a one-district, one-subject choice', async () => {
    const pool = new ModelPool({ size: 3, createWorker: channelWorker });
    const chosen = choices({ area: 'E08000019', subject: 'Physics' });
    const result = await runForecast(pool, region, chosen, quiet());
    pool.terminate();
    const { inputs, summary, view } = result;
    const district = inputs.districts.findIndex((d) => d.code === 'E08000019');
    const group = inputs.groups.indexOf('Physics');
    for (const year of view.years) {
      const i = cellIndex(inputs, district, group, year.yearIndex);
      expect(year.nqt.p10).toBeCloseTo(summary!.nqtNeed!.p10[i]!, 9);
      expect(year.nqt.p50).toBeCloseTo(summary!.nqtNeed!.p50[i]!, 9);
      expect(year.trainee.p90).toBeCloseTo(summary!.traineeNeed!.p90[i]!, 9);
      expect(year.nqt.central).toBe(result.central.outputs.nqtNeed[i]);
    }
    expect(view.areaName).toBe('Sheffield');
  });

  it('adds up districts to the region, and writes valid EES files', async () => {
    const pool = new ModelPool({ size: 1, createWorker: channelWorker });
    const result = await runForecast(pool, region, choices({ drawCount: 0 }), quiet());
    pool.terminate();
    const source = {
      inputs: result.inputs,
      central: result.central,
      drivers: result.drivers,
      draws: undefined,
    };
    const byDistrict = region.districts.map(
      (d) =>
        buildForecastView(choices({ area: d.code, drawCount: 0 }), source).years[0]!.nqt.central,
    );
    const sum = byDistrict.reduce((total, value) => total + value, 0);
    expect(result.view.years[0]!.nqt.central).toBeCloseTo(sum, 6);

    const need = parseCsv(formatEesCsv(needTable(result.view)));
    expect(need.rows).toHaveLength(3);
    expect(need.rows[0]).toMatchObject({
      geographic_level: 'Regional',
      region_code: 'z',
      region_name: 'Sheffield City Region',
      subject: 'All secondary subjects',
      nqt_need_fte_p50: 'x',
    });
    expect(parseCsv(formatEesCsv(flowsTable(result.view))).rows).toHaveLength(3);
    const [data, meta] = fullForecastFiles(result, 'full');
    const full = parseCsv(data.text);
    expect(full.columns).toEqual(forecastColumns());
    // Every cell, each district's secondary Total and the region's 20 rows, in every year.
    const { districtCount, groupCount, yearCount } = result.inputs;
    expect(full.rows).toHaveLength((districtCount * (groupCount + 1) + groupCount + 1) * yearCount);
    expect(parseCsv(meta.text).rows.length).toBeGreaterThan(10);
    expect(meta.fileName).toBe('full.meta.csv');
  });

  it('stops when cancelled', async () => {
    const pool = new ModelPool({ size: 2, createWorker: channelWorker });
    const controller = new AbortController();
    const running = runForecast(pool, region, choices({ drawCount: 2000 }), {
      signal: controller.signal,
      onProgress: () => {},
      today: TODAY,
    });
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    pool.terminate();
  });
});
