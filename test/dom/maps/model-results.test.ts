// @vitest-environment node
// The page's model results from the real default data, the model run in this thread (as the
// worker would) and the allocation solved by HiGHS behind a MessageChannel standing in for the
// solver worker.
import { readFile } from 'node:fs/promises';
import { expose, type Endpoint } from 'comlink';
import loadHighs from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { toTimePeriod } from '../../../src/data/academic-year.ts';
import { fixedClock } from '../../../src/data/clock.ts';
import { loadRegionDataset } from '../../../src/data/load.ts';
import { DEFAULT_DATA_DIR, nodeReader } from '../../../src/data/node-reader.ts';
import type { AreaIndicator, RegionDataset } from '../../../src/data/types.ts';
import { ModelPool, type ModelWorkerLike } from '../../../src/runtime/model-pool.ts';
import { modelWorkerApi } from '../../../workers/model-worker-api.ts';
import { SolverClient, type SolverWorkerLike } from '../../../src/runtime/solver-client.ts';
import { createSolverWorkerApi } from '../../../workers/solver-worker-api.ts';
import { createHighsEngine } from '../../../src/solver/highs-engine.ts';
import {
  runAllocationNeed,
  type AllocationNeed,
} from '../../../src/ui/allocation/allocation-need.ts';
import {
  DEFAULT_ALLOCATION_FILE,
  DEFAULT_RETURNS_FILES,
} from '../../../src/ui/in-year/default-cycle.ts';
import type { CycleSources } from '../../../src/ui/in-year/in-year-session.ts';
import { districtFillRate } from '../../../src/indicators/fill-rate-indicator.ts';
import {
  cycleFillRates,
  fillRateIndicator,
  forecastFillIndicator,
  mappedNqtYear,
  needIndicators,
  solvedAllocationIndicators,
} from '../../../src/ui/maps/model-results.ts';

/** A worker stand-in: the API exposed on one end of a MessageChannel in this thread. */
function channelWorker(api: object): ModelWorkerLike & SolverWorkerLike {
  const { port1, port2 } = new MessageChannel();
  expose(api, port2 as unknown as Endpoint);
  return Object.assign(port1 as unknown as Endpoint, {
    terminate() {
      port1.close();
      port2.close();
    },
  });
}

let region: RegionDataset;
let need: AllocationNeed;
let sources: CycleSources;

const read = (fileName: string) => readFile(`${DEFAULT_DATA_DIR}/${fileName}`, 'utf8');

beforeAll(async () => {
  region = (await loadRegionDataset(nodeReader())).dataset;
  // The real model worker API behind a MessageChannel, as the page's pool would run it.
  const pool = new ModelPool({ size: 1, createWorker: () => channelWorker(modelWorkerApi) });
  try {
    need = await runAllocationNeed(region, pool, undefined, fixedClock('2026-12-03'));
  } finally {
    pool.terminate();
  }
  sources = {
    allocation: { fileName: DEFAULT_ALLOCATION_FILE, text: await read(DEFAULT_ALLOCATION_FILE) },
    returns: await Promise.all(
      DEFAULT_RETURNS_FILES.map(async (fileName) => ({ fileName, text: await read(fileName) })),
    ),
    illustrative: true,
  };
});

const valuesOf = (indicator: AreaIndicator) => indicator.values.map((v) => v.value);
const pupilsIn = (districtCode: string, year: string) =>
  region.pupilProjections
    .filter((p) => p.districtCode === districtCode && p.year === year)
    .reduce((sum, p) => sum + p.pupils, 0);

describe('forecast need on the map (default data)', () => {
  it('maps the first NQT year the allocation can change: entry year + 1', () => {
    expect(need.entryYears[0]).toBe('2027/28');
    expect(mappedNqtYear(need)).toBe('2028/29');
  });

  it('gives all nine districts a finite need per 1,000 pupils, overall and by phase', () => {
    const indicators = needIndicators(region, need);
    expect(indicators.map((i) => i.id)).toEqual([
      `model_nqt_need_per_1000_all_${toTimePeriod(mappedNqtYear(need))}`,
      `model_nqt_need_per_1000_primary_${toTimePeriod(mappedNqtYear(need))}`,
      `model_nqt_need_per_1000_secondary_${toTimePeriod(mappedNqtYear(need))}`,
    ]);
    for (const indicator of indicators) {
      expect(indicator.values).toHaveLength(9);
      expect(valuesOf(indicator).every((v) => v !== null && Number.isFinite(v))).toBe(true);
      expect(indicator.provenance).toBe('estimated');
    }
  });

  it('the overall rate x pupils gives back the model’s district need', () => {
    const [overall] = needIndicators(region, need);
    const year = mappedNqtYear(need);
    for (const { areaCode, value } of overall!.values) {
      const modelNeed = need.need
        .filter((r) => r.districtCode === areaCode && r.nqtYear === year)
        .reduce((sum, r) => sum + r.teachers, 0);
      const pupils = pupilsIn(areaCode, year);
      expect((value! * pupils) / 1000).toBeCloseTo(modelNeed, 9);
    }
  });
});

