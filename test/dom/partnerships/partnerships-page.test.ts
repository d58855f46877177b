import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { expose, type Endpoint } from 'comlink';
import { loadRegionDataset } from '../../../src/data/load.ts';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildModelInputs,
  defaultParameters,
  runDraws,
  summariseDraws,
} from '../../../src/model/index.ts';
import {
  defaultPartnerSchools,
  districtNeedFromModel,
  partnershipForecast,
  shareWeights,
  type IntelligenceEntry,
} from '../../../src/partnerships/index.ts';
import { ModelPool, type ModelWorkerLike } from '../../../src/runtime/model-pool.ts';
import { modelWorkerApi } from '../../../workers/model-worker-api.ts';
import { FORECAST_RUN } from '../../../src/ui/partnerships/district-need-run.ts';
import { PartnershipStore } from '../../../src/storage/partnership-store.ts';
import '../../../src/ui/pages/tsp-partnerships-page.ts';
import { academicYear } from '../../../src/data/academic-year.ts';
import { fixedClock } from '../../../src/data/clock.ts';

/** Plans are made from a date; the tests fix it. */
const TODAY = fixedClock('2026-12-03')();

/** The real worker API on a MessageChannel: the same traffic as a Worker, in this thread. */
const ports: MessagePort[] = [];
function channelWorker(): ModelWorkerLike {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  expose(modelWorkerApi, port2 as unknown as Endpoint);
  return Object.assign(port1 as unknown as Endpoint, {
    terminate() {
      port1.close();
      port2.close();
    },
  });
}

afterAll(() => {
  for (const port of ports) port.close();
  document.body.replaceChildren();
});

async function until<T>(find: () => T | null | undefined, timeoutMs = 20_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const found = find();
    if (found !== null && found !== undefined) return found;
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// src/data/node-reader.ts resolves data/ with a URL jsdom's URL cannot turn into a path.
const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../data');
const { dataset } = await loadRegionDataset((path) => readFile(join(DATA_DIR, path), 'utf8'));

describe('tsp-partnerships-page', () => {
  it('says it is loading until the dataset arrives', async () => {
    const page = document.createElement('tsp-partnerships-page');
    document.body.append(page);
    await page.updateComplete;
    expect(page.querySelector('[role="status"]')?.textContent).toContain('Loading');
    page.remove();
  });

  it('shows the forecast the core gives for the pool’s model run (S21 Mathematics 2027/28)', async () => {
    const page = document.createElement('tsp-partnerships-page');
    page.pool = new ModelPool({ size: 2, createWorker: channelWorker });
    page.storeName = 'partnerships-page-test';
    page.clock = () => TODAY;
    page.region = dataset;
    document.body.append(page);
    const select = await until(() =>
      page.querySelector<HTMLSelectElement>('#tsp-partnership-select'),
    );
    select.value = 'S21';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const cell = await until(() => page.querySelector('data[data-label="Mathematics 2027/28"]'));

    // The same run done here directly: seeded draws, percentiles, entry years, shares.
    const inputs = buildModelInputs(dataset, defaultParameters(dataset, TODAY));
    const draws = runDraws(inputs, {
      seed: FORECAST_RUN.seed,
      firstDraw: 0,
      drawCount: FORECAST_RUN.drawCount,
      outputs: ['nqtNeed'],
    });
    const need = districtNeedFromModel(inputs, summariseDraws(draws).nqtNeed!);
    const weights = shareWeights(
      defaultPartnerSchools(dataset.partnerships, dataset.schools),
      dataset.schools,
    );
    const expected = partnershipForecast('S21', weights, need).find(
      (row) => row.subject === 'Mathematics' && row.year === academicYear('2027/28'),
    );
    expect(Number(cell.getAttribute('value'))).toBeCloseTo(expected?.forecast.p50 ?? NaN, 9);
    page.remove();
  });
});

describe('PartnershipStore', () => {
  it('keeps what was saved across a reopen and reads an unknown database as empty', async () => {
    const entry: IntelligenceEntry = {
      id: 'S21-1',
      partnershipCode: 'S21',
      schoolUrn: '137400',
      subject: 'Mathematics',
      year: academicYear('2026/27'),
      kind: 'retirement',
      fteChange: 1,
      author: 'A. Head',
      reason: 'Retires',
      enteredAt: '2026-01-15T09:30:00.000Z',
    };
    const store = await PartnershipStore.open('store-test');
    await store.save({ leadEntries: [entry] });
    store.close();
    const reopened = await PartnershipStore.open('store-test');
    expect(await reopened.load()).toEqual({
      leadEntries: [entry],
      managerEntries: [],
      submissions: [],
      importedLinks: [],
    });
    reopened.close();
    const other = await PartnershipStore.open('store-test-empty');
    expect((await other.load()).leadEntries).toEqual([]);
    other.close();
  });
});
