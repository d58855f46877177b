import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  watched = watchPage(page);
});

afterAll(async () => {
  await browser?.close();
});

const status = () => page.locator('[data-testid="scenarios-status"]').textContent();

describe('Scenarios page', () => {
  it('refuses bad lever values with an error summary naming the field', async () => {
    await page.goto(`${baseUrl()}/scenarios`);
    await page.locator('#scenario-name').waitFor();
    // The lever groups are folded; their summaries say how many levers each sets.
    expect(
      await page
        .locator('summary', { hasText: 'Leaving, returning and new to sector' })
        .textContent(),
    ).toContain('(all defaults)');
    await openDetails(page, 'Leaving, returning and new to sector');
    await page.fill('#scenario-name', 'Better ECT retention (test)');
    await page.fill('#lever-leaverRateMultipliers-ect1', '5');
    await page.fill('#lever-returnerMultiplier', 'import("x")');
    await page.locator('button', { hasText: 'Run scenario' }).click();
    const summary = page.locator('tsp-lever-form .govuk-error-summary');
    await summary.waitFor();
    const text = await summary.textContent();
    // Each item names the field by its label, not the scenario file's path.
    expect(text).toContain(
      'Leaving rate multiplier: early career teachers in their first year (ECT1) must be between 0 and 3 (got 5)',
    );
    expect(text).toContain('Returners to teaching multiplier: "import("x")" is not allowed');
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')),
      )
      .toBe(true);
  });

  it('runs an edited scenario in the workers, with a formula lever, and shows its results', async () => {
    await page.fill('#lever-leaverRateMultipliers-ect1', '0.8');
    // A formula in the year, evaluated under the production Content Security Policy.
    await page.fill('#lever-returnerMultiplier', '1 + 0.05 * t');
    await page.fill('#lever-run-draws', '300');
    await page.locator('button', { hasText: 'Run scenario' }).click();
    await page.locator('#scenario-results').waitFor({ timeout: 30_000 });
    expect(await status()).toContain('Run finished: Better ECT retention (test)');
    const rows = page.locator('tsp-comparison-table tbody tr');
    expect(await rows.count()).toBe(21);
    const allTeachers = await rows.last().locator('td').first().textContent();
    expect(Number(allTeachers?.replace(/,/g, '').trim())).toBeGreaterThan(0);
  });

  it('makes a shareable link that restores the levers exactly, and refuses a tampered one', async () => {
    await page.locator('button', { hasText: 'Generate shareable link' }).click();
    await page.locator('#scenario-link').waitFor();
    expect(await page.locator('[data-testid="share-status"]').textContent()).toContain(
      'Link generated',
    );
    const link = await page.locator('#scenario-link').inputValue();
    expect(link).toMatch(/\/scenarios\?scenario=[A-Za-z0-9_-]+$/);

    const other = await browser.newPage();
    const otherWatch = watchPage(other);
    await other.goto(link);
    await other
      .locator('summary', { hasText: 'Leaving, returning and new to sector (2 set)' })
      .waitFor();
    expect(await other.locator('#lever-leaverRateMultipliers-ect1').inputValue()).toBe('0.8');
    expect(await other.locator('#lever-returnerMultiplier').inputValue()).toBe('1 + 0.05 * t');
    expect(await other.locator('#lever-run-draws').inputValue()).toBe('300');
    expect(await other.locator('#scenario-name').inputValue()).toBe('Better ECT retention (test)');
    expect(await other.locator('[data-testid="scenarios-status"]').textContent()).toContain(
      'restored from the shared link',
    );

    await other.goto(`${link.slice(0, -6)}AAAAAA`);
    await other.locator('#scenarios-problems').waitFor();
    expect(await other.locator('#scenarios-problems').textContent()).toContain('Shared link');
    expect(await other.locator('#scenario-name').inputValue()).toBe('Baseline');
    expect(otherWatch.errors).toEqual([]);
    await other.close();
  });

  it('compares the edited scenario with the baseline, with drivers and downloads', async () => {
    await page.locator('#compare-edited').check();
    await page.locator('button', { hasText: 'Compare scenarios' }).click();
    await page
      .locator('#scenario-results', { hasText: 'Baseline, Better ECT retention (test)' })
      .waitFor({ timeout: 40_000 });
    // Better early-career retention lowers NQT need for all teachers in every column of the difference.
    const difference = await page
      .locator('tsp-comparison-table tbody tr')
      .last()
      .locator('td')
      .nth(4)
      .textContent();
    expect(difference?.trim()).toMatch(/^-[\d,.]+ \(-[\d,.]+ to -[\d,.]+\)$/);
    const drivers = page.locator('tsp-driver-breakdown tbody tr');
    expect(await drivers.count()).toBe(11);
    expect(await page.locator('tsp-driver-breakdown svg').getAttribute('aria-hidden')).toBe('true');
    expect(await page.locator('tsp-scenario-fans svg').count()).toBe(2);

    const download = page.waitForEvent('download');
    await page.locator('button', { hasText: 'Download comparison' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('scenario_comparison.csv');
    await screenshot(page, 'scenarios-comparison');
  });

  it('has no accessibility violations, console errors or requests off the site', async () => {
    expect(await axeViolations(page)).toEqual([]);
    expect(watched.errors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });
});
