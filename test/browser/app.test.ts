import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SECURITY_HEADERS, headersFile } from '../../vite.config.ts';
import { axeViolations, baseUrl, launchBrowser, screenshot, watchPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('app shell (production build)', () => {
  it('opens on the region data with no console errors, no request leaving the origin and no axe violations', async () => {
    const page = await browser.newPage();
    const watched = watchPage(page);
    await page.goto(baseUrl() + '/');
    expect(await page.locator('main h1').textContent()).toBe('Teacher Supply Planner');
    // The default dataset loads: the district table, folded under the figures, lists the nine SCR districts.
    await page.locator('tsp-region-districts summary').click();
    await page.locator('tsp-region-districts table tbody tr').first().waitFor();
    const districtNames = await page.locator('tsp-region-districts tbody th').allTextContents();
    expect(districtNames).toContain('Sheffield');
    expect(districtNames).toHaveLength(9);
    expect(await page.locator('.govuk-phase-banner .govuk-tag').textContent()).toContain('Beta');
    await screenshot(page, 'home');
    expect(await axeViolations(page)).toEqual([]);
    expect(watched.errors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
    await page.close();
  });

  it('navigates to every page from the menu and footer; each has one h1 and no axe violations', async () => {
    const page = await browser.newPage();
    const watched = watchPage(page);
    await page.goto(baseUrl() + '/');
    const links = [
      ['Forecast', /Forecast/],
      ['Allocation', /Allocate/],
      ['In-year tracking', /In-year/],
      ['Maps', /map/i],
      ['Scenarios', /Scenario/],
      ['Partnerships', /Partnership/],
      ['Accessibility statement', /Accessibility statement/],
      ['Support and feedback', /Support and feedback/],
      ['Data sources', /Data sources/],
    ] as const;
    for (const [linkText, heading] of links) {
      await page.getByRole('link', { name: linkText, exact: true }).first().click();
      await page.locator('main h1', { hasText: heading }).waitFor();
      expect(await page.locator('main h1').count()).toBe(1);
      expect(await axeViolations(page), `axe on ${linkText}`).toEqual([]);
    }
    await screenshot(page, 'data-sources');
    expect(watched.errors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
    await page.close();
  });

  it('serves a deep link directly and marks the current page in the navigation', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl() + '/data-sources');
    await page.locator('main h1', { hasText: 'Data sources' }).waitFor();
    expect(await page.title()).toBe('Data sources - Teacher Supply Planner');
    await page.goto(baseUrl() + '/forecast');
    const current = page.locator('.govuk-service-navigation__item--active a');
    await current.waitFor();
    expect((await current.textContent())?.trim()).toBe('Forecast');
    expect(await current.getAttribute('aria-current')).toBe('page');
    await page.close();
  });

  it('loads each page’s code on its first visit, and mathjs only where a formula is read', async () => {
    const page = await browser.newPage();
    const watched = watchPage(page);
    /** Script chunks the page itself has fetched, by name without the hash. */
    const chunks = async () =>
      (
        await page.evaluate(() =>
          performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
        )
      )
        .filter((path) => path.endsWith('.js'))
        .map((path) => path.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, ''));
    const pageChunks = async () => (await chunks()).filter((name) => /^tsp-.*-page$/.test(name));

    await page.goto(baseUrl() + '/');
    await page.locator('tsp-home-page table tbody tr').first().waitFor();
    expect(await pageChunks()).toEqual(['tsp-home-page']);
    expect(await chunks()).not.toContain('formula-parser');

    await page.getByRole('link', { name: 'Forecast', exact: true }).click();
    await page.locator('[data-testid="forecast-summary"]').waitFor();
    expect(await pageChunks()).toEqual(['tsp-home-page', 'tsp-forecast-page']);
    expect(await chunks()).not.toContain('formula-parser');

    // Two shipped scenarios have formula levers: reading them loads the parser.
    await page.getByRole('link', { name: 'Scenarios', exact: true }).click();
    await page.locator('#lever-run-draws').waitFor();
    expect(await chunks()).toContain('formula-parser');
    expect(watched.errors).toEqual([]);
    await page.close();
  });

  it('sets a Content Security Policy that allows WebAssembly and nothing looser', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl() + '/');
    const csp = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/'unsafe-eval'/);
    await page.close();
  });

  it('sends the security headers with every response, and ships them in _headers for the host', async () => {
    const page = await browser.newPage();
    const watched = watchPage(page);
    const response = await page.goto(baseUrl() + '/in-year');
    const metaCsp = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    // A deep link (served by the SPA fallback), a script and the solver's WebAssembly.
    const script = await page.locator('script[type="module"]').getAttribute('src');
    const responses = [
      response!,
      (await page.request.get(baseUrl() + script!))!,
      await page.request.get(baseUrl() + '/favicon.svg'),
    ];
    for (const each of responses) {
      const headers = each.headers();
      expect(headers['content-security-policy']).toBe(`${metaCsp}; frame-ancestors 'none'`);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['permissions-policy']).toContain('camera=()');
      expect(headers['x-frame-options']).toBe('DENY');
    }
    // The header CSP does not stop the page working: the app renders with no CSP errors.
    await page.locator('main h1').waitFor();
    expect(watched.errors).toEqual([]);
    const distDir = process.env.TSP_DIST_DIR ?? 'dist';
    const shipped = readFileSync(join(distDir, '_headers'), 'utf8');
    expect(shipped).toBe(headersFile());
    expect(shipped).toContain(
      `  Content-Security-Policy: ${SECURITY_HEADERS['Content-Security-Policy']}`,
    );
    // A page on another origin cannot frame the app: Chromium shows its error page instead.
    const framing = await browser.newPage();
    await framing.setContent(`<iframe src="${baseUrl()}/"></iframe>`);
    const frame = await (await framing.locator('iframe').elementHandle())!.contentFrame();
    await expect.poll(() => frame!.url()).toMatch(/^chrome-error:/);
    await framing.close();
    await page.close();
  });

  it('uses an uploaded School Workforce Census file in place of the estimates, after refusing a bad one that names its line and column', async () => {
    const page = await browser.newPage();
    const watched = watchPage(page);
    await page.goto(baseUrl() + '/data-sources');
    await page.locator('#import-file').waitFor();
    await page.setInputFiles(
      '#import-file',
      'test/fixtures/data/swc_teacher_fte_missing_pupils.csv',
    );
    await page.getByRole('button', { name: 'Use this file' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.locator('.govuk-error-summary__title').textContent()).toContain(
      'swc_teacher_fte_missing_pupils.csv was not used: nothing has changed',
    );
    // One item per problem, saying where and what to do, linking to the upload field; the
    // file's name is in the title, not repeated in each item.
    const item = summary.locator('.govuk-error-summary__list a');
    expect(await item.count()).toBe(1);
    expect((await item.textContent())?.trim()).toBe(
      "Line 3, column pupils: Derbyshire's teacher FTE covers several districts, so the LA's primary pupils are needed to split it. Enter the LA's primary pupils in a pupils column",
    );
    expect(await item.getAttribute('href')).toBe('#import-file');
    expect(
      (await page.locator('#import-file-error').textContent())?.replace(/\s+/g, ' ').trim(),
    ).toBe(
      'Error: swc_teacher_fte_missing_pupils.csv has a problem: correct the file and upload it again',
    );
    await item.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('import-file');
    expect(await axeViolations(page)).toEqual([]);

    await page.setInputFiles('#import-file', 'test/fixtures/data/swc_teacher_fte_valid.csv');
    await page.getByRole('button', { name: 'Use this file' }).click();
    await page.locator('.govuk-notification-banner--success').waitFor();
    // Back to the overview in the same visit: Sheffield's teacher FTE now comes from the file.
    await page.locator('.govuk-service-navigation__service-name a').click();
    await page.locator('tsp-region-districts summary').click();
    const sheffield = page.locator('tsp-region-districts tbody tr', { hasText: 'Sheffield' });
    await sheffield.waitFor();
    expect(await sheffield.textContent()).toContain('Your data');
    expect(watched.errors).toEqual([]);
    await page.close();
  });
});
