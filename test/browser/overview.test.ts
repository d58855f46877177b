import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, baseUrl, launchBrowser, screenshot, watchPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page whose clock says 3 December 2026, so the planned entry years are fixed. */
async function openPage(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.clock.install({ time: new Date('2026-12-03T10:00:00Z') });
  await page.clock.resume();
  return page;
}

const cellTexts = (page: Page, rows: string) =>
  page
    .locator(rows)
    .evaluateAll((found) =>
      found.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim()),
      ),
    );

describe('Overview (home page)', () => {
  it('shows the Forecast page’s trainee need and the Maps page’s cold spots, with links to them', async () => {
    const page = await openPage(1280);
    const watched = watchPage(page);
    await page.goto(`${baseUrl()}/`);
    const needRows = '[data-testid="overview-need"] tbody tr';
    await page.locator(needRows).first().waitFor();
    const overview = await cellTexts(page, needRows);
    expect(overview.map(([year]) => year)).toEqual([
      '2027/28 (extrapolated)',
      '2028/29 (extrapolated)',
      '2029/30 (extrapolated)',
    ]);
    const coldSpots = await page
      .locator('[data-testid="overview-cold-spots"] .tsp-kpi__value')
      .textContent();
    await page.locator('[data-testid="overview-in-year"]').waitFor();
    // The small map outlines the same cold spots the figure counts.
    const overviewMap = page.locator('[data-testid="overview-cold-spots"] svg.tsp-map');
    await overviewMap.locator('g.tsp-map__areas path').first().waitFor();
    expect(String(await overviewMap.locator('g.tsp-map__cold-spots path').count())).toBe(
      coldSpots?.trim(),
    );
    await screenshot(page, 'overview');
    expect(await axeViolations(page)).toEqual([]);

    // The same figures on the Forecast page, reached from the overview's link.
    await page.getByRole('link', { name: 'See the forecast and why need changes' }).click();
    const forecastRows = '[data-testid="forecast-table-trainee"] tbody tr';
    await page.locator(forecastRows).first().waitFor();
    const forecast = await cellTexts(page, forecastRows);
    expect(forecast).toHaveLength(3);
    forecast.forEach(([label, central, p10, p90], i) => {
      const [year, overviewCentral, range] = overview[i]!;
      expect(label).toContain(`Trainees starting ${year!.split(' ')[0]}`);
      expect(overviewCentral).toBe(central);
      expect(range).toBe(`${p10} to ${p90}`);
    });

    // The cold spots the Maps page's default index marks.
    await page.goBack();
    await page.locator('[data-testid="overview-cold-spots"]').waitFor();
    await page.getByRole('link', { name: 'See the cold-spot maps' }).click();
    await page.locator('tsp-area-table tbody tr').first().waitFor();
    // The Cold spot column says Yes; no other cell of the table is a word.
    const marked = await page
      .locator('tsp-area-table tbody td', { hasText: /^\s*Yes\s*$/ })
      .count();
    expect(String(marked)).toBe(coldSpots?.trim());
    // And the Maps page's map outlines the same number.
    expect(String(await page.locator('svg.tsp-map g.tsp-map__cold-spots path').count())).toBe(
      coldSpots?.trim(),
    );
    expect(watched.errors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
    await page.close();
  });

  it('fits a phone: no sideways page scroll, the headline figures first, no axe violations', async () => {
    const page = await openPage(390);
    await page.goto(`${baseUrl()}/`);
    await page.locator('[data-testid="overview-need"] tbody tr').first().waitFor();
    await page.locator('[data-testid="overview-in-year"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    // The first figure is on the first screen.
    const top = await page.locator('[data-testid="overview-need"]').boundingBox();
    expect(top!.y).toBeLessThan(900);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'overview-phone');
    await page.close();
  });
});
