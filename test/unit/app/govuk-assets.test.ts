import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GOVUK_ASSET_COPIES } from '../../../scripts/govuk-assets.ts';

function filesBelow(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesBelow(join(path, name)));
}

describe('GOV.UK Frontend assets served from public/', () => {
  it.each(GOVUK_ASSET_COPIES)('$to matches the installed govuk-frontend', ({ from, to }) => {
    const sources = filesBelow(from);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      const copy = to + source.slice(from.length);
      expect(
        readFileSync(copy).equals(readFileSync(source)),
        `${copy} is out of date: run npx tsx scripts/copy-govuk-assets.ts`,
      ).toBe(true);
    }
  });
});
