import { chromium, type Browser, type Page, type ConsoleMessage } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inject } from 'vitest';

/** Debian's Chromium, started as the machine notes require (no sandbox as root, no background network). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export function baseUrl(): string {
  return inject('baseUrl');
}

/** Collects console errors, page errors and any request that leaves the test server's origin. */
export function watchPage(page: Page): { errors: string[]; foreignRequests: string[] } {
  const origin = new URL(baseUrl()).origin;
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      foreignRequests.push(url);
    }
  });
  return { errors, foreignRequests };
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * Runs axe-core (WCAG 2.0-2.2 A and AA rules, and the best-practice rule that all content sits
 * in a landmark) in the page and returns the violations.
 */
export async function axeViolations(
  page: Page,
): Promise<{ id: string; help: string; nodes: string[] }[]> {
  // evaluate() runs through the DevTools protocol, so the page's CSP does not block it.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{
            violations: { id: string; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      rules: { region: { enabled: true } },
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
}

/** Opens the GOV.UK details whose summary has `summary` (pages fold their forms under them). */
export async function openDetails(page: Page, summary: string | RegExp): Promise<void> {
  const details = page
    .locator('details', { has: page.locator('summary', { hasText: summary }) })
    .last();
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await details.locator('summary').first().click();
  }
}
