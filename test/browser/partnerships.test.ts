import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { planningEntryYears } from '../../src/data/academic-year.ts';
import { axeViolations, baseUrl, launchBrowser, screenshot, watchPage } from './browser.ts';

let browser: Browser;
let page: Page;
let watched: ReturnType<typeof watchPage>;
let submission: { name: string; text: string };

const PARTNERSHIP = 'S21'; // Sheffield Hallam University: partner schools in several districts.
// The first entry year the app plans from today's clock (the page and its workers use the real one).
const YEAR = String(planningEntryYears(new Date())[0]);

/** The exact median behind a forecast or amalgamation cell (the text is rounded). */
async function median(label: string): Promise<number> {
  const value = await page.locator(`data[data-label="${label}"]`).first().getAttribute('value');
  expect(value, label).not.toBeNull();
  return Number(value);
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  watched = watchPage(page);
});

afterAll(async () => {
  await browser?.close();
});

describe('Partnerships page', () => {
  it('shows a partnership’s forecast, which a local-intelligence entry changes by exactly its FTE', async () => {
    await page.goto(`${baseUrl()}/partnerships`);
    await page.locator('#tsp-partnership-select').waitFor();
    await page.selectOption('#tsp-partnership-select', PARTNERSHIP);
    await page.locator('tsp-partnership-forecast tsp-table tbody tr').first().waitFor();
    expect(await page.locator('tsp-partnership-forecast tbody tr').count()).toBe(21);
    const before = await median(`Mathematics ${YEAR}`);
    expect(before).toBeGreaterThan(0);

    // An empty form is refused with a focused error summary.
    await page.getByRole('button', { name: 'Add entry' }).click();
    await page.locator('tsp-intelligence-form .govuk-error-summary').waitFor();
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')),
      )
      .toBe(true);

    const school = await page
      .locator('#tsp-intelligence-schoolUrn option', { hasText: 'Secondary' })
      .first()
      .getAttribute('value');
    expect(school).toMatch(/^\d+$/);
    await page.selectOption('#tsp-intelligence-schoolUrn', school ?? '');
    await page.selectOption('#tsp-intelligence-subject', 'Mathematics');
    await page.selectOption('#tsp-intelligence-year', YEAR);
    await page.selectOption('#tsp-intelligence-kind', 'retirement');
    await page.fill('#tsp-intelligence-fteChange', '1.0');
    await page.fill('#tsp-intelligence-author', 'A. Head, head of maths');
    await page.fill('#tsp-intelligence-reason', 'Maths teacher retires in July 2028');
    await page.getByRole('button', { name: 'Add entry' }).click();
    await page
      .locator('.govuk-notification-banner', { hasText: `${PARTNERSHIP}-1 added` })
      .waitFor();
    expect(await page.locator('tsp-intelligence-form .govuk-error-summary').count()).toBe(0);

    expect((await median(`Mathematics ${YEAR}`)) - before).toBeCloseTo(1, 9);
    expect(await page.locator('tsp-intelligence-list tbody tr').count()).toBe(1);
    await screenshot(page, 'partnerships-lead');
  });

  it('exports the submission as tidy CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the submission (CSV)' }).click(),
    ]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    submission = { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
    expect(submission.name).toBe(`partnership_submission_${PARTNERSHIP}.csv`);
    const lines = submission.text.trim().split('\n');
    expect(lines[0]).toMatch(/^time_period,time_identifier,geographic_level,/);
    // 19 subject groups x 3 entry years of forecast rows, then the one entry.
    expect(lines).toHaveLength(1 + 19 * 3 + 1);
    expect(lines.at(-1)).toContain(`${PARTNERSHIP}-1`);
  });

  it('lets the manager load it and see it in a regional request that reconciles', async () => {
    await page.getByLabel('The allocation manager').check();
    await page.locator('tsp-amalgamation-table tsp-table').waitFor();
    await page.setInputFiles('#tsp-submission-files', {
      name: submission.name,
      mimeType: 'text/csv',
      buffer: Buffer.from(submission.text),
    });
    await page
      .locator('.govuk-notification-banner', { hasText: `Loaded ${submission.name}` })
      .waitFor();
    await page.selectOption('#tsp-amalgamation-subject', 'Mathematics');
    await page.selectOption('#tsp-amalgamation-year', YEAR);
    const row = page.locator('tsp-amalgamation-table tbody tr', { hasText: 'Sheffield Hallam' });
    await row.locator('td', { hasText: '+1.0' }).waitFor();
    const name = (await row.locator('th').textContent())?.replace(/\s+/g, ' ').trim() ?? '';
    const label = name.replace(/ (Illustrative|Your data)$/, '');
    expect((await median(`${label} request`)) - (await median(`${label} model`))).toBeCloseTo(1, 9);

    const line =
      (await page.getByTestId('reconciliation').textContent())?.replace(/\s+/g, ' ') ?? '';
    const match = /Total equals the regional forecast: ([\d,.]+) = ([\d,.]+)/.exec(line);
    expect(match?.[1]).toBeDefined();
    expect(match?.[1]).toBe(match?.[2]);
    expect(await page.locator('text=subject and year cells reconcile').count()).toBe(1);
    await screenshot(page, 'partnerships-manager');
  });

  it('refuses a malformed submission with file, line and column, and changes nothing', async () => {
    const lines = submission.text.trim().split('\n');
    const broken = [...lines.slice(0, -1), lines.at(-1)?.replace(/,1,z,z,z$/, ',lots,z,z,z')].join(
      '\n',
    );
    expect(broken).not.toBe(submission.text.trim());
    await page.setInputFiles('#tsp-submission-files', {
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(broken),
    });
    const summary = page.locator('tsp-submission-upload .govuk-error-summary');
    await summary.waitFor();
    const text = (await summary.textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('broken.csv was not used: nothing has changed');
    expect(text).toContain(`Line ${lines.length}, column fte_change`);
    expect(text).toContain('not a number');
    // The loaded submission still counts.
    const row = page.locator('tsp-amalgamation-table tbody tr', { hasText: 'Sheffield Hallam' });
    expect(await row.locator('td', { hasText: '+1.0' }).count()).toBe(1);
    expect(
      await page
        .locator('tsp-partnership-manager tsp-table[caption="Submissions loaded"] tbody tr')
        .count(),
    ).toBe(1);
    await screenshot(page, 'partnerships-manager-error');
  });

  it('keeps the loaded submission and the lead’s entry across a reload', async () => {
    await page.reload();
    await page.getByLabel('The allocation manager').check();
    await page
      .locator('tsp-partnership-manager tsp-table[caption="Submissions loaded"] tbody tr')
      .waitFor();
    await page.getByLabel('A partnership lead').check();
    await page.selectOption('#tsp-partnership-select', PARTNERSHIP);
    await page.locator('tsp-intelligence-list tbody tr').waitFor();
    expect(await page.locator('tsp-intelligence-list tbody tr').count()).toBe(1);
  });

  it('has no accessibility violations, console errors or requests off the site', async () => {
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('The allocation manager').check();
    await page.locator('tsp-amalgamation-table tsp-table').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(watched.errors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });
});
