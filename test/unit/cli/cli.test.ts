import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CliError,
  EXIT_CODES,
  checkOutputs,
  numberOption,
  outputOption,
  parseOptions,
  seedOption,
  usage,
  type CliCommand,
} from '../../../src/cli/cli.ts';
import { buildProblem, parseAllocateArgs } from '../../../src/cli/allocate.ts';
import { parseForecastArgs, runForecast } from '../../../src/cli/forecast.ts';
import { runCommand, STACK_LINE } from './run-command.ts';

const COMMAND = {
  name: 'demo',
  run: 'npm run demo --',
  summary: 'A demonstration command.',
  options: {
    out: { type: 'string', value: 'file.csv', help: 'where to write' },
    returns: { type: 'string', value: 'file.csv', multiple: true, help: 'returns files' },
    national: { type: 'boolean', help: 'England as one area' },
  },
} as const satisfies CliCommand;

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as CliError).message;
  }
  throw new Error('expected a CliError');
}

describe('command-line options', () => {
  it('reads string, repeated and boolean options in either form', () => {
    const { values } = parseOptions(COMMAND, [
      '--out=a.csv',
      '--returns',
      'r1.csv',
      '--returns',
      'r2.csv',
      '--national',
    ]);
    expect(values).toEqual({ out: 'a.csv', returns: ['r1.csv', 'r2.csv'], national: true });
    // A value may start with one dash (a negative number).
    expect(parseOptions(COMMAND, ['--out', '-5']).values.out).toBe('-5');
  });

  it('names each kind of mistake in plain words', () => {
    expect(messageOf(() => parseOptions(COMMAND, ['--output', 'x']))).toBe(
      'unknown option --output (see --help)',
    );
    expect(messageOf(() => parseOptions(COMMAND, ['-o']))).toBe('unknown option -o (see --help)');
    expect(messageOf(() => parseOptions(COMMAND, ['--out']))).toBe(
      '--out needs a value, e.g. --out <file.csv>',
    );
    // The next option is not taken as the value.
    expect(messageOf(() => parseOptions(COMMAND, ['--out', '--national']))).toBe(
      '--out needs a value, e.g. --out <file.csv>',
    );
    expect(messageOf(() => parseOptions(COMMAND, ['--out='])).startsWith('--out needs a value'));
    expect(messageOf(() => parseOptions(COMMAND, ['--national=no']))).toBe(
      '--national takes no value',
    );
    expect(messageOf(() => parseOptions(COMMAND, ['--out', 'a.csv', '--out', 'b.csv']))).toBe(
      '--out is given more than once',
    );
    expect(messageOf(() => parseOptions(COMMAND, ['stray']))).toBe(
      'unexpected argument "stray" (see --help)',
    );
  });

  it('reads numbers only as plain decimals within their rule', () => {
    expect(numberOption('draws', undefined, 1000, { min: 0, integer: true })).toBe(1000);
    expect(numberOption('draws', '250', 1000, { min: 0, integer: true })).toBe(250);
    expect(numberOption('seed', '-7', 1, { integer: true })).toBe(-7);
    expect(numberOption('gap', '0.005', 0.001, { above: 0, below: 1 })).toBe(0.005);
    for (const text of ['0x10', '1e3', 'Infinity', '', ' ', '12abc']) {
      expect(messageOf(() => numberOption('draws', text, 1000, { min: 0, integer: true }))).toBe(
        `--draws: "${text}" is not a number written in digits; enter a whole number, 0 or more`,
      );
    }
    expect(messageOf(() => numberOption('draws', '1,000', 1000, { min: 0, integer: true }))).toBe(
      '--draws: "1,000" has a thousands separator; enter a whole number, 0 or more',
    );
    expect(messageOf(() => numberOption('draws', '2.5', 1000, { min: 0, integer: true }))).toBe(
      '--draws: 2.5 is not a whole number; enter a whole number, 0 or more',
    );
    expect(messageOf(() => numberOption('gap', '1', 0.001, { above: 0, below: 1 }))).toBe(
      '--gap: 1 is too large to be right; enter a number above 0 and below 1',
    );
    const draws = { min: 0, max: 20_000, integer: true };
    expect(numberOption('draws', '20000', 1000, draws)).toBe(20_000);
    expect(messageOf(() => numberOption('draws', '100000000', 1000, draws))).toBe(
      '--draws: 100000000 is too large to be right; enter a whole number from 0 to 20,000',
    );
  });

  it('takes an output file only with its default’s extension, and any exact whole seed', () => {
    expect(outputOption('out', undefined, 'forecast.csv')).toBe('forecast.csv');
    expect(outputOption('out', 'runs/f.csv', 'forecast.csv')).toBe('runs/f.csv');
    expect(outputOption('lp', 'model.lp', 'model.lp')).toBe('model.lp');
    expect(messageOf(() => outputOption('out', 'f.xlsx', 'forecast.csv'))).toBe(
      '--out: "f.xlsx" must end in .csv',
    );
    expect(messageOf(() => outputOption('lp', 'model.csv', 'model.lp'))).toBe(
      '--lp: "model.csv" must end in .lp',
    );
    expect(seedOption(undefined, 1)).toBe(1);
    expect(seedOption('-42', 1)).toBe(-42);
    expect(messageOf(() => seedOption('1.5', 1))).toBe(
      '--seed: 1.5 is not a whole number; enter a whole number',
    );
    expect(messageOf(() => seedOption('99999999999999999999', 1))).toBe(
      '--seed: "99999999999999999999" is too long: give a whole number of at most 15 digits',
    );
  });

  it('refuses an output that would overwrite an input, another output or the dataset', () => {
    const data = mkdtempSync(join(tmpdir(), 'tsp-data-'));
    const out = (flag: string, ...writes: string[]) => ({ flag, writes });
    expect(() =>
      checkOutputs([out('out', 'a.csv', 'a.meta.csv'), out('lp', 'model.lp')], [], data),
    ).not.toThrow();
    expect(
      messageOf(() => checkOutputs([out('out', 'a.csv')], [{ flag: 'returns', path: './a.csv' }])),
    ).toBe('--out: a.csv is the file given to --returns; write to another file');
    expect(
      messageOf(() => checkOutputs([out('out', 'a.csv'), out('track-record', 'a.csv')], [])),
    ).toBe('--track-record: a.csv is also written for --out; give them different names');
    // allocation.csv writes allocation.meta.csv: an --lp of that name would be overwritten.
    expect(
      messageOf(() =>
        checkOutputs([out('out', 'b.csv', 'b.meta.csv'), out('lp', 'b.meta.csv')], []),
      ),
    ).toBe('--lp: b.meta.csv is also written for --out; give them different names');
    expect(messageOf(() => checkOutputs([out('out', join(data, 'districts.csv'))], [], data))).toBe(
      `--out: ${join(data, 'districts.csv')} is in the dataset folder ${data}, which is read and never written; write to another folder`,
    );
    // A folder whose name only starts like the dataset's is another folder.
    expect(() => checkOutputs([out('out', `${data}-runs/a.csv`)], [], data)).toThrow(
      /folder not found/,
    );
    expect(messageOf(() => checkOutputs([out('out', '/no/such/folder/a.csv')], []))).toBe(
      '--out: folder not found: /no/such/folder',
    );
  });

  it('lists every option, the exit codes and --help in its usage', () => {
    const text = usage(COMMAND);
    expect(text.split('\n')[0]).toBe('usage: npm run demo -- [options]');
    for (const flag of ['--out <file.csv>', '--returns <file.csv>', '--national', '--help']) {
      expect(text).toContain(flag);
    }
    expect(text).toContain('1  bad input');
    expect(text).toContain('2  infeasible');
  });
});

