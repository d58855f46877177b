import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadRegionDataset } from '../../../src/data/load.ts';
import type { RegionDataset } from '../../../src/data/types.ts';
import {
  runBacktest,
  runDraws,
  summariseBacktest,
  type DrawRunner,
} from '../../../src/model/index.ts';
import { formatPercent } from '../../../src/ui/format.ts';
import { ACCURACY_DRAWS } from '../../../src/ui/forecast/tsp-forecast-accuracy.ts';

const runner: DrawRunner = async (inputs, options) =>
  runDraws(inputs, { ...options, firstDraw: 0 });

/** data/ read from disk (node-reader.ts finds it from its own file URL, which this environment lacks). */
const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../data');

let region: RegionDataset;
beforeAll(async () => {
  region = (await loadRegionDataset((path) => readFile(join(DATA_DIR, path), 'utf8'))).dataset;
});

afterEach(() => {
  document.body.replaceChildren();
});

async function settled(check: () => boolean): Promise<void> {
  await expect.poll(check, { timeout: 60_000 }).toBe(true);
}

describe('tsp-forecast-accuracy', { timeout: 120_000 }, () => {
  it('runs the backtest on request and shows each measure in words and numbers', async () => {
    const element = document.createElement('tsp-forecast-accuracy');
    element.region = region;
    element.runner = runner;
    document.body.append(element);
    await element.updateComplete;
    expect(element.querySelector('[data-testid="forecast-accuracy-table"]')).toBeNull();
    element.querySelector<HTMLButtonElement>('[data-testid="forecast-accuracy-run"]')!.click();
    await settled(() => element.querySelectorAll('tbody tr').length > 0);

    // Independent check: the same backtest run here, summarised.
    const expected = summariseBacktest(
      await runBacktest(region, runner, { seed: 1, drawCount: ACCURACY_DRAWS }),
    );
    const rows = [...element.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim()),
    );
    expect(rows).toHaveLength(expected.length);
    const stock = expected.find((summary) => summary.measure === 'stock')!;
    const stockRow = rows.find((row) => row[0] === 'Teacher FTE (stock)')!;
    expect(stockRow[1]).toBe(String(stock.comparisons));
    expect(stockRow[2]).toBe(formatPercent(stock.meanAbsoluteError));
    expect(stockRow[3]).toBe(formatPercent(stock.maxAbsoluteError));
    expect(stockRow[4]).toBe(`${formatPercent(stock.coverage)} of ${stock.coverageComparisons}`);
    expect(rows.at(-1)![0]).toBe('All comparisons');
    expect(element.querySelector('[data-testid="forecast-accuracy-stock"]')!.textContent).toContain(
      formatPercent(stock.maxAbsoluteError),
    );
    // It runs once: the button is gone.
    expect(element.querySelector('[data-testid="forecast-accuracy-run"]')).toBeNull();
  });

  it('says plainly when the check cannot run', async () => {
    const element = document.createElement('tsp-forecast-accuracy');
    element.region = region;
    element.runner = async () => {
      throw new Error('the model workers stopped');
    };
    document.body.append(element);
    await element.updateComplete;
    element.querySelector<HTMLButtonElement>('[data-testid="forecast-accuracy-run"]')!.click();
    await settled(() => element.querySelector('[data-testid="forecast-accuracy-error"]') !== null);
    expect(element.textContent).toContain(
      'The accuracy check could not run: the model workers stopped',
    );
    expect(element.querySelector('[data-testid="forecast-accuracy-run"]')).not.toBeNull();
  });
});