describe('allocation results on the map (default data, HiGHS)', () => {
  it('solves the default allocation in the solver and maps expected NQTs and unmet need', async () => {
    const client = new SolverClient(() => {
      const { port1, port2 } = new MessageChannel();
      expose(
        createSolverWorkerApi(() => loadHighs().then(createHighsEngine)),
        port2 as Endpoint,
      );
      return Object.assign(port1 as unknown as SolverWorkerLike, {
        terminate() {
          port1.close();
          port2.close();
        },
      });
    });
    try {
      const [supply, unmet] = await solvedAllocationIndicators(
        region,
        need,
        client,
        new AbortController().signal,
      );
      expect(supply!.higherIsWorse).toBe(false);
      expect(unmet!.higherIsWorse).toBe(true);
      // The default partnership plans are illustrative, so the results are too.
      expect(supply!.provenance).toBe('illustrative');
      expect(unmet!.provenance).toBe('illustrative');
      for (const indicator of [supply!, unmet!]) {
        expect(indicator.values).toHaveLength(9);
        expect(valuesOf(indicator).every((v) => v !== null && v >= 0)).toBe(true);
      }
      // Supply and unmet need cannot both exceed the need: supply + unmet - surplus = need.
      const [needOverall] = needIndicators(region, need);
      const supplyOf = new Map(supply!.values.map((v) => [v.areaCode, v.value!]));
      const unmetOf = new Map(unmet!.values.map((v) => [v.areaCode, v.value!]));
      for (const { areaCode, value } of needOverall!.values) {
        expect(unmetOf.get(areaCode)!).toBeLessThanOrEqual(Math.max(0, value!) + 1e-6);
        expect(supplyOf.get(areaCode)! + unmetOf.get(areaCode)!).toBeGreaterThanOrEqual(
          value! - 1e-6,
        );
      }
    } finally {
      client.dispose();
    }
  }, 60_000);
});

describe('fill rate on the map (bundled illustrative cycle)', () => {
  it('reads the latest month returned and the partnership fill rates', () => {
    const rates = cycleFillRates(sources, region.partnerships);
    expect(rates.cycle).toBe('2025/26');
    expect(rates.asAt).toBe('31 March 2025');
    expect(rates.provenance).toBe('illustrative');
    expect(rates.byPartnership.length).toBeGreaterThan(0);
  });

  it('gives each district a rate between the lowest and highest partnership rates', () => {
    const partnershipRates = cycleFillRates(sources, region.partnerships)
      .byPartnership.filter((r) => r.fillRate !== null)
      .map((r) => 100 * r.fillRate!);
    const indicator = fillRateIndicator(region, sources);
    expect(indicator.provenance).toBe('illustrative');
    expect(indicator.label).toMatch(/\(illustrative\)$/);
    expect(indicator.values).toHaveLength(9);
    for (const value of valuesOf(indicator)) {
      expect(value).not.toBeNull();
      expect(value!).toBeGreaterThanOrEqual(Math.min(...partnershipRates) - 1e-9);
      expect(value!).toBeLessThanOrEqual(Math.max(...partnershipRates) + 1e-9);
    }
  });

  it('forecasts each district’s fill at the end of the cycle: never below what is already recruited, at most 100%', () => {
    const rates = cycleFillRates(sources, region.partnerships);
    // The same weighting with recruits to date, each cell capped at its places, is a floor.
    const recruitedCapped = new Map<string, number>();
    for (const cell of rates.cells) {
      const sum = recruitedCapped.get(cell.partnershipCode) ?? 0;
      recruitedCapped.set(cell.partnershipCode, sum + Math.min(cell.recruited, cell.allocation));
    }
    const forecast = forecastFillIndicator(region, sources);
    expect(forecast.provenance).toBe('illustrative');
    expect(forecast.label).toBe(
      'Forecast fill rate at the end of the cycle, 2025/26 entry (illustrative)',
    );
    expect(forecast.values).toHaveLength(9);
    const floorValues = valuesOf(
      districtFillRate(
        region.districts,
        region.partnerships,
        rates.byPartnership.map((rate) => ({
          ...rate,
          recruited: recruitedCapped.get(rate.label) ?? 0,
        })),
        rates,
      ),
    );
    for (const [index, value] of valuesOf(forecast).entries()) {
      expect(value).not.toBeNull();
      expect(value!).toBeGreaterThanOrEqual(floorValues[index]! - 1e-9);
      expect(value!).toBeLessThanOrEqual(100 + 1e-9);
    }
  });

  it('names the file, row and column of a bad returns file', () => {
    const [first, second] = sources.returns;
    // The first data row (file row 2) says -3 recruited.
    const lines = (second!.text as string).split('\n');
    const column = lines[0]!.split(',').indexOf('recruited_count');
    const cells = lines[1]!.split(',');
    cells[column] = '-3';
    const broken = [lines[0], cells.join(','), ...lines.slice(2)].join('\n');
    expect(() =>
      cycleFillRates(
        { ...sources, returns: [first!, { fileName: second!.fileName, text: broken }] },
        region.partnerships,
      ),
    ).toThrow(
      /illustrative_recruitment_returns_202526\.csv, line 2, column recruited_count: -3 is too small; enter a whole number of trainees recruited from 0 to 99,999/,
    );
  });
});
