import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addYears, planningEntryYears } from '../../src/data/academic-year.ts';
import {
  axeViolations,
  baseUrl,
  launchBrowser,
  openDetails,
  screenshot,
  watchPage,
} from './browser.ts';

let browser: Browser;
let page: Page;
let watched: ReturnType<typeof watchPage>;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  watched = watchPage(page);
});

afterAll(async () => {
  await browser?.close();
});

/** The NQT need table's body cells as text, row by row. */
async function needTableCells(): Promise<string[][]> {
  return page
    .locator('[data-testid="forecast-table-nqt"] tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim()),
      ),
    );
}

const toNumber = (text: string) => Number(text.replace(/,/g, ''));

describe('Forecast page', () => {
  it('runs the forecast in the workers and shows three entry years with ordered ranges', async () => {
    await page.goto(`${baseUrl()}/forecast`);
    // The first visit runs with the defaults; wait for it, then run again with 200 draws.
    await page.locator('[data-testid="forecast-summary"]').waitFor();
    // The choices are folded under the answer.
    await openDetails(page, 'Change the area, scenario or number of draws');
    await page.locator('#forecast-draws').fill('200');
    await page.locator('button', { hasText: 'Run forecast' }).click();
    await page.locator('[data-testid="forecast-summary"]', { hasText: '200 draws' }).waitFor();
    await page
      .locator('[data-testid="forecast-notice"]', { hasText: 'Forecast updated' })
      .waitFor();

    expect(
      await page.locator('[data-testid="forecast-fan-nqt"] svg').getAttribute('aria-hidden'),
    ).toBe('true');
    const rows = await needTableCells();
    expect(rows).toHaveLength(3);
    // The three entry years planned from today (the page and its workers use the real clock).
    const entryYears = planningEntryYears(new Date());
    for (const [index, [label, central, p10, p90]] of rows.entries()) {
      const entry = entryYears[index]!;
      const expected = `NQTs in ${addYears(entry, 1)} (trainees starting ${entry})`;
      expect([expected, `${expected}, extrapolated`]).toContain(label);
      for (const cell of [central, p10, p90]) expect(cell).toMatch(/^-?[\d,]+\.\d$/);
      // A real range: 200 draws of uncertain inputs do not all agree.
      expect(toNumber(p90!)).toBeGreaterThan(toNumber(p10!));
    }
    // The driver waterfall and its table, whose parts add up to the change it explains.
    await page.locator('[data-testid="forecast-waterfall"] svg').waitFor();
    const driverCells = await page
      .locator('[data-testid="forecast-drivers-table"] tbody td')
      .allTextContents();
    const values = driverCells.map((text) =>
      Number(text.trim().replace(/,/g, '').replace('−', '-')),
    );
    const [start, ...rest] = values;
    const end = rest.pop()!;
    const sum = rest.reduce((total, value) => total + value, 0);
    expect(Math.abs(start! + sum - end)).toBeLessThan(0.1 * rest.length);
    // The chart's numbers download as tidy CSV: a header and one row per entry year.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button', { hasText: 'Download NQT and trainee need (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      'forecast-need-sheffield-city-region-secondary-all-secondary-subjects.csv',
    );
    const lines = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('time_period,time_identifier,geographic_level');
    expect(lines[0]).toContain('nqt_need_fte_p50');
    expect(lines).toHaveLength(4);
    await screenshot(page, 'forecast-results');
  });

  it('checks the model against past publications in the workers, in words and a table', async () => {
    // A check of the method, folded under the forecast.
    await openDetails(page, 'How accurate the model has been');
    await page.locator('[data-testid="forecast-accuracy-run"]').click();
    const stockRow = page.locator('[data-testid="forecast-accuracy-table"] tbody tr', {
      hasText: 'Teacher FTE (stock)',
    });
    await stockRow.waitFor();
    const cells = (await stockRow.locator('th, td').allTextContents()).map((text) => text.trim());
    expect(cells[1]).toMatch(/^\d+$/);
    expect(cells[2]).toMatch(/^\d+(\.\d)?%$/);
    expect(cells[4]).toMatch(/^\d+(\.\d)?% of \d+$/);
    expect(await page.locator('[data-testid="forecast-accuracy-stock"]').textContent()).toMatch(
      /typically within\s+\d+(\.\d)?% of what happened/,
    );
    await screenshot(page, 'forecast-accuracy');
  });

  it('cancels a long run and keeps the previous results', async () => {
    const before = await needTableCells();
    await page.locator('#forecast-draws').fill('20000');
    await page.locator('button', { hasText: 'Run forecast' }).click();
    await page.locator('tsp-forecast-progress progress').waitFor();
    await page.locator('button', { hasText: 'Cancel' }).click();
    const notice = page.locator('[data-testid="forecast-notice"]', {
      hasText: 'Forecast cancelled',
    });
    await notice.waitFor();
    expect(await notice.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.locator('tsp-forecast-progress').count()).toBe(0);
    expect(await page.locator('[data-testid="forecast-summary"]').textContent()).toContain(
      '200 draws',
    );
    expect(await needTableCells()).toEqual(before);
    await screenshot(page, 'forecast-cancelled');
  });

  it('names a bad number of draws in an error summary', async () => {
    await page.locator('#forecast-draws').fill('20001');
    await page.locator('button', { hasText: 'Run forecast' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('from 0 to 20,000');
    await expect
      .poll(() => summary.evaluate((element) => element === document.activeElement))
      .toBe(true);
    expect(await page.locator('#forecast-draws-error').count()).toBe(1);
  });

  it('has no accessibility violations, console errors or requests off the site', async () => {
    expect(await axeViolations(page)).toEqual([]);
    expect(watched.errors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });
});
