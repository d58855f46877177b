import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, baseUrl, launchBrowser, screenshot, watchPage } from './browser.ts';

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

describe('Maps page', () => {
  it('opens from the navigation with the district map and its table', async () => {
    await page.goto(`${baseUrl()}/`);
    // Follow the header link, so the test does not depend on how the router spells the route.
    await page.locator('.govuk-service-navigation__link', { hasText: 'Maps' }).click();
    await page.waitForSelector('tsp-maps-page svg.tsp-map');
    expect(await page.locator('svg.tsp-map').getAttribute('aria-hidden')).toBe('true');
    expect(await page.locator('svg.tsp-map g.tsp-map__areas path').count()).toBe(9);
    expect(await page.locator('tsp-area-table tbody tr').count()).toBe(9);
    // Every legend swatch has a border.
    const swatchStrokes = await page
      .locator('svg.tsp-map g.tsp-map__legend rect')
      .evaluateAll((rects) => rects.map((rect) => rect.getAttribute('stroke')));
    expect(swatchStrokes.length).toBeGreaterThanOrEqual(6);
    // Class swatches are outlined in text colour; overlay keys in their own line colour.
    expect(swatchStrokes.every((stroke) => stroke !== null && stroke !== 'none')).toBe(true);
    expect(swatchStrokes.filter((stroke) => stroke === '#0b0c0c').length).toBeGreaterThanOrEqual(6);
  });

  it('switches to LSOAs, selects an area by keyboard and finds its value in the table', async () => {
    await page.getByLabel('Lower layer super output areas (LSOAs)').check();
    await page.waitForFunction(
      () => document.querySelectorAll('svg.tsp-map g.tsp-map__areas path').length === 1146,
    );
    // The table shows the 1,146 LSOAs 50 at a time.
    await expect
      .poll(() => page.locator('[data-testid="map-table-range"]').textContent())
      .toMatch(/Rows 1 to 50 of 1,146\./);
    expect(await page.locator('tsp-area-table tbody tr').count()).toBe(50);

    // Keyboard only: focus the area list and move down it with the arrow key.
    await page.locator('#tsp-area').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const code = await page.locator('#tsp-area').inputValue();
    expect(code).toMatch(/^E01\d{6}$/);

    const row = page.locator(`tsp-area-table tr[data-code="${code}"]`);
    await expect.poll(() => row.getAttribute('aria-current')).toBe('true');
    const summaryValue = (
      await page.locator('[data-testid="selected-value"]').textContent()
    )?.trim();
    const tableValue = (await row.locator('[data-column="value"]').textContent())?.trim();
    expect(summaryValue).toMatch(/^-?[\d,]+(\.\d+)?$/);
    expect(tableValue).toBe(summaryValue);
    expect(await page.locator('[data-testid="selected-area"]').textContent()).toContain(code);
    // The map outlines the same area.
    expect(await page.locator('svg.tsp-map g.tsp-map__selection path').count()).toBe(2);
    await screenshot(page, 'maps-lsoa-selected');
  });

  it('has no accessibility violations, console errors or requests off the site', async () => {
    expect(await axeViolations(page)).toEqual([]);
    expect(watched.errors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });
});

describe('Maps page: model results', () => {
  let fresh: Page;
  let freshWatch: ReturnType<typeof watchPage>;

  beforeAll(async () => {
    fresh = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    freshWatch = watchPage(fresh);
  });

  /** Shows the indicator whose label starts with `label` and returns the table's values. */
  async function show(label: string): Promise<string[]> {
    const option = fresh.locator('#tsp-display option', { hasText: label }).first();
    const value = await option.getAttribute('value');
    expect(value).not.toBeNull();
    await fresh.locator('#tsp-display').selectOption(value!);
    await fresh.locator('tsp-maps-page h2', { hasText: label }).waitFor();
    return (await fresh.locator('tsp-area-table [data-column="value"]').allTextContents()).map(
      (text) => text.trim(),
    );
  }

  it('adds forecast need from the model worker and maps it for the nine districts', async () => {
    await fresh.goto(`${baseUrl()}/maps`);
    await fresh.waitForSelector('tsp-maps-page svg.tsp-map');
    // The model results are folded beside the map, so the map leads the page.
    await fresh.getByText('Add model results to the map').click();
    await fresh.getByRole('button', { name: 'Add forecast need' }).click();
    await fresh
      .locator('[data-testid="model-indicator-status"]', { hasText: 'Added to ‘Show’' })
      .waitFor({ timeout: 20_000 });
    const values = await show('Forecast NQT need per 1,000 pupils, ');
    expect(values).toHaveLength(9);
    for (const value of values) expect(value).toMatch(/^-?[\d,]+(\.\d+)?$/);
    // The heading carries the Estimated tag.
    expect(await fresh.locator('tsp-maps-page h2 .govuk-tag').first().textContent()).toContain(
      'Estimated',
    );
  });

  it('adds the illustrative fill rate, tagged, with a value for every district', async () => {
    await fresh.getByRole('button', { name: 'Add recruitment fill rate (illustrative)' }).click();
    await fresh
      .locator('[data-testid="model-indicator-status"]', { hasText: 'Recruitment fill rate' })
      .waitFor({ timeout: 10_000 });
    const values = await show('Recruitment fill rate to date');
    expect(values).toHaveLength(9);
    for (const value of values) expect(value).toMatch(/^[\d,]+(\.\d+)?$/);
    expect(await fresh.locator('[data-testid="model-indicators-added"]').textContent()).toContain(
      'Illustrative',
    );
    await screenshot(fresh, 'maps-model-results');
  });

  it('stays accessible, with no console errors or requests off the site', async () => {
    expect(await axeViolations(fresh)).toEqual([]);
    expect(freshWatch.errors).toEqual([]);
    expect(freshWatch.foreignRequests).toEqual([]);
  });
});
