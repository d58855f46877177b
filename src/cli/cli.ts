/**
 * What every command-line tool shares: its options and their `--help` text, the one error
 * boundary that turns any failure into a plain message (never a stack trace) and the exit
 * codes, the same for every command:
 *
 *   0  done
 *   1  bad input (an argument or a file): the message names it, nothing was written
 *   2  infeasible: no plan meets every rule (the message says which rules clash)
 *   3  the solver failed or stopped at its time limit, or an internal error
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkNumber, type NumberRule } from '../data/cells.ts';
import { describeIssue } from '../data/issues.ts';
import { fixedClock, systemClock } from '../data/clock.ts';

export const EXIT_CODES = { ok: 0, badInput: 1, infeasible: 2, failed: 3 } as const;
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

const EXIT_CODE_HELP = `exit codes:
  0  done
  1  bad input (an argument or a file): the message names it, nothing was written
  2  infeasible: no plan meets every rule
  3  the solver failed or stopped at its time limit, or an internal error`;

/** A problem the user can fix (or an outcome with its own exit code): printed as one message. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT_CODES.badInput,
  ) {
    super(message);
  }
}

export interface CliOption {
  type: 'string' | 'boolean';
  /** A string option may be given more than once; its values come back as a list. */
  multiple?: boolean;
  /** How --help shows the value, e.g. 'file.csv'. */
  value?: string;
  help: string;
}

export interface CliCommand {
  /** The name messages start with, e.g. 'forecast'. */
  name: string;
  /** How it is run, e.g. 'npm run forecast --'. */
  run: string;
  summary: string;
  options: Record<string, CliOption>;
  /** Free arguments after the options, if the command takes any. */
  positionals?: { name: string; help: string };
  /** Lines --help prints after the options. */
  notes?: readonly string[];
}

type OptionValue<O extends CliOption> = O['type'] extends 'boolean'
  ? boolean
  : O['multiple'] extends true
    ? string[]
    : string;

export type CliValues<C extends CliCommand> = {
  [K in keyof C['options']]?: OptionValue<C['options'][K]>;
};

const HELP_FLAGS = ['--help', '-h'];

/** The --help text: usage, summary, every option, notes and the exit codes. */
export function usage(command: CliCommand): string {
  const rows = Object.entries(command.options).map(([name, option]) => {
    const flag = `--${name}${option.type === 'string' ? ` <${option.value ?? 'value'}>` : ''}`;
    return [flag, option.help + (option.multiple ? ' (may be repeated)' : '')] as const;
  });
  if (command.positionals) rows.push([`[${command.positionals.name}]`, command.positionals.help]);
  rows.push(['--help', 'show this help']);
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return [
    `usage: ${command.run} [options]${command.positionals ? ` [${command.positionals.name}]` : ''}`,
    '',
    command.summary,
    '',
    'options:',
    ...rows.map(([flag, help]) => `  ${flag.padEnd(width)}${help}`),
    ...(command.notes && command.notes.length > 0 ? ['', ...command.notes] : []),
    '',
    EXIT_CODE_HELP,
  ].join('\n');
}

/**
 * The options given, checked against the command: an unknown option, a missing value, a value
 * given to a flag, a repeated option or a stray argument is a CliError naming it.
 */
export function parseOptions<C extends CliCommand>(
  command: C,
  argv: readonly string[],
): { values: CliValues<C>; positionals: string[] } {
  const seeHelp = '(see --help)';
  // Parsed loosely, then checked token by token, so each mistake gets its own plain message.
  const { tokens } = parseArgs({
    args: [...argv],
    options: Object.fromEntries(
      Object.entries(command.options).map(([name, option]) => [name, { type: option.type }]),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, string | boolean | string[]> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (!command.positionals)
        throw new CliError(`unexpected argument "${token.value}" ${seeHelp}`);
      positionals.push(token.value);
      continue;
    }
    if (HELP_FLAGS.includes(token.rawName)) continue;
    const option = command.options[token.name];
    if (option === undefined || token.rawName !== `--${token.name}`) {
      throw new CliError(`unknown option ${token.rawName} ${seeHelp}`);
    }
    if (option.type === 'boolean') {
      if (token.value !== undefined) throw new CliError(`${token.rawName} takes no value`);
      values[token.name] = true;
      continue;
    }
    const value = token.value;
    if (value === undefined || value === '' || (!token.inlineValue && value.startsWith('--'))) {
      throw new CliError(
        `${token.rawName} needs a value, e.g. ${token.rawName} <${option.value ?? 'value'}>`,
      );
    }
    if (option.multiple) {
      const list = (values[token.name] as string[] | undefined) ?? [];
      list.push(value);
      values[token.name] = list;
    } else {
      if (token.name in values) throw new CliError(`${token.rawName} is given more than once`);
      values[token.name] = value;
    }
  }
  return { values: values as CliValues<C>, positionals };
}

/**
 * A number option within its rule, or its fallback when not given: read and checked as a data
 * file's number cell is (plain decimals only, so "1e9" is refused), with the same wording.
 */
export function numberOption(
  flag: string,
  text: string | undefined,
  fallback: number,
  rule: NumberRule = {},
): number {
  if (text === undefined) return fallback;
  const checked = checkNumber(text, rule);
  if ('reason' in checked) {
    const { reason: message, fix } = checked;
    throw new CliError(describeIssue({ file: `--${flag}`, row: null, column: null, message, fix }));
  }
  return checked.value;
}

/** An output file option that must end in `extension` (".csv", ".lp"), or its default. */
export function outputOption(flag: string, text: string | undefined, fallback: string): string {
  const path = text ?? fallback;
  const extension = fallback.slice(fallback.lastIndexOf('.'));
  if (!path.endsWith(extension))
    throw new CliError(`--${flag}: "${path}" must end in ${extension}`);
  return path;
}

/** The --seed option: any whole number a double holds exactly. */
export function seedOption(text: string | undefined, fallback: number): number {
  const seed = numberOption('seed', text, fallback, { integer: true });
  if (!Number.isSafeInteger(seed)) {
    throw new CliError(`--seed: "${text}" is too long: give a whole number of at most 15 digits`);
  }
  return seed;
}

/** A date option like 2026-12-03 (default: today's date from the system clock). */
export function dateOption(flag: string, text: string | undefined): Date {
  if (text === undefined) return systemClock();
  try {
    return fixedClock(text)();
  } catch {
    throw new CliError(`--${flag}: "${text}" is not a date like 2026-12-03`);
  }
}

/**
 * The bytes of a file an option names (its reader decodes them strictly); a file that cannot
 * be read is bad input naming both.
 */
export function readOptionFile(flag: string, path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder' : 'cannot be read';
    throw new CliError(`--${flag}: ${why}: ${path}`);
  }
}

