/**
 * Teacher supply forecast for the region (or England) as tidy EES CSV with a .meta.csv.
 *
 *   npm run forecast -- --scenario scenarios/baseline.json --draws 2000 --seed 1 --out forecast.csv
 *
 * The options are in FORECAST_COMMAND (`--help`). A bad argument, scenario or data file is reported with its file, path or row and reason,
 * and nothing is written.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatCsvRecords } from '../data/csv-writer.ts';
import { describeIssue } from '../data/issues.ts';
import { loadRegionDataset } from '../data/load.ts';
import { DEFAULT_DATA_DIR, nodeReader } from '../data/node-reader.ts';
import { EES_META_COLUMNS } from '../data/ees.ts';
import {
  MAX_DRAWS,
  MAX_SPREAD,
  baseYearOf,
  decomposeDrivers,
  forecastColumns,
  forecastMetaRows,
  forecastToRows,
  forecastTotals,
  nationalDataset,
  planningDateProblem,
  runDeterministic,
  runSummary,
  summariseTotals,
} from '../model/index.ts';
import {
  CliError,
  checkOutputs,
  dateOption,
  isEntryPoint,
  numberOption,
  metaPathOf,
  outputOption,
  parseOptions,
  seedOption,
  runCli,
  type CliCommand,
} from './cli.ts';
import { DEFAULT_SCENARIO, readScenarioFile, scenarioModelInputs } from './scenario-file.ts';

export const FORECAST_COMMAND = {
  name: 'forecast',
  run: 'npm run forecast --',
  summary:
    'Teacher supply forecast for every district x phase x subject (or England as one area): demand, supply, flows, NQT and trainee need with P10/P50/P90, as tidy EES CSV with a .meta.csv.',
  options: {
    scenario: {
      type: 'string',
      value: 'file.json',
      help: 'scenario file (default: every lever at its default)',
    },
    draws: {
      type: 'string',
      value: 'n',
      help: `Monte Carlo draws, 0 to ${MAX_DRAWS}; 0 for the central projection only (default 1000)`,
    },
    seed: { type: 'string', value: 'n', help: 'seed of the random numbers (default 1)' },
    spread: {
      type: 'string',
      value: 'x',
      help: `scale of the Monte Carlo uncertainty, 0 (none) to ${MAX_SPREAD} (default 1)`,
    },
    out: {
      type: 'string',
      value: 'file.csv',
      help: 'where to write the forecast (default forecast.csv)',
    },
    national: { type: 'boolean', help: 'England as one area, from the national TWM inputs' },
    today: {
      type: 'string',
      value: 'YYYY-MM-DD',
      help: "the date the plan is made on: it plans the next three ITT entry years from it (default: today's date)",
    },
    data: {
      type: 'string',
      value: 'folder',
      help: 'dataset folder (default: the repository data/)',
    },
  },
} as const satisfies CliCommand;

export interface ForecastArgs {
  scenario: string | null;
  draws: number;
  seed: number;
  spread: number;
  out: string;
  national: boolean;
  dataDir: string;
  today: Date;
}

export function parseForecastArgs(argv: string[]): ForecastArgs {
  const { values } = parseOptions(FORECAST_COMMAND, argv);
  return {
    scenario: values.scenario ?? null,
    draws: numberOption('draws', values.draws, 1000, { min: 0, max: MAX_DRAWS, integer: true }),
    seed: seedOption(values.seed, 1),
    spread: numberOption('spread', values.spread, 1, { min: 0, max: MAX_SPREAD }),
    out: outputOption('out', values.out, 'forecast.csv'),
    national: values.national ?? false,
    dataDir: values.data ?? DEFAULT_DATA_DIR,
    today: dateOption('today', values.today),
  };
}

export interface ForecastSummary {
  rows: number;
  out: string;
  metaOut: string;
  seconds: number;
}

/** Runs the forecast and writes the CSV and its .meta.csv. Throws CliError on bad input. */
export async function runForecast(
  args: ForecastArgs,
  log: (line: string) => void,
): Promise<ForecastSummary> {
  const started = performance.now();
  checkOutputs(
    [{ flag: 'out', writes: [args.out, metaPathOf(args.out)] }],
    args.scenario ? [{ flag: 'scenario', path: args.scenario }] : [],
    args.dataDir,
  );
  const scenario = args.scenario ? await readScenarioFile(args.scenario) : DEFAULT_SCENARIO;
  if (!existsSync(args.dataDir)) throw new CliError(`--data: folder not found: ${args.dataDir}`);
  const { dataset: regional, issues } = await loadRegionDataset(nodeReader(args.dataDir));
  for (const issue of issues) log(`warning: ${describeIssue(issue)}`);
  const dataset = args.national ? nationalDataset(regional) : regional;
  const dateProblem = planningDateProblem(baseYearOf(dataset), args.today);
  if (dateProblem) throw new CliError(`--today: ${dateProblem}`);
  const source = `${args.scenario ?? 'dataset'}${issues.length > 0 ? ' (see the data warnings above)' : ''}`;
  const { inputs } = await scenarioModelInputs(scenario, dataset, source, args.today);

  const central = runDeterministic(inputs);
  let summary;
  let totals;
  if (args.draws > 0) {
    let logged = 0;
    const run = runSummary(
      inputs,
      {
        seed: args.seed,
        drawCount: args.draws,
        spread: args.spread,
        outputs: ['nqtNeed', 'traineeNeed'],
        totals: forecastTotals(inputs).map((total) => total.cells),
      },
      (done) => {
        if (done === args.draws || done - logged >= args.draws / 4) {
          logged = done;
          log(`draws: ${done} of ${args.draws}`);
        }
      },
    );
    summary = run.ranges;
    totals = summariseTotals(run);
  }
  const rows = forecastToRows(inputs, central, {
    geographicLevel: args.national ? 'National' : 'Local authority district',
    summary,
    totals,
    drivers: decomposeDrivers(inputs, central),
  });
  const out = resolve(args.out);
  const metaOut = metaPathOf(out);
  writeFileSync(out, `${formatCsvRecords(rows, forecastColumns())}\n`);
  writeFileSync(metaOut, `${formatCsvRecords(forecastMetaRows(inputs), EES_META_COLUMNS)}\n`);
  return { rows: rows.length, out, metaOut, seconds: (performance.now() - started) / 1000 };
}

if (isEntryPoint(import.meta.url)) {
  await runCli(FORECAST_COMMAND, async (argv) => {
    const args = parseForecastArgs(argv);
    const result = await runForecast(args, (line) => console.error(line));
    console.log(
      `Wrote ${result.rows} rows to ${result.out} (and ${result.metaOut}) in ${result.seconds.toFixed(2)} s ` +
        `(${args.national ? 'England' : 'region'}, ${args.draws} draws, seed ${args.seed}).`,
    );
  });
}