/** Each command and the options its --help must list. */
const COMMANDS = [
  {
    script: 'src/cli/data-check.ts',
    run: 'npm run data:check',
    options: ['--dir', '--file', '--kind'],
  },
  {
    script: 'src/cli/forecast.ts',
    run: 'npm run forecast',
    options: ['--scenario', '--draws', '--seed', '--spread', '--out', '--national', '--data'],
  },
  {
    script: 'src/cli/backtest.ts',
    run: 'npm run backtest',
    options: ['--out', '--draws', '--seed', '--data'],
  },
  {
    script: 'src/cli/allocate.ts',
    run: 'npm run allocate',
    options: [
      '--scenario',
      '--need',
      '--problem',
      '--out',
      '--lp',
      '--years',
      '--time-limit',
      '--gap',
    ],
  },
  {
    script: 'src/cli/redistribute.ts',
    run: 'npm run redistribute',
    options: [
      '--allocation',
      '--returns',
      '--out',
      '--rules',
      '--substitute-sciences',
      '--track-record',
    ],
  },
  { script: 'bench/run.ts', run: 'npm run bench', options: ['[suite]'] },
];

// Each run starts tsx and loads the command's imports: seconds each on a busy machine.
describe('every command (run as a child process)', { timeout: 240_000 }, () => {
  it('answers --help with its usage and exit code 0', async () => {
    const runs = await Promise.all(COMMANDS.map(({ script }) => runCommand(script, ['--help'])));
    runs.forEach((result, index) => {
      const { run, options } = COMMANDS[index]!;
      expect(result.stderr, run).toBe('');
      expect(result.code, run).toBe(EXIT_CODES.ok);
      expect(result.stdout.startsWith(`usage: ${run} -- [options]`), run).toBe(true);
      for (const option of options) expect(result.stdout, run).toContain(option);
      expect(result.stdout, run).toContain('exit codes:');
    });
  });

  it('refuses an unknown option and a missing value with exit code 1 and no stack trace', async () => {
    const [unknown, missing, stray] = await Promise.all([
      runCommand('src/cli/forecast.ts', ['--draw', '5']),
      runCommand('src/cli/allocate.ts', ['--out']),
      runCommand('src/cli/redistribute.ts', ['proposals.csv']),
    ]);
    expect(unknown).toEqual({
      code: 1,
      stdout: '',
      stderr: 'forecast: unknown option --draw (see --help)\n',
    });
    expect(missing).toEqual({
      code: 1,
      stdout: '',
      stderr: 'allocate: --out needs a value, e.g. --out <file.csv>\n',
    });
    expect(stray).toEqual({
      code: 1,
      stdout: '',
      stderr: 'redistribute: unexpected argument "proposals.csv" (see --help)\n',
    });
  });

  it('turns an internal error into one plain line and exit code 3, however it escapes', async () => {
    const fixture = 'test/unit/cli/fixtures/failing-cli.ts';
    const [thrown, later, rejected, badInput] = await Promise.all([
      runCommand(fixture, ['throw']),
      runCommand(fixture, ['later']),
      runCommand(fixture, ['reject']),
      runCommand(fixture, ['bad-input']),
    ]);
    for (const [run, detail] of [
      [thrown, "Cannot read properties of null (reading 'run')"],
      [later, 'Expected property name or'],
      [rejected, 'Maximum call stack size exceeded'],
    ] as const) {
      expect(run.code).toBe(EXIT_CODES.failed);
      expect(run.stderr).not.toMatch(STACK_LINE);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^failing: internal error, please report it: /);
      expect(run.stderr).toContain(detail);
    }
    expect(badInput).toEqual({
      code: EXIT_CODES.badInput,
      stdout: '',
      stderr: 'failing: first line\nfailing: second line\n',
    });
  });
});

