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

/** Types into a field and leaves it, so its change event fires as it does for a person. */
async function enter(selector: string, value: string): Promise<void> {
  await page.locator(selector).fill(value);
  await page.locator(selector).press('Tab');
}

async function solveAndWait(): Promise<string> {
  await page.locator('#alloc-solve').click();
  await page.locator('tsp-allocation-progress').waitFor({ state: 'detached', timeout: 60_000 });
  return (
    (await page.locator('[data-testid="allocation-verdict"]').getAttribute('data-status')) ?? ''
  );
}

describe('Allocation page', () => {
  it('solves the default SCR allocation in the worker and explains it', async () => {
    await page.goto(`${baseUrl()}/allocation`);
    await page.locator('#alloc-solve:not([disabled])').waitFor({ timeout: 30_000 });
    // A short time limit and a modest gap keep the test quick.
    await enter('#alloc-time-limit', '15');
    await enter('#alloc-gap', '1');
    const status = await solveAndWait();
    expect(['optimal', 'time-limit']).toContain(status);
    // Focus lands on the outcome; the live region says it.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('alloc-verdict-title');
    expect(await page.locator('[role="status"][aria-live="polite"]').textContent()).toMatch(
      /allocation found/,
    );

    const planRows = page.locator('tsp-allocation-places tsp-table').nth(1).locator('tbody tr');
    expect(await planRows.count()).toBeGreaterThan(20);
    const places = await planRows
      .locator('td:nth-child(4)')
      .evaluateAll((cells) => cells.map((cell) => Number(cell.textContent!.replace(/,/g, ''))));
    expect(places.every((value) => Number.isInteger(value) && value >= 0)).toBe(true);
    expect(places.reduce((sum, value) => sum + value, 0)).toBeGreaterThan(500);
    // The chart is hidden from assistive technology and has a table with the same subjects.
    const bars = await page.locator('tsp-allocation-places svg rect[aria-label]').count();
    const subjectRows = await page
      .locator('tsp-allocation-places tsp-table')
      .first()
      .locator('tbody tr')
      .count();
    expect(bars).toBe(subjectRows * 2);
    expect(await page.locator('tsp-allocation-places svg').getAttribute('aria-hidden')).toBe(
      'true',
    );

    expect(await page.locator('[data-testid="allocation-check"]').textContent()).toContain(
      'Every constraint checked: satisfied',
    );
    expect(await page.locator('[data-testid="allocation-binding"] li').count()).toBeGreaterThan(0);
    const marginal = await page.locator('[data-testid="allocation-marginal"] li').allTextContents();
    expect(marginal.length).toBeGreaterThan(0);
    expect(marginal[0]).toMatch(
      /planned again with it, weighted unmet need would (fall|not change)/,
    );
    expect(await page.locator('[data-testid="allocation-outcome-summary"]').textContent()).toMatch(
      /unmet [\d,.]+/,
    );
    await screenshot(page, 'allocation-solved');
  });

  it('names the cell when a capacity is not a whole number, and solves nothing', async () => {
    const field = page.locator('tsp-allocation-plans tbody input[id^="alloc-capacity-"]').first();
    const id = (await field.getAttribute('id'))!;
    await enter(`#${id}`, '-3');
    await page.locator('#alloc-solve').click();
    const summary = page.locator('.govuk-error-summary', { hasText: 'There is a problem' });
    await summary.waitFor();
    const text = (await summary.textContent()) ?? '';
    expect(text).toMatch(/, \S.* capacity must be a whole number of 0 or more/);
    expect(await page.evaluate(() => document.activeElement?.className)).toContain(
      'govuk-error-summary',
    );
    expect(await page.locator(`#${id}-error`).count()).toBe(1);
    // The earlier result stays on the page.
    expect(
      await page.locator('[data-testid="allocation-verdict"]').getAttribute('data-status'),
    ).toMatch(/optimal|time-limit/);
    await screenshot(page, 'allocation-input-error');
    // Correcting the cell re-renders the page, but focus stays where the user is.
    await enter(`#${id}`, '10');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      id.replace('alloc-capacity-', 'alloc-minimum-'),
    );
  });

  it('diagnoses a regional cap that clashes with other rules, and Cancel keeps that result', async () => {
    await page.locator('summary', { hasText: 'Regional caps' }).click();
    await enter('#alloc-cap-mathematics', '2');
    expect(await solveAndWait()).toBe('infeasible');
    expect(await page.locator('.govuk-error-summary').count()).toBe(0);
    const conflicts = await page
      .locator('[data-testid="allocation-conflicts"] li')
      .allTextContents();
    expect(conflicts.length).toBeGreaterThanOrEqual(2);
    expect(
      conflicts.some((line) => /Regional cap: at most 2 places in Mathematics/.test(line)),
    ).toBe(true);
    // The other side of the clash is a rule with its own numbers (here: stability or fixed places).
    expect(conflicts.some((line) => !line.includes('Regional cap') && /\d/.test(line))).toBe(true);
    expect(await page.locator('tsp-allocation-places').count()).toBe(0);
    await screenshot(page, 'allocation-infeasible');

    await page.locator('#alloc-solve').click();
    await page.locator('tsp-allocation-progress button', { hasText: 'Cancel' }).click();
    await page.locator('#alloc-solve').waitFor();
    expect(await page.locator('[role="status"][aria-live="polite"]').textContent()).toContain(
      'Solve cancelled. The previous result is still shown.',
    );
    expect(
      await page.locator('[data-testid="allocation-verdict"]').getAttribute('data-status'),
    ).toBe('infeasible');
  });

  it('has no accessibility violations, console errors or requests off the site', async () => {
    expect(await axeViolations(page)).toEqual([]);
    expect(watched.errors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });
});
