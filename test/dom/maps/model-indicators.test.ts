import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fromTimePeriod } from '../../../src/data/academic-year.ts';
import { loadRegionDataset } from '../../../src/data/load.ts';
import type { AreaIndicator, RegionDataset } from '../../../src/data/types.ts';
import type { ModelInputs } from '../../../src/model/index.ts';
import type { ModelRunOptions } from '../../../src/runtime/model-pool.ts';
import type { DrawResult } from '../../../src/model/monte-carlo.ts';
import {
  DEFAULT_ALLOCATION_FILE,
  DEFAULT_RETURNS_FILES,
} from '../../../src/ui/in-year/default-cycle.ts';
import type { CycleSources } from '../../../src/ui/in-year/in-year-session.ts';
import type { ModelIndicatorRunners } from '../../../src/ui/maps/tsp-model-indicators.ts';
import '../../../src/ui/maps/tsp-model-indicators.ts';

// node-reader cannot find data/ from jsdom's module URLs, so read it relative to this file.
const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../data');
const read = (fileName: string) => readFile(join(DATA_DIR, fileName), 'utf8');

let region: RegionDataset;
let sources: CycleSources;
beforeAll(async () => {
  region = (await loadRegionDataset(read)).dataset;
  sources = {
    allocation: { fileName: DEFAULT_ALLOCATION_FILE, text: await read(DEFAULT_ALLOCATION_FILE) },
    returns: await Promise.all(
      DEFAULT_RETURNS_FILES.map(async (fileName) => ({ fileName, text: await read(fileName) })),
    ),
    illustrative: true,
  };
});

afterEach(() => {
  document.body.replaceChildren();
});

/** A model "worker" that needs exactly 1 FTE NQT in every cell, so rates are easy to check. */
const oneTeacherPerCell = async (inputs: ModelInputs): Promise<DrawResult> => ({
  seed: 1,
  firstDraw: 0,
  drawCount: 1,
  cellCount: inputs.cellCount,
  outputs: { nqtNeed: new Float64Array(inputs.cellCount).fill(1) },
});

/** A run that only ends when cancelled. */
const untilAborted = (_inputs: ModelInputs, options: ModelRunOptions): Promise<DrawResult> =>
  new Promise((_resolve, reject) =>
    options.signal?.addEventListener('abort', () =>
      reject(new DOMException('The model run was cancelled.', 'AbortError')),
    ),
  );

function mount(run: (inputs: ModelInputs, options: ModelRunOptions) => Promise<DrawResult>) {
  const log: string[] = [];
  const runners: ModelIndicatorRunners = {
    createPool: () => ({ run, terminate: () => log.push('pool terminated') }),
    createSolver: () => ({
      allocate: () => Promise.reject(new Error('not used here')),
      dispose: () => log.push('solver disposed'),
    }),
    loadCycle: async () => sources,
  };
  const element = document.createElement('tsp-model-indicators');
  element.region = region;
  element.runners = runners;
  const added: AreaIndicator[][] = [];
  element.addEventListener('tsp-indicators-add', (event) =>
    added.push((event as CustomEvent<{ indicators: AreaIndicator[] }>).detail.indicators),
  );
  document.body.append(element);
  return { element, added, log };
}

const button = (job: string) => document.querySelector<HTMLButtonElement>(`#tsp-model-add-${job}`)!;
const status = () =>
  document.querySelector('[data-testid="model-indicator-status"]')!.textContent!.trim();
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('tsp-model-indicators', () => {
  it('adds forecast need: 19 subject groups x 1 FTE over each district’s pupils', async () => {
    const { element, added, log } = mount(oneTeacherPerCell);
    await element.updateComplete;
    button('need').click();
    await until(() => added.length === 1);
    const [overall, primary, secondary] = added[0]!;
    // Indicator ids end in the NQT year's EES time period, e.g. _202829.
    const label = fromTimePeriod(overall!.id.slice(-6));
    for (const { areaCode, value } of overall!.values) {
      const pupils = region.pupilProjections
        .filter((p) => p.districtCode === areaCode && p.year === label)
        .reduce((sum, p) => sum + p.pupils, 0);
      // Primary + 18 secondary subjects, one teacher each: 19 per district.
      expect(value).toBeCloseTo((1000 * 19) / pupils, 9);
    }
    expect(primary!.id).toContain('primary');
    expect(secondary!.id).toContain('secondary');
    expect(log).toContain('pool terminated');
    await element.updateComplete;
    expect(status()).toMatch(/^Added to ‘Show’ and to the cold-spot index/);
    const listed = document.querySelector('[data-testid="model-indicators-added"]')!;
    expect(listed.querySelectorAll('li')).toHaveLength(3);
    expect(listed.textContent).toContain('Estimated');
    // Focus goes back to the button pressed.
    expect(document.activeElement).toBe(button('need'));
  });

  it('cancels a model run: Cancel has focus while it runs, nothing is added after', async () => {
    const { element, added } = mount(untilAborted);
    await element.updateComplete;
    button('need').click();
    await until(() => document.querySelector('#tsp-model-cancel') !== null);
    expect(document.activeElement?.id).toBe('tsp-model-cancel');
    expect(button('allocation').disabled).toBe(true);
    expect(status()).toBe('Running the supply model in a background worker…');
    document.querySelector<HTMLButtonElement>('#tsp-model-cancel')!.click();
    await until(() => status() === 'Cancelled. Nothing was added.');
    expect(added).toEqual([]);
    expect(document.querySelector('#tsp-model-cancel')).toBeNull();
    expect(button('need').disabled).toBe(false);
  });

  it('adds the illustrative fill rate with its tag', async () => {
    const { element, added } = mount(untilAborted);
    await element.updateComplete;
    button('fill').click();
    await until(() => added.length === 1);
    expect(added[0]!.map((indicator) => indicator.provenance)).toEqual(['illustrative']);
    await element.updateComplete;
    expect(document.querySelector('[data-testid="model-indicators-added"]')!.textContent).toContain(
      'Illustrative',
    );
  });

  it('adds the illustrative forecast fill rate at the end of the cycle with its tag', async () => {
    const { element, added } = mount(untilAborted);
    await element.updateComplete;
    expect(button('forecast-fill').textContent?.trim()).toBe(
      'Add forecast fill rate at the end of the cycle (illustrative)',
    );
    button('forecast-fill').click();
    await until(() => added.length === 1);
    expect(added[0]!.map((indicator) => indicator.id)).toEqual(['forecast_fill_rate_202526']);
    expect(added[0]![0]!.provenance).toBe('illustrative');
    await element.updateComplete;
    expect(status()).toMatch(/Forecast fill rate at the end of the cycle, 2025\/26 entry/);
    expect(document.activeElement).toBe(button('forecast-fill'));
  });

  it('says why nothing was added when the solver fails, and adds nothing', async () => {
    const { element, added } = mount(oneTeacherPerCell);
    await element.updateComplete;
    button('allocation').click();
    await until(() => status().startsWith('Not added'));
    expect(status()).toBe('Not added: not used here');
    expect(document.querySelector('.govuk-error-message')!.textContent).toContain('not used here');
    expect(added).toEqual([]);
  });
});
