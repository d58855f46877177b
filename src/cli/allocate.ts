/**
 * ITT place allocation for the region as tidy EES CSV with .meta.csv files.
 *
 *   npm run allocate -- --scenario scenarios/baseline.json --out allocation.csv --lp model.lp
 *     [--need forecast.csv]     NQT need from `npm run forecast` instead of running the model
 *     [--problem problem.json]  a ready-made AllocationProblem (JSON) instead of the dataset
 *     [--today 2026-12-03]      plan from this date (default: today): the entry years are the
 *                               recruitment cycle open that day and the ones after it
 *     [--first-entry-year 2027/28] first of --years consecutive entry years instead
 *     [--years 3]
 *     [--time-limit 20]         seconds for the whole solve (LP + MILP)
 *     [--gap 0.001]             relative MIP gap
 *     [--continuous]            LP only: fractional places, no minimum cohorts
 *     [--cold-spot id,id]       district indicators for cold-spot weights [--priority 1]
 *                               (default: IMD 2015 district score and KS4 Attainment 8,
 *                               as the Maps and Allocation pages)
 *     [--data data]             folder of the dataset (default: the repository's data/)
 *
 * Writes allocation.csv (partnership x subject x entry year), allocation.districts.csv (need,
 * supply, unmet need and surplus by district x subject x NQT year), their .meta.csv files,
 * and with --lp the MILP in CPLEX LP format, to check with any other solver. Prints the
 * objective, the solve time, binding rules, marginal values and, when no plan meets every
 * rule, the rules that clash. Exit code 1 when infeasible, 2 on bad input.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import loadHighs from 'highs';
import { allocate } from '../allocation/allocate.ts';
import { buildAllocationModel } from '../allocation/build.ts';
import { allocationTable, districtOutcomeTable, needFromForecastCsv } from '../allocation/csv.ts';
import { conversionRatesFrom, problemFromDataset } from '../allocation/from-dataset.ts';
import { needRecordsFromCells } from '../allocation/need-from-model.ts';
import type { AllocationProblem, NeedRecord } from '../allocation/problem.ts';
import {
  consecutiveYears,
  parseAcademicYear,
  planningEntryYears,
  type AcademicYear,
} from '../data/academic-year.ts';
import { fixedClock, systemClock, type Clock } from '../data/clock.ts';
import { formatEesCsv, formatEesMeta } from '../data/ees.ts';
import { describeIssue } from '../data/issues.ts';
import { loadRegionDataset } from '../data/load.ts';
import { DEFAULT_DATA_DIR, nodeReader } from '../data/node-reader.ts';
import { coldSpotWeights, type ColdSpotSpec } from '../indicators/cold-spot-index.ts';
import {
  DEFAULT_COLD_SPOT_THRESHOLD,
  defaultDistrictColdSpotSpec,
} from '../indicators/default-spec.ts';
import { ModelInputError, runDeterministic } from '../model/index.ts';
import { createHighsEngine } from '../solver/highs-engine.ts';
import { toCplexLp } from '../solver/lp-format.ts';

import {
  CliError,
  DEFAULT_SCENARIO,
  readScenarioFile,
  scenarioModelInputs,
} from './scenario-file.ts';

export { CliError };

export interface AllocateArgs {
  scenario: string | null;
  need: string | null;
  problem: string | null;
  out: string;
  lp: string | null;
  firstEntryYear: AcademicYear | null;
  today: Clock;
  years: number;
  timeLimit: number;
  gap: number;
  continuous: boolean;
  coldSpot: string[];
  priority: number;
  dataDir: string;
}

function positive(
  flag: string,
  text: string | undefined,
  fallback: number,
  integer: boolean,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new CliError(
      `--${flag}: "${text}" is not a ${integer ? 'whole number' : 'number'} above 0`,
    );
  }
  return value;
}

export function parseAllocateArgs(argv: string[]): AllocateArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        scenario: { type: 'string' },
        need: { type: 'string' },
        problem: { type: 'string' },
        out: { type: 'string' },
        lp: { type: 'string' },
        'first-entry-year': { type: 'string' },
        today: { type: 'string' },
        years: { type: 'string' },
        'time-limit': { type: 'string' },
        gap: { type: 'string' },
        continuous: { type: 'boolean' },
        'cold-spot': { type: 'string' },
        priority: { type: 'string' },
        data: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const out = values.out ?? 'allocation.csv';
  if (!out.endsWith('.csv')) throw new CliError(`--out: "${out}" must end in .csv`);
  if (values.lp !== undefined && !values.lp.endsWith('.lp'))
    throw new CliError(`--lp: "${values.lp}" must end in .lp`);
  const gap = positive('gap', values.gap, 1e-3, false);
  if (gap >= 1) throw new CliError(`--gap: ${gap} must be below 1 (e.g. 0.001 for 0.1%)`);
  const priority = values.priority === undefined ? 1 : Number(values.priority);
  if (!Number.isFinite(priority) || priority < 0)
    throw new CliError(`--priority: "${values.priority}" is not a number of at least 0`);
  return {
    scenario: values.scenario ?? null,
    need: values.need ?? null,
    problem: values.problem ?? null,
    out,
    lp: values.lp ?? null,
    firstEntryYear: academicYearArg('first-entry-year', values['first-entry-year']),
    today: todayArg(values.today),
    years: positive('years', values.years, 3, true),
    timeLimit: positive('time-limit', values['time-limit'], 20, false),
    gap,
    continuous: values.continuous ?? false,
    coldSpot: values['cold-spot']
      ? values['cold-spot']
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
    priority,
    dataDir: values.data ?? DEFAULT_DATA_DIR,
  };
}

function academicYearArg(flag: string, text: string | undefined): AcademicYear | null {
  if (text === undefined) return null;
  const year = parseAcademicYear(text);
  if (year === null)
    throw new CliError(`--${flag}: "${text}" is not an academic year like 2027/28`);
  return year;
}

function todayArg(text: string | undefined): Clock {
  if (text === undefined) return systemClock;
  try {
    return fixedClock(text);
  } catch (error) {
    throw new CliError(`--today: ${(error as Error).message}`);
  }
}

function readJson(path: string, flag: string): unknown {
  if (!existsSync(path)) throw new CliError(`--${flag}: file not found: ${path}`);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

/** The allocation problem the arguments describe (also the benchmark's embedded-data instance). */
export async function buildProblem(
  args: AllocateArgs,
  log: (line: string) => void,
): Promise<AllocationProblem> {
  if (args.problem) return readJson(args.problem, 'problem') as AllocationProblem;
  if (!existsSync(args.dataDir)) throw new CliError(`--data: folder not found: ${args.dataDir}`);
  const { dataset, issues } = await loadRegionDataset(nodeReader(args.dataDir));
  for (const issue of issues) log(`warning: ${describeIssue(issue)}`);
  const scenario = args.scenario ? readScenarioFile(args.scenario) : DEFAULT_SCENARIO;
  const { parameters, inputs } = await scenarioModelInputs(
    scenario,
    dataset,
    args.scenario ?? 'dataset',
  );
  let need: NeedRecord[];
  if (args.need) {
    if (!existsSync(args.need)) throw new CliError(`--need: file not found: ${args.need}`);
    const parsed = needFromForecastCsv(readFileSync(args.need, 'utf8'), args.need);
    if (parsed.issues.length > 0) throw new CliError(parsed.issues.map(describeIssue).join('\n'));
    need = parsed.need;
  } else {
    try {
      ({ need } = needRecordsFromCells(inputs, runDeterministic(inputs).outputs.nqtNeed));
    } catch (error) {
      if (error instanceof ModelInputError) throw new CliError(`supply model: ${error.message}`);
      throw error;
    }
  }
  // Default: the recruitment cycle open today and the ones after it, as the app plans.
  const first = args.firstEntryYear ?? planningEntryYears(args.today())[0]!;
  const districtCodes = dataset.districts.map((d) => d.code);
  // Without --cold-spot, the same default index the Maps and Allocation pages start with.
  const spec: ColdSpotSpec | null =
    args.coldSpot.length > 0
      ? {
          weights: args.coldSpot.map((indicatorId) => ({ indicatorId, weight: 1 })),
          threshold: DEFAULT_COLD_SPOT_THRESHOLD,
        }
      : defaultDistrictColdSpotSpec(dataset.indicators);
  let weights: Record<string, number> | undefined;
  if (spec) {
    try {
      weights = coldSpotWeights(dataset.indicators, spec, districtCodes, args.priority);
    } catch (error) {
      throw new CliError(`--cold-spot: ${(error as Error).message}`);
    }
  }
  return problemFromDataset(dataset, {
    need,
    entryYears: consecutiveYears(first, args.years),
    ...(weights ? { coldSpotWeights: weights } : {}),
    conversionRates: conversionRatesFrom(parameters.completionRate, parameters.employmentRate),
  });
}