/** Refuses an output path whose folder does not exist, before any work is done. */
/** The metadata file written beside a tidy CSV: forecast.csv -> forecast.meta.csv. */
export const metaPathOf = (csvPath: string): string => csvPath.replace(/\.csv$/, '.meta.csv');

/** A file an option names to write, with every file written from it (its .meta.csv, ...). */
export interface OutputFiles {
  flag: string;
  writes: readonly string[];
}

/**
 * Checks the files a command will write before it reads anything: each folder exists, no two
 * outputs are the same file, and none is a file the command reads or sits in the dataset
 * folder (which commands read and never write), so a slip in a path loses nothing.
 */
export function checkOutputs(
  outputs: readonly OutputFiles[],
  inputs: readonly { flag: string; path: string }[],
  dataDir?: string,
): void {
  const written = new Map<string, string>();
  const dataFolder = dataDir === undefined ? null : resolve(dataDir);
  for (const { flag, writes } of outputs) {
    for (const path of writes) {
      const full = resolve(path);
      const folder = dirname(full);
      if (!existsSync(folder)) throw new CliError(`--${flag}: folder not found: ${folder}`);
      const input = inputs.find((file) => resolve(file.path) === full);
      if (input) {
        throw new CliError(
          `--${flag}: ${path} is the file given to --${input.flag}; write to another file`,
        );
      }
      const earlier = written.get(full);
      if (earlier !== undefined) {
        throw new CliError(
          `--${flag}: ${path} is also written for --${earlier}; give them different names`,
        );
      }
      if (dataFolder !== null && (folder === dataFolder || folder.startsWith(dataFolder + sep))) {
        throw new CliError(
          `--${flag}: ${path} is in the dataset folder ${dataDir}, which is read and never written; write to another folder`,
        );
      }
      written.set(full, flag);
    }
  }
}

/** The first line of an error's message, for a one-line report. */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 300) || 'no message';
}

/** Prints a failure as plain lines and gives its exit code; a stack only with TSP_DEBUG=1. */
export function reportFailure(command: Pick<CliCommand, 'name'>, error: unknown): ExitCode {
  if (error instanceof CliError) {
    for (const line of error.message.split('\n')) console.error(`${command.name}: ${line}`);
    return error.exitCode;
  }
  console.error(
    `${command.name}: internal error, please report it: ${firstLine(error)}` +
      (process.env.TSP_DEBUG ? `\n${(error as Error)?.stack ?? ''}` : ''),
  );
  return EXIT_CODES.failed;
}

/**
 * Runs a command inside its error boundary: `--help` prints the usage; `main` returns its
 * exit code (default 0); any error, thrown or escaping later, is one plain message and an exit
 * code, never a stack trace.
 */
export async function runCli(
  command: CliCommand,
  main: (argv: string[]) => Promise<ExitCode | void>,
  argv: string[] = process.argv.slice(2),
): Promise<void> {
  const fail = (error: unknown) => {
    process.exitCode = reportFailure(command, error);
  };
  // An error outside main's promise (a callback, a stray rejection) ends the run the same way.
  process.on('uncaughtException', (error) => {
    fail(error);
    process.exit();
  });
  process.on('unhandledRejection', (error) => {
    fail(error);
    process.exit();
  });
  if (argv.some((arg) => HELP_FLAGS.includes(arg))) {
    console.log(usage(command));
    return;
  }
  try {
    process.exitCode = (await main(argv)) ?? EXIT_CODES.ok;
  } catch (error) {
    fail(error);
  }
}

/** True when `moduleUrl` is the script Node was started with (not imported by a test). */
export function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && resolve(script) === fileURLToPath(moduleUrl);
}