describe('planning dates and entry years the data cannot reach', () => {
  async function refusal(run: () => Promise<unknown>): Promise<string> {
    const error = await run().then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(CliError);
    return (error as CliError).message;
  }
  const forecastOn = (today: string) =>
    refusal(() =>
      runForecast(
        parseForecastArgs(['--today', today, '--draws', '0', '--out', 'never-written.csv']),
        () => {},
      ),
    );
  const allocationProblem = (...argv: string[]) =>
    refusal(() => buildProblem(parseAllocateArgs(argv)));

  // The embedded data's base year is 2024/25 (see test/unit/model/horizon.test.ts).
  it('refuses a --today before the base year or beyond the horizon, naming the dates to use', async () => {
    expect(await forecastOn('1900-01-01')).toBe(
      '--today: 1900-01-01 is before this data can plan from: its base year is 2024/25, so plan on 2023-10-01 or later',
    );
    expect(await forecastOn('2300-01-01')).toMatch(
      /^--today: 2300-01-01 is too far ahead: .* so plan on a date before 2051-10-01$/,
    );
    expect(await allocationProblem('--today', '2019-06-01')).toMatch(
      /^--today: 2019-06-01 is before this data can plan from/,
    );
  });

  it('forecasts the need of the entry years it plans on --today, not on the system clock', async () => {
    const problem = await buildProblem(parseAllocateArgs(['--today', '2029-06-01']));
    expect(problem.entryYears).toEqual(['2029/30', '2030/31', '2031/32']);
    const nqtYears = new Set(problem.need.map((record) => record.nqtYear));
    for (const year of ['2030/31', '2031/32', '2032/33']) expect(nqtYears).toContain(year);
  });

  it('refuses a first entry year or a count of years outside what the data can plan', async () => {
    expect(await allocationProblem('--first-entry-year', '2010/11')).toBe(
      "--first-entry-year: 2010/11 is outside the entry years this data can plan from: give one from 2024/25 (the data's base year) to 2051/52",
    );
    expect(await allocationProblem('--years', '1000')).toMatch(
      /^--years: 1000 entry years from \d{4}\/\d{2} go past 2053\/54/,
    );
  });
});
