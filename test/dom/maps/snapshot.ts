import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

// A path string, not a URL object: under jsdom the global URL is not Node's.
const SNAPSHOT_DIR = join(dirname(fileURLToPath(import.meta.url)), '__snapshots__');

/**
 * Stable text for an SVG: decimals rounded to one place (sub-pixel noise across d3 or
 * platform versions is not a change), ids renumbered in document order (with their
 * references), one element per line so a diff points at the mark that moved.
 */
export function tidySvg(svg: SVGSVGElement): string {
  let markup = svg.outerHTML;
  const ids = [...markup.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!);
  ids.forEach((id, position) => {
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    markup = markup
      .replace(new RegExp(`id="${escaped}"`, 'g'), `id="id-${position + 1}"`)
      .replace(new RegExp(`#${escaped}\\b`, 'g'), `#id-${position + 1}`);
  });
  return (
    markup
      .replace(/-?\d+\.\d+/g, (number) => String(Math.round(Number(number) * 10) / 10))
      .replace(/></g, '>\n<') + '\n'
  );
}

/**
 * Compares a map with test/dom/maps/__snapshots__/<name>.svg. On a difference it writes
 * <name>-changed.svg beside it for review (replace the committed file to accept it). A
 * missing snapshot is written on a developer's machine but fails under CI.
 */
export function expectSvgSnapshot(svg: SVGSVGElement, name: string): void {
  const actual = tidySvg(svg);
  const expectedPath = join(SNAPSHOT_DIR, `${name}.svg`);
  const changedPath = join(SNAPSHOT_DIR, `${name}-changed.svg`);
  if (!existsSync(expectedPath)) {
    if (process.env.CI)
      throw new Error(`Missing snapshot ${expectedPath}: run the dom tests locally and commit it.`);
    writeFileSync(expectedPath, actual);
    return;
  }
  const expected = readFileSync(expectedPath, 'utf8');
  if (actual === expected) {
    rmSync(changedPath, { force: true });
    return;
  }
  writeFileSync(changedPath, actual);
  expect(actual, `${name}.svg differs; the new drawing is in ${changedPath}`).toBe(expected);
}
