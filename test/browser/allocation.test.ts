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
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  watched = watchPage(page);
  // Plan from 3 December 2026: entry years 2027/28 to 2029/30.
  await page.clock.setFixedTime(new Date('2026-12-03T10:00:00Z'));
});

afterAll(async () => {
  await browser?.close();
});

/** Types into a field and leaves it, so its change event fires as it does for a person. */
async function enter(selector: string, value: string): Promise<void> {
  await page.locator(selector).fill(value);
  await page.locator(selector).press('Tab');
}

const verdict = () => page.locator('[data-testid="allocation-verdict"]');
const status = () => page.locator('[role="status"][aria-live="polite"]').textContent();

/** Waits until no quick re-solve is running (the verdict no longer says it is updating). */
async function settled(): Promise<void> {
  await verdict().waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="allocation-updating"]').waitFor({ state: 'detached' });
}

/** Does what the manager does, then waits until the page has shown a new result and settled. */
async function resolvedAfter(action: () => Promise<void>): Promise<void> {
  const before = Number(await verdict().getAttribute('data-solved'));
  await action();
  await page.waitForFunction(
    (count) =>
      Number(
        document.querySelector('[data-testid="allocation-verdict"]')?.getAttribute('data-solved'),
      ) > count,
    before,
    { timeout: 60_000 },
  );
  await settled();
}

