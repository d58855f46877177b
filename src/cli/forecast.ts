/**
 * Teacher supply forecast for the region (or England) as tidy EES CSV with a .meta.csv.
 *
 *   npm run forecast -- --scenario scenarios/baseline.json --draws 2000 --seed 1 --out forecast.csv
 *     [--national]        England as one area, from the national TWM inputs
 *     [--spread 1]        scale of the Monte Carlo uncertainty (0 = central projection only)
 *     [--data data]       folder of the dataset (default: the repository's data/)
 *
 * A bad argument, scenario or data file is reported with its file, path or row and reason,
 * and nothing is written.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { csvFormat } from 'd3-dsv';
import { describeIssue } from '../data/issues.ts';
import { loadRegionDataset } from '../data/load.ts';
import { DEFAULT_DATA_DIR, nodeReader } from '../data/node-reader.ts';
import {
  FORECAST_META_COLUMNS,
  decomposeDrivers,
  forecastColumns,
  forecastMetaRows,
  forecastToRows,
  nationalDataset,
  runDeterministic,
  runSummary,
} from '../model/index.ts';
import {
  CliError,
  DEFAULT_SCENARIO,
  readScenarioFile,
  scenarioModelInputs,
} from './scenario-file.ts';

export { CliError };

export interface ForecastArgs {
  scenario: string | null;
  draws: number;
  seed: number;
  spread: number;
  out: string;
  national: boolean;
  dataDir: string;
}

function wholeNumber(
  flag: string,
  text: string | undefined,
  fallback: number,
  min: number,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || value < min) {
    throw new CliError(`--${flag}: "${text}" is not a whole number of at least ${min}`);
  }
  return value;
}

export function parseForecastArgs(argv: string[]): ForecastArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        scenario: { type: 'string' },
        draws: { type: 'string' },
        seed: { type: 'string' },
        spread: { type: 'string' },
        out: { type: 'string' },
        national: { type: 'boolean' },
        data: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const spread = values.spread === undefined ? 1 : Number(values.spread);
  if (!Number.isFinite(spread) || spread < 0) {
    throw new CliError(`--spread: "${values.spread}" is not a number of at least 0`);
  }
  const out = values.out ?? 'forecast.csv';
  if (!out.endsWith('.csv')) throw new CliError(`--out: "${out}" must end in .csv`);
  return {
    scenario: values.scenario ?? null,
    draws: wholeNumber('draws', values.draws, 1000, 0),
    seed: wholeNumber('seed', values.seed, 1, Number.MIN_SAFE_INTEGER),
    spread,
    out,
    national: values.national ?? false,
    dataDir: values.data ?? DEFAULT_DATA_DIR,
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
  if (!existsSync(dirname(resolve(args.out)))) {
    throw new CliError(`--out: folder not found: ${dirname(resolve(args.out))}`);
  }
  const scenario = args.scenario ? await readScenarioFile(args.scenario) : DEFAULT_SCENARIO;
  if (!existsSync(args.dataDir)) throw new CliError(`--data: folder not found: ${args.dataDir}`);
  const { dataset: regional, issues } = await loadRegionDataset(nodeReader(args.dataDir));
  for (const issue of issues) log(`warning: ${describeIssue(issue)}`);
  const dataset = args.national ? nationalDataset(regional) : regional;
  const source = `${args.scenario ?? 'dataset'}${issues.length > 0 ? ' (see the data warnings above)' : ''}`;
  const { inputs } = await scenarioModelInputs(scenario, dataset, source);

  const central = runDeterministic(inputs);
  let summary;
  if (args.draws > 0) {
    let logged = 0;
    const run = runSummary(
      inputs,
      {
        seed: args.seed,
        drawCount: args.draws,
        spread: args.spread,
        outputs: ['nqtNeed', 'traineeNeed'],
      },
      (done) => {
        if (done === args.draws || done - logged >= args.draws / 4) {
          logged = done;
          log(`draws: ${done} of ${args.draws}`);
        }
      },
    );
    summary = run.ranges;
  }
  const rows = forecastToRows(inputs, central, {
    geographicLevel: args.national ? 'National' : 'Local authority district',
    summary,
    drivers: decomposeDrivers(inputs, central),
  });
  const out = resolve(args.out);
  const metaOut = out.replace(/\.csv$/, '.meta.csv');
  writeFileSync(out, csvFormat(rows, forecastColumns()) + '\n');
  writeFileSync(metaOut, csvFormat(forecastMetaRows(), FORECAST_META_COLUMNS) + '\n');
  return { rows: rows.length, out, metaOut, seconds: (performance.now() - started) / 1000 };
}

async function main() {
  try {
    const args = parseForecastArgs(process.argv.slice(2));
    const result = await runForecast(args, (line) => console.error(line));
    console.log(
      `Wrote ${result.rows} rows to ${result.out} (and ${result.metaOut}) in ${result.seconds.toFixed(2)} s ` +
        `(${args.national ? 'England' : 'region'}, ${args.draws} draws, seed ${args.seed}).`,
    );
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`forecast: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
