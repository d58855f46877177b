/**
 * The command-line tools as `npm run` starts them: bundled into dist-cli/ by
 * scripts/build-cli.mjs and run in plain Node. The bundles must find the repository's data/,
 * run their main function, read a scenario with a formula (mathjs, a chunk loaded on first use)
 * and report a bad argument without a stack trace, as the sources do under tsx.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../../src/cli/cli.ts';
// @ts-expect-error: a plain JavaScript build script, without type declarations.
import { buildCli, bundlePath } from '../../../scripts/build-cli.mjs';

const out = mkdtempSync(join(tmpdir(), 'tsp-cli-build-'));
const run = (tool: string, args: string[]) =>
  spawnSync(process.execPath, [bundlePath(tool) as string, ...args], { encoding: 'utf8' });

beforeAll(async () => {
  await buildCli();
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('bundled command-line tools', () => {
  it('keep mathjs out of every bundle but its own chunk', () => {
    for (const tool of ['forecast', 'allocate']) {
      const bundle = readFileSync(bundlePath(tool), 'utf8');
      expect(bundle).not.toMatch(/from ["']mathjs["']/);
      const chunk = readdirSync(join(bundlePath(tool), '..')).find((name) =>
        /^formula-parser-.*\.mjs$/.test(name),
      );
      expect(readFileSync(join(bundlePath(tool), '..', chunk!), 'utf8')).toMatch(
        /from ["']mathjs["']/,
      );
    }
  });

  it('check the repository’s data/ by default', () => {
    const result = run('data-check', []);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^data:check Sheffield City Region \(9 districts.*: OK$/m);
    expect(result.status).toBe(0);
  });

  it('forecast with a formula scenario and write the CSV', () => {
    const file = join(out, 'forecast.csv');
    const result = run('forecast', [
      '--scenario',
      'scenarios/international-iqts-inflow.json',
      '--draws',
      '0',
      '--out',
      file,
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Wrote \d+ rows to /);
    expect(existsSync(file)).toBe(true);
  }, 60_000);

  it('name a bad argument without a stack trace', () => {
    const result = run('forecast', ['--scenario', 'scenarios/no-such-file.json']);
    expect(result.status).toBe(EXIT_CODES.badInput);
    expect(result.stderr.trim()).toBe(
      'forecast: --scenario: file not found: scenarios/no-such-file.json',
    );
  });
});
