import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, openDetails } from './browser.ts';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

describe('page settings survive a reload', () => {
  it('keeps the chosen partnership', async () => {
    await page.goto(`${baseUrl()}/partnerships`);
    await page.locator('#tsp-partnership-select').waitFor();
    await page.selectOption('#tsp-partnership-select', 'S21');
    await expect.poll(() => page.evaluate(() => location.search)).toContain('partnership=S21');
    await page.reload();
    await page.locator('tsp-partnership-forecast tbody tr').first().waitFor();
    expect(await page.locator('#tsp-partnership-select').inputValue()).toBe('S21');
  });

  it('repeats the last forecast run', async () => {
    await page.goto(`${baseUrl()}/forecast`);
    await page.locator('[data-testid="forecast-summary"]').waitFor();
    // The choices are folded under the answer.
    await openDetails(page, 'Change the area, scenario or number of draws');
    await page.locator('#forecast-draws').fill('200');
    await page.locator('button', { hasText: 'Run forecast' }).click();
    await page.locator('[data-testid="forecast-summary"]', { hasText: '200 draws' }).waitFor();
    expect(await page.evaluate(() => location.search)).toBe('?draws=200');
    await page.reload();
    await page.locator('[data-testid="forecast-summary"]', { hasText: '200 draws' }).waitFor();
    expect(await page.locator('#forecast-draws').inputValue()).toBe('200');
  });

  it('keeps the map’s class method', async () => {
    await page.goto(`${baseUrl()}/maps`);
    await page.waitForSelector('tsp-maps-page svg.tsp-map');
    await page.locator('#tsp-classes-equal-interval').check();
    await expect.poll(() => page.evaluate(() => location.search)).toBe('?classes=equal-interval');
    await page.reload();
    await page.waitForSelector('tsp-maps-page svg.tsp-map');
    expect(await page.locator('#tsp-classes-equal-interval').isChecked()).toBe(true);
  });
});
