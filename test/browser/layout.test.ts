import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, baseUrl, launchBrowser, screenshot, watchPage } from './browser.ts';

/**
 * Every page at a laptop's 1280 x 800 and a phone's 390 x 844, in its default state, as a
 * person first meets it: the page never scrolls sideways, chart and map text is at least
 * 12 px as shown, long tables scroll inside their own region, and at 1280 px the page is at
 * most about three screens tall (the answer first, inputs folded). axe finds nothing.
 */
const PAGES: { name: string; path: string; ready: string; alsoReady?: string[] }[] = [
  {
    name: 'overview',
    path: '/',
    // Every block filled in: the need table arrives last and makes the page 480 px taller.
    ready: '[data-testid="overview-cold-spots"] svg.tsp-map',
    alsoReady: [
      '[data-testid="overview-need"] tbody tr',
      '[data-testid="overview-in-year"]',
      '[data-testid="overview-attention"]',
    ],
  },
  { name: 'forecast', path: '/forecast', ready: '[data-testid="forecast-fan-nqt"] svg' },
  {
    name: 'allocation',
    path: '/allocation',
    // The refined result, so the height measured is the page's settled height.
    ready: '[data-testid="allocation-verdict"][data-complete="true"]',
  },
  { name: 'in-year', path: '/in-year', ready: '[data-proposal-id]' },
  { name: 'maps', path: '/maps', ready: 'tsp-maps-page svg.tsp-map g.tsp-map__areas path' },
  { name: 'scenarios', path: '/scenarios', ready: '#lever-run-draws' },
  { name: 'partnerships', path: '/partnerships', ready: '#tsp-partnership-select' },
  { name: 'data-sources', path: '/data-sources', ready: 'tsp-data-sources-page tbody tr' },
  { name: 'accessibility', path: '/accessibility', ready: 'main h2' },
  { name: 'support', path: '/support', ready: '[data-testid="support-email"] a' },
];

/** About three laptop screens of the page above its footer (3 x 800 px, 5% either way). */
const MAX_HEIGHT_1280 = Math.round(3 * 800 * 1.05);

interface Layout {
  /** Where the footer starts: the page's own height. */
  height: number;
  scrollWidth: number;
  clientWidth: number;
  /** Smallest chart or map text as shown, in CSS pixels (Infinity when there is none). */
  smallestSvgText: number;
  /** Table regions whose content is taller or wider than the region, and that scroll. */
  scrollingRegions: number;
  overflowingRegions: number;
}

function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const sizes = [...document.querySelectorAll('main svg text')]
      .filter((text) => (text as SVGTextElement).getBBox().width > 0)
      .map((text) => {
        const svg = text.closest('svg')!;
        const box = svg.viewBox.baseVal;
        const shownScale = box && box.width ? svg.getBoundingClientRect().width / box.width : 1;
        return parseFloat(getComputedStyle(text).fontSize) * shownScale;
      });
    const regions = [...document.querySelectorAll<HTMLElement>('main .tsp-table-wrapper')];
    const overflowing = regions.filter(
      (region) =>
        region.scrollHeight > region.clientHeight + 1 ||
        region.scrollWidth > region.clientWidth + 1,
    );
    const scrolling = overflowing.filter((region) => {
      const style = getComputedStyle(region);
      const scrolls = (value: string) => value === 'auto' || value === 'scroll';
      return (
        (region.scrollHeight <= region.clientHeight + 1 || scrolls(style.overflowY)) &&
        (region.scrollWidth <= region.clientWidth + 1 || scrolls(style.overflowX)) &&
        region.tabIndex === 0
      );
    });
    return {
      height: document.querySelector<HTMLElement>('footer')?.offsetTop ?? 0,
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      smallestSvgText: Math.min(...sizes),
      scrollingRegions: scrolling.length,
      overflowingRegions: overflowing.length,
    };
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

for (const [width, height] of [
  [1280, 800],
  [390, 844],
] as const) {
  describe(`every page at ${width} px`, () => {
    for (const { name, path, ready, alsoReady } of PAGES) {
      it(`${name}: no sideways scroll, text at least 12 px, tables scroll in place, axe clean`, async () => {
        const page = await browser.newPage({ viewport: { width, height } });
        const watched = watchPage(page);
        await page.goto(baseUrl() + path);
        await page.locator(ready).first().waitFor({ timeout: 30_000 });
        for (const selector of alsoReady ?? []) {
          await page.locator(selector).first().waitFor({ timeout: 30_000 });
        }
        // Charts and maps draw at their container's width once laid out: wait for the layout
        // to stop changing (two equal measures on consecutive frames).
        let layout = await measure(page);
        await expect
          .poll(async () => {
            const previous = layout;
            layout = await measure(page);
            return JSON.stringify(layout) === JSON.stringify(previous);
          })
          .toBe(true);
        await screenshot(page, `layout-${name}-${width}`);
        expect(layout.scrollWidth, 'page scrolls sideways').toBeLessThanOrEqual(layout.clientWidth);
        if (Number.isFinite(layout.smallestSvgText)) {
          expect(layout.smallestSvgText).toBeGreaterThanOrEqual(11.9);
        }
        expect(layout.scrollingRegions).toBe(layout.overflowingRegions);
        if (width === 1280) {
          expect(layout.height).toBeLessThanOrEqual(MAX_HEIGHT_1280);
        }
        expect(await axeViolations(page)).toEqual([]);
        expect(watched.errors).toEqual([]);
        await page.close();
      });
    }
  });
}