export interface AllocateSummary {
  status: string;
  written: string[];
}

export async function runAllocate(
  args: AllocateArgs,
  log: (line: string) => void,
): Promise<AllocateSummary> {
  for (const path of [args.out, args.lp].filter((p): p is string => p !== null)) {
    if (!existsSync(dirname(resolve(path)))) throw new CliError(`folder not found for ${path}`);
  }
  const problem = await buildProblem(args, log);
  const engine = createHighsEngine(await loadHighs());
  const options = {
    wholePlaces: !args.continuous,
    minimumCohorts: !args.continuous,
    timeLimitSeconds: args.timeLimit,
    relativeGap: args.gap,
  };
  const result = allocate(problem, engine, options);
  const written: string[] = [];

  if (args.lp && result.status !== 'invalid-input') {
    const model = buildAllocationModel(problem, options).model;
    const comment = `ITT place allocation, ${problem.regionName}, entry years ${problem.entryYears.join(', ')}\n${result.objective === null ? 'No objective (see the allocation report)' : `Objective of the plan found: ${result.objective}`}`;
    writeFileSync(resolve(args.lp), toCplexLp(model, comment));
    written.push(resolve(args.lp));
  }
  if (result.status === 'invalid-input') {
    throw new CliError(
      result.issues
        .map((issue) => `${args.problem ?? 'allocation input'}: ${issue.field}: ${issue.message}`)
        .join('\n'),
    );
  }
  log(result.message);
  if (result.solution) {
    const out = resolve(args.out);
    const districtsOut = out.replace(/\.csv$/, '.districts.csv');
    for (const [path, table] of [
      [out, allocationTable(problem, result.solution)],
      [districtsOut, districtOutcomeTable(problem, result.solution)],
    ] as const) {
      writeFileSync(path, formatEesCsv(table));
      writeFileSync(path.replace(/\.csv$/, '.meta.csv'), formatEesMeta(table));
      written.push(path, path.replace(/\.csv$/, '.meta.csv'));
    }
    const size = result.modelSize!;
    log(
      `Objective (weighted unmet need and penalties): ${result.objective!.toFixed(4)}; LP bound ${result.lpObjective?.toFixed(4) ?? 'n/a'}; gap ${result.mipGap === null ? 'n/a' : `${(result.mipGap * 100).toFixed(3)}%`}.`,
    );
    log(
      `Model: ${size.columns} columns, ${size.rows} rows, ${size.integerColumns} integer; solve time ${(result.timing.lpSeconds + result.timing.milpSeconds).toFixed(3)} s (LP ${result.timing.lpSeconds.toFixed(3)} s, MILP ${result.timing.milpSeconds.toFixed(3)} s), total ${result.timing.totalSeconds.toFixed(3)} s.`,
    );
    log(`Binding rules: ${result.binding.length}.`);
    for (const value of result.marginalValues.slice(0, 5)) log(`- ${value.text}`);
  }
  return { status: result.status, written };
}

async function main() {
  try {
    const args = parseAllocateArgs(process.argv.slice(2));
    const summary = await runAllocate(args, (line) => console.log(line));
    if (summary.written.length > 0) console.log(`Wrote ${summary.written.join(', ')}.`);
    if (summary.status === 'infeasible') process.exit(1);
    if (summary.status === 'failed') process.exit(3);
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`allocate: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