describe('Allocation page', () => {
  it('solves the SCR allocation as the page opens, and explains each partnership’s change', async () => {
    await page.goto(`${baseUrl()}/allocation`);
    await settled();
    expect(
      await page.locator('.govuk-body', { hasText: 'entry years 2027/28 to 2029/30' }).count(),
    ).toBe(1);
    expect(['optimal', 'time-limit']).toContain(await verdict().getAttribute('data-status'));
    expect(await verdict().getAttribute('data-mode')).toBe('quick');

    // Each partnership's change, the largest cut and the fairness rule, in words.
    const changes = page.locator('[data-testid="allocation-changes"] tbody tr');
    expect(await changes.count()).toBe(15);
    expect(await page.locator('[data-testid="allocation-fairness"]').textContent()).toMatch(
      /Fairness: every place a partnership has more than half a place away from the common change/,
    );
    const planRows = page.locator('tsp-allocation-places tsp-table').nth(1).locator('tbody tr');
    expect(await planRows.count()).toBeGreaterThan(20);
    const places = await planRows
      .locator('td:nth-child(4)')
      .evaluateAll((cells) => cells.map((cell) => Number(cell.textContent!.replace(/,/g, ''))));
    expect(places.every((value) => Number.isInteger(value) && value >= 0)).toBe(true);
    expect(await page.locator('[data-testid="allocation-check"]').textContent()).toContain(
      'Every constraint checked: satisfied',
    );
    const marginal = await page.locator('[data-testid="allocation-marginal"] li').allTextContents();
    expect(marginal.length).toBeGreaterThan(0);
    expect(marginal[0]).toMatch(
      /planned again with it, weighted unmet need would (fall|not change)/,
    );
    expect(
      marginal.some((line) => /fill [\d.]+% × completion [\d.]+% × employment [\d.]+%/.test(line)),
    ).toBe(true);
    await screenshot(page, 'allocation-solved');
  });

  it('runs the final allocation on request and moves focus to its outcome', async () => {
    await page.locator('summary', { hasText: 'Cold-spot priority and solve options' }).click();
    // A modest gap and time limit keep the test quick.
    await resolvedAfter(() => enter('#alloc-gap', '1'));
    await resolvedAfter(() => enter('#alloc-time-limit', '10'));
    await page.locator('#alloc-solve').click();
    await page.locator('tsp-allocation-progress').waitFor({ state: 'detached', timeout: 90_000 });
    expect(await verdict().getAttribute('data-mode')).toBe('final');
    expect(['optimal', 'time-limit']).toContain(await verdict().getAttribute('data-status'));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('alloc-verdict-title');
  });

  it('shows a bad capacity at its field as it is typed, and lists it when the final run is asked for', async () => {
    await page.locator('summary', { hasText: 'Partnership plans' }).click();
    // A plan of the first partnership with at least 10 places last year (column 5).
    const id = await page
      .locator('tsp-allocation-plans tbody tr')
      .evaluateAll(
        (rows) =>
          rows
            .find((row) => Number(row.querySelector('td:nth-child(5)')?.textContent) >= 10)
            ?.querySelector('input[id^="alloc-capacity-"]')?.id ?? '',
      );
    expect(id).not.toBe('');
    const original = await page.locator(`#${id}`).inputValue();
    await enter(`#${id}`, '-3');
    await page.locator(`#${id}-error`).waitFor();
    expect(await page.locator(`#${id}-error`).textContent()).toMatch(
      /capacity must be a whole number of 0 or more/,
    );
    // Nothing was solved: the earlier result stays.
    expect(await verdict().getAttribute('data-mode')).toBe('final');
    await page.locator('#alloc-solve').click();
    const summary = page.locator('.govuk-error-summary', { hasText: 'There is a problem' });
    await summary.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toContain('govuk-error-summary');
    await screenshot(page, 'allocation-input-error');

    // A capacity below what the stability rule keeps is an error too, never raised silently.
    const band = await page.locator('#alloc-rule-stabilityband').inputValue();
    await enter(`#${id}`, '3');
    await page.locator(`#${id}-error`).waitFor();
    expect(await page.locator(`#${id}-error`).textContent()).toMatch(
      /is below the \d+ places the stability rule keeps \(last year's \d+, at most \d+ fewer\)/,
    );
    // Turning the stability rule off makes it a capacity like any other, and the plan is
    // worked out again at once (a quick solve).
    await openDetails(page, 'Rules: pool, stability');
    await resolvedAfter(() => enter('#alloc-rule-stabilityband', ''));
    expect(await page.locator(`#${id}-error`).count()).toBe(0);
    expect(await verdict().getAttribute('data-mode')).toBe('quick');
    await enter('#alloc-rule-stabilityband', band);
    await resolvedAfter(() => enter(`#${id}`, original));
    expect(await page.locator('[id$="-error"]').count()).toBe(0);
  });

  it('re-solves after each rule changes: fairness off says need alone decides', async () => {
    await resolvedAfter(() => enter('#alloc-rule-fairnessweightperplace', ''));
    expect(await page.locator('[data-testid="allocation-fairness"]').textContent()).toContain(
      'No fairness rule is set',
    );
    await resolvedAfter(() => enter('#alloc-rule-fairnessweightperplace', '1'));
    expect(await page.locator('[data-testid="allocation-fairness"]').textContent()).toContain(
      'Fairness: every place',
    );
    // A pool share and a partnership's total and mentor capacity each re-solve too.
    const pool = await page.locator('#alloc-rule-poolshare').inputValue();
    await resolvedAfter(() => enter('#alloc-rule-poolshare', pool === '0.1' ? '0.05' : '0.1'));
    await resolvedAfter(() => enter('#alloc-rule-poolshare', pool));
    await page.locator('summary', { hasText: 'Partnership total and mentor capacity' }).click();
    const total = page.locator('input[id^="alloc-total-"]').first();
    await resolvedAfter(() => total.fill('5000').then(() => total.press('Tab')));
    await resolvedAfter(() => total.fill('').then(() => total.press('Tab')));
  });

  it('diagnoses a regional cap that clashes with other rules, and Cancel keeps that result', async () => {
    await page.locator('summary', { hasText: 'Regional caps' }).click();
    await enter('#alloc-cap-mathematics', '2');
    // The first verdict says no plan exists; its refinement names the rules that clash.
    await verdict()
      .and(page.locator('[data-status="infeasible"][data-complete="true"]'))
      .waitFor({ timeout: 90_000 });
    const conflicts = await page
      .locator('[data-testid="allocation-conflicts"] li')
      .allTextContents();
    expect(conflicts.length).toBeGreaterThanOrEqual(2);
    expect(
      conflicts.some((line) => /Regional cap: at most 2 places in Mathematics/.test(line)),
    ).toBe(true);
    expect(conflicts.some((line) => !line.includes('Regional cap') && /\d/.test(line))).toBe(true);
    expect(await page.locator('tsp-allocation-places').count()).toBe(0);
    await screenshot(page, 'allocation-infeasible');

    await settled();
    // Cancel as soon as the final run's Cancel button appears, inside the page: a mutation
    // observer runs before the worker's answer can be handled, so however fast the solver
    // is, the click lands while the run is still going.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            const cancel = document.querySelector<HTMLButtonElement>(
              'tsp-allocation-progress button',
            );
            if (cancel === null) return;
            observer.disconnect();
            cancel.click();
            resolve();
          });
          observer.observe(document.body, { childList: true, subtree: true });
          document.querySelector<HTMLButtonElement>('#alloc-solve')!.click();
        }),
    );
    await page.locator('#alloc-solve').waitFor();
    expect(await status()).toContain('Solve cancelled. The previous result is still shown.');
    expect(await verdict().getAttribute('data-status')).toBe('infeasible');
  });

  it('has no accessibility violations, console errors or requests off the site', async () => {
    expect(await axeViolations(page)).toEqual([]);
    expect(watched.errors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });
});
