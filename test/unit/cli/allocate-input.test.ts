import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../../src/cli/cli.ts';
import { runCommand, STACK_LINE } from './run-command.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
let work: string;

/** Replaces one cell of a CSV file (row is the file's line number, header = 1). */
function setCell(path: string, row: number, column: string, value: string): void {
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = lines[0]!.split(',');
  const index = header.indexOf(column);
  if (index < 0) throw new Error(`${column} not in ${path}`);
  // The plans and caps files have no quoted commas in the rows changed here.
  const cells = lines[row - 1]!.split(',');
  const offset = cells.length - header.length;
  cells[index + offset] = value;
  lines[row - 1] = cells.join(',');
  writeFileSync(path, lines.join('\n'));
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'allocate-input-'));
  cpSync(join(ROOT, 'data'), join(work, 'data'), { recursive: true });
  const plans = join(work, 'data/illustrative_partnership_subject_plans.csv');
  setCell(plans, 2, 'capacity', '-5');
  setCell(plans, 3, 'capacity', 'NaN');
  setCell(plans, 4, 'capacity', 'x');
  setCell(plans, 5, 'capacity', '1e300');
  setCell(join(work, 'data/illustrative_regional_caps.csv'), 2, 'places', 'lots');
  setCell(join(work, 'data/itt_employment_footprints.csv'), 2, 'footprint_share', '1.5');
  writeFileSync(join(work, 'wrong-shape.json'), JSON.stringify({ plans: 3 }));
  const problem = JSON.parse(
    readFileSync(join(ROOT, 'test/fixtures/data/allocation-problem.json'), 'utf8'),
  ) as { plans: { capacity: number }[]; regionalCaps: object[] };
  const regionalCap = problem.regionalCaps[0]!;
  writeFileSync(
    join(work, 'clash.json'),
    JSON.stringify({ ...problem, regionalCaps: [{ ...regionalCap, places: 10 }] }),
  );
  problem.plans[0]!.capacity = 1e300;
  writeFileSync(join(work, 'huge.json'), JSON.stringify(problem));
});

const written = () => readdirSync(work).filter((name) => name.startsWith('allocation'));

describe('allocate: bad input stops at the file, with its cell', { timeout: 240_000 }, () => {
  it('solves a valid --problem file (the fixture the bad ones are made from)', async () => {
    const run = await runCommand('src/cli/allocate.ts', [
      '--problem',
      'test/fixtures/data/allocation-problem.json',
      '--out',
      join(work, 'valid.csv'),
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(EXIT_CODES.ok);
    expect(run.stdout).toMatch(/^Plan: /);
    expect(readdirSync(work).filter((name) => name.startsWith('valid'))).toHaveLength(4);
  });

  it('names every bad cell of the plans, caps and footprints, writes nothing, exit code 1', async () => {
    const run = await runCommand('src/cli/allocate.ts', [
      '--data',
      join(work, 'data'),
      '--out',
      join(work, 'allocation.csv'),
      '--today',
      '2026-12-03',
    ]);
    expect(run.code).toBe(EXIT_CODES.badInput);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(STACK_LINE);
    const plans = 'illustrative_partnership_subject_plans.csv';
    for (const line of [
      `${plans}, line 2, column capacity: -5 is too small; enter a whole number of places from 0 to 99,999`,
      `${plans}, line 3, column capacity: "NaN" is not a number written in digits`,
      `${plans}, line 4, column capacity: "x" is a missing-value symbol but a number is needed`,
      `${plans}, line 5, column capacity: "1e300" is not a number written in digits`,
      'illustrative_regional_caps.csv, line 2, column places: "lots" is not a number written in digits',
      'itt_employment_footprints.csv, line 2, column footprint_share: 1.5 is too large to be right; enter a number from 0 to 1',
    ]) {
      expect(run.stderr).toContain(line);
    }
    expect(written()).toEqual([]);
  });

  it('checks a minimum cohort against the capacity once every cell is readable', async () => {
    const data = join(work, 'cohort');
    cpSync(join(ROOT, 'data'), data, { recursive: true });
    const plans = join(data, 'illustrative_partnership_subject_plans.csv');
    setCell(plans, 25, 'capacity', '5');
    setCell(plans, 25, 'minimum_cohort', '10');
    const run = await runCommand('src/cli/allocate.ts', [
      '--data',
      data,
      '--out',
      join(work, 'allocation.csv'),
    ]);
    expect(run).toMatchObject({ code: EXIT_CODES.badInput, stdout: '' });
    expect(run.stderr).toBe(
      'allocate: illustrative_partnership_subject_plans.csv, line 25, column minimum_cohort: 10 exceeds the capacity 5\n',
    );
    expect(written()).toEqual([]);
  });

  it('refuses --problem JSON of the wrong shape, naming each field', async () => {
    const run = await runCommand('src/cli/allocate.ts', [
      '--problem',
      join(work, 'wrong-shape.json'),
      '--out',
      join(work, 'allocation.csv'),
    ]);
    expect(run.code).toBe(EXIT_CODES.badInput);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr).toContain('wrong-shape.json: plans: ');
    expect(run.stderr).toContain('wrong-shape.json: entryYears: ');
    expect(written()).toEqual([]);
  });

  it('refuses a capacity of 1e300 in --problem JSON before HiGHS sees it', async () => {
    const run = await runCommand('src/cli/allocate.ts', [
      '--problem',
      join(work, 'huge.json'),
      '--out',
      join(work, 'allocation.csv'),
    ]);
    expect(run).toMatchObject({ code: EXIT_CODES.badInput, stdout: '' });
    expect(run.stderr).toBe(
      `allocate: ${join(work, 'huge.json')}: plans[0].capacity: must be at most 100,000\n`,
    );
    expect(written()).toEqual([]);
  });
});

describe('allocate: exit codes of an outcome', { timeout: 240_000 }, () => {
  it('exits 2 when no plan meets every rule, naming the rules that clash', async () => {
    // A cap of 10 places against stability floors of 15 (A1) and 24 x 0.5 = 12 (B2).
    const run = await runCommand('src/cli/allocate.ts', [
      '--problem',
      join(work, 'clash.json'),
      '--out',
      join(work, 'clash.csv'),
    ]);
    expect(run.code).toBe(EXIT_CODES.infeasible);
    expect(run.stdout).toContain('No allocation meets every rule.');
    expect(run.stdout).toContain('Regional cap: at most 10 places in Mathematics');
  });

  it('exits 3 when a search limit stops short of the gap, with the plan written', async () => {
    const run = await runCommand('src/cli/allocate.ts', [
      '--problem',
      'test/fixtures/data/allocation-problem.json',
      '--out',
      join(work, 'limited.csv'),
      '--gap',
      '0.0000001',
      '--node-limit',
      '0',
    ]);
    expect(run.code).toBe(EXIT_CODES.failed);
    expect(run.stdout).toContain('A search limit (search limit reached) stopped the search');
    expect(readdirSync(work).filter((name) => name.startsWith('limited'))).toHaveLength(4);
  });
});
