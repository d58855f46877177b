import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

/** Serialises an SVG with decimals rounded to 2 places, so snapshots do not churn on float noise. */
export function tidySvg(svg: SVGSVGElement): string {
  const text = new XMLSerializer().serializeToString(svg);
  return (
    text
      .replace(/-?\d+\.\d{3,}/g, (number) => String(Math.round(Number(number) * 100) / 100))
      .replace(/></g, '>\n<') + '\n'
  );
}

/**
 * Compares an SVG with the committed file `__snapshots__/<name>.svg` beside the test. A missing
 * file is written (first run); a different one fails and writes `<name>-changed.svg` to look at.
 */
export function expectSvgSnapshot(svg: SVGSVGElement, testDirectory: string, name: string): void {
  const folder = join(testDirectory, '__snapshots__');
  const expectedPath = join(folder, `${name}.svg`);
  const actual = tidySvg(svg);
  mkdirSync(dirname(expectedPath), { recursive: true });
  if (!existsSync(expectedPath)) {
    if (process.env.CI)
      throw new Error(`missing snapshot ${expectedPath}: run the tests locally and commit it`);
    writeFileSync(expectedPath, actual);
    return;
  }
  const expected = readFileSync(expectedPath, 'utf8');
  if (actual !== expected) writeFileSync(join(folder, `${name}-changed.svg`), actual);
  expect(actual, `${name}.svg differs: see ${name}-changed.svg`).toBe(expected);
}
