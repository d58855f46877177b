/**
 * The supply model's backtest: England rerun from each base year of the earlier TWM
 * publication, with only what was known then, against what the latest publication records
 * one and two years later (src/model/backtest.ts). Writes the comparisons as tidy EES CSV
 * with a .meta.csv, prints each measure's errors and P10-P90 coverage, and ends with
 *
 *   backtest: N comparisons, mean absolute error X.X%, max absolute error Y.Y%
 *
 * for the teacher stock.
 *
 *   npm run backtest -- --out backtest.csv
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatEesCsv, formatEesMeta } from '../data/ees.ts';
import { describeIssue } from '../data/issues.ts';
import { loadRegionDataset } from '../data/load.ts';
import { DEFAULT_DATA_DIR, nodeReader } from '../data/node-reader.ts';
import {
  DEFAULT_BACKTEST,
  MAX_DRAWS,
  attributionLine,
  backtestLine,
  backtestTable,
  coverageLine,
  runBacktest,
  runDraws,
  summariseBacktest,
  type BacktestSummary,
} from '../model/index.ts';
import {
  CliError,
  checkOutputs,
  isEntryPoint,
  numberOption,
  metaPathOf,
  outputOption,
  parseOptions,
  seedOption,
  runCli,
  type CliCommand,
} from './cli.ts';

export const BACKTEST_COMMAND = {
  name: 'backtest',
  run: 'npm run backtest --',
  summary:
    "The supply model rerun from the earlier TWM publication's base years and scored against the latest publication's outturn one and two years later (teacher stock, leavers, returners, new to sector, newly qualified entrants), with how often the outturn fell inside the P10-P90 range. Writes tidy EES CSV with a .meta.csv.",
  options: {
    out: {
      type: 'string',
      value: 'file.csv',
      help: 'where to write the comparisons (default backtest.csv)',
    },
    draws: {
      type: 'string',
      value: 'n',
      help: `Monte Carlo draws per base year, 1 to ${MAX_DRAWS} (default ${DEFAULT_BACKTEST.drawCount})`,
    },
    seed: {
      type: 'string',
      value: 'n',
      help: `seed of the random numbers (default ${DEFAULT_BACKTEST.seed})`,
    },
    data: {
      type: 'string',
      value: 'folder',
      help: 'dataset folder (default: the repository data/)',
    },
  },
  notes: [
    'Each run sees only what was known at its base year, except pupil numbers, which are as since recorded: the backtest tests the supply side with pupils known.',
    'Coverage counts only comparisons in years the Monte Carlo spreads are not calibrated on (the CSV marks the others "in sample").',
    'The last line printed is the teacher stock\'s "backtest: N comparisons, mean absolute error X.X%, max absolute error Y.Y%".',
  ],
} as const satisfies CliCommand;

export interface BacktestArgs {
  out: string;
  draws: number;
  seed: number;
  dataDir: string;
}

export function parseBacktestArgs(argv: string[]): BacktestArgs {
  const { values } = parseOptions(BACKTEST_COMMAND, argv);
  return {
    out: outputOption('out', values.out, 'backtest.csv'),
    draws: numberOption('draws', values.draws, DEFAULT_BACKTEST.drawCount, {
      min: 1,
      max: MAX_DRAWS,
      integer: true,
    }),
    seed: seedOption(values.seed, DEFAULT_BACKTEST.seed),
    dataDir: values.data ?? DEFAULT_DATA_DIR,
  };
}

/** How many of the largest stock errors the CLI splits by flow. */
const LARGEST_ERRORS_SHOWN = 3;

export interface BacktestResult {
  summaries: BacktestSummary[];
  /** The largest stock errors split by flow, in words (largest first). */
  largestErrors: string[];
  stock: BacktestSummary;
  out: string;
  metaOut: string;
}

/** Runs the backtest and writes its CSV and .meta.csv. Throws CliError on bad input. */
export async function runBacktestCli(
  args: BacktestArgs,
  log: (line: string) => void,
): Promise<BacktestResult> {
  checkOutputs([{ flag: 'out', writes: [args.out, metaPathOf(args.out)] }], [], args.dataDir);
  if (!existsSync(args.dataDir)) throw new CliError(`--data: folder not found: ${args.dataDir}`);
  const { dataset, issues } = await loadRegionDataset(nodeReader(args.dataDir));
  for (const issue of issues) log(`warning: ${describeIssue(issue)}`);
  if (dataset.earlierNationalFlows.length === 0) {
    throw new CliError(
      `--data: ${args.dataDir} has no earlier TWM publication's flows, so there is nothing to backtest from`,
    );
  }
  const comparisons = await runBacktest(
    dataset,
    async (inputs, options) => runDraws(inputs, { ...options, firstDraw: 0 }),
    { seed: args.seed, drawCount: args.draws },
  );
  const summaries = summariseBacktest(comparisons);
  const stock = summaries.find((summary) => summary.measure === 'stock');
  if (!stock) {
    throw new CliError(
      `--data: no base year of the earlier publication in ${args.dataDir} is followed by teacher stock outturn in the latest`,
    );
  }
  const table = backtestTable(comparisons);
  const out = resolve(args.out);
  const metaOut = metaPathOf(out);
  writeFileSync(out, formatEesCsv(table));
  writeFileSync(metaOut, formatEesMeta(table));
  const largestErrors = comparisons
    .filter((c) => c.measure === 'stock')
    .sort((a, b) => Math.abs(b.error) - Math.abs(a.error))
    .slice(0, LARGEST_ERRORS_SHOWN)
    .map(attributionLine)
    .filter((line) => line !== undefined);
  return { summaries, largestErrors, stock, out, metaOut };
}

if (isEntryPoint(import.meta.url)) {
  await runCli(BACKTEST_COMMAND, async (argv) => {
    const args = parseBacktestArgs(argv);
    const result = await runBacktestCli(args, (line) => console.error(line));
    console.log(
      `Wrote ${result.out} (and ${result.metaOut}), ${args.draws} draws per base year, seed ${args.seed}.`,
    );
    console.log('Largest stock errors by flow (FTE; + raised the forecast above the outturn):');
    for (const line of result.largestErrors) console.log(`  ${line}`);
    for (const summary of result.summaries) console.log(coverageLine(summary));
    console.log(backtestLine(result.stock));
  });
}
