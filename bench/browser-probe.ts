/**
 * What the browser benchmark watches inside the page. `installProbe` runs as a Playwright init
 * script, before any of the app's code, so it sees every long task of a page load. Init scripts
 * go through the DevTools protocol, so the page's Content Security Policy does not block them.
 */
import type { Page } from 'playwright-core';

/** A main-thread task over 50 ms, as the Long Tasks API reports it (ms since navigation). */
export interface LongTask {
  start: number;
  duration: number;
}

interface Probe {
  longTasks: LongTask[];
  /** performance.now() of the last long task or finished network request. */
  lastActivity: number;
  /** performance.now() when the ready selector first matched, or null. */
  readyAt: number | null;
}

declare global {
  interface Window {
    tspProbe: Probe;
  }
}

/** Installed in the page before its scripts run; `readySelector` marks the first meaningful render. */
export function installProbe(readySelector: string): void {
  const probe: Probe = { longTasks: [], lastActivity: 0, readyAt: null };
  window.tspProbe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
      probe.lastActivity = Math.max(probe.lastActivity, entry.startTime + entry.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver(() => {
    probe.lastActivity = performance.now();
  }).observe({ type: 'resource', buffered: true });
  // No named local functions: tsx would wrap them in a helper the page does not have.
  const observer = new MutationObserver(() => {
    if (probe.readyAt === null && document.querySelector(readySelector)) {
      probe.readyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

/** performance.now() in the page: the start of a measured action. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** Waits until the page has had no long task and no finished request for `quietMs`. */
export async function waitForQuiet(page: Page, quietMs = 1000, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(
    (quiet) => performance.now() - window.tspProbe.lastActivity > quiet,
    quietMs,
    { timeout: timeoutMs, polling: 100 },
  );
}

export function longTasksSince(page: Page, since: number): Promise<LongTask[]> {
  return page.evaluate((from) => window.tspProbe.longTasks.filter((t) => t.start >= from), since);
}

export function readyTime(page: Page): Promise<number | null> {
  return page.evaluate(() => window.tspProbe.readyAt);
}

/** URLs of the scripts the page itself (not its workers) has fetched. */
export function mainThreadScripts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((url) => new URL(url).pathname.endsWith('.js')),
  );
}
