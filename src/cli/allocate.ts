/**
 * ITT place allocation for the region as tidy EES CSV with .meta.csv files.
 *
 *   npm run allocate -- --scenario scenarios/baseline.json --out allocation.csv --lp model.lp
 *
 * The options are in ALLOCATE_COMMAND (`--help`). Writes allocation.csv (partnership x subject
 * x entry year), allocation.districts.csv (need, supply, unmet need and surplus by district x
 * subject x NQT year), their .meta.csv files, and with --lp the MILP in CPLEX LP format, to
 * check with any other solver. Prints the objective, the solve time, binding rules, marginal
 * values and, when no plan meets every rule, the rules that clash.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import loadHighs from 'highs';
import { allocate } from '../allocation/allocate.ts';
import { buildAllocationModel } from '../allocation/build.ts';
import { allocationTable, districtOutcomeTable, needFromForecastCsv } from '../allocation/csv.ts';
import { conversionRatesFrom, problemFromDataset } from '../allocation/from-dataset.ts';
import { needRecordsFromCells } from '../allocation/need-from-model.ts';
import type { AllocationProblem, NeedRecord } from '../allocation/problem.ts';
import { parseProblem } from '../allocation/problem-schema.ts';
import {
  consecutiveYears,
  cycleOpeningDate,
  parseAcademicYear,
  planningEntryYears,
  type AcademicYear,
} from '../data/academic-year.ts';
import { fixedClock, systemClock, type Clock } from '../data/clock.ts';
import { formatEesCsv, formatEesMeta } from '../data/ees.ts';
import { describeIssue } from '../data/issues.ts';
import { parseJsonInput } from '../data/json-input.ts';
import { loadRegionDataset } from '../data/load.ts';
import { DEFAULT_DATA_DIR, nodeReader } from '../data/node-reader.ts';
import {
  MAX_COLD_SPOT_PRIORITY,
  coldSpotWeights,
  type ColdSpotSpec,
} from '../indicators/cold-spot-index.ts';
import {
  DEFAULT_COLD_SPOT_THRESHOLD,
  defaultDistrictColdSpotSpec,
} from '../indicators/default-spec.ts';
import {
  ModelInputError,
  baseYearOf,
  entryYearsProblem,
  planningDateProblem,
  runDeterministic,
} from '../model/index.ts';
import { createHighsEngine } from '../solver/highs-engine.ts';
import { toCplexLp } from '../solver/lp-format.ts';
import {
  CliError,
  EXIT_CODES,
  checkOutputs,
  isEntryPoint,
  numberOption,
  metaPathOf,
  outputOption,
  parseOptions,
  readOptionFile,
  runCli,
  type CliCommand,
} from './cli.ts';
import { DEFAULT_SCENARIO, readScenarioFile, scenarioModelInputs } from './scenario-file.ts';

export const ALLOCATE_COMMAND = {
  name: 'allocate',
  run: 'npm run allocate --',
  summary:
    'Allocates ITT places to the partnerships (LP, then whole places with minimum cohorts) with HiGHS, and writes the allocation and the district outcomes as tidy EES CSV.',
  options: {
    scenario: {
      type: 'string',
      value: 'file.json',
      help: 'scenario file (default: every lever at its default)',
    },
    need: {
      type: 'string',
      value: 'forecast.csv',
      help: 'NQT need from `npm run forecast` instead of running the model',
    },
    problem: {
      type: 'string',
      value: 'problem.json',
      help: 'a ready-made allocation problem (JSON) instead of the dataset',
    },
    out: {
      type: 'string',
      value: 'file.csv',
      help: 'where to write the allocation (default allocation.csv)',
    },
    lp: { type: 'string', value: 'model.lp', help: 'also write the model in CPLEX LP format' },
    today: {
      type: 'string',
      value: 'YYYY-MM-DD',
      help: 'plan from this date (default: today): the entry years are the recruitment cycle open that day and the ones after it',
    },
    'first-entry-year': {
      type: 'string',
      value: 'year',
      help: 'first of --years consecutive entry years, e.g. 2027/28 (default: the cycle open on --today)',
    },
    years: { type: 'string', value: 'n', help: 'number of entry years (default 3)' },
    'time-limit': {
      type: 'string',
      value: 'seconds',
      help: 'for the whole solve, LP and MILP (default 20)',
    },
    gap: {
      type: 'string',
      value: 'x',
      help: 'stop once the plan is provably within this share of the best possible (default 0.001; the page uses 0.01 while you edit)',
    },
    'node-limit': {
      type: 'string',
      value: 'n',
      help: 'stop the whole-place search after n branch-and-bound nodes, the same on every machine (exit code 3 if it stops short of the gap)',
    },
    continuous: { type: 'boolean', help: 'LP only: fractional places, no minimum cohorts' },
    'cold-spot': {
      type: 'string',
      value: 'id,id',
      help: 'district indicators for cold-spot weights (default: IMD 2015 district score and KS4 Attainment 8, as the Maps and Allocation pages)',
    },
    priority: {
      type: 'string',
      value: 'x',
      help: `strength of the cold-spot priority, 0 to ${MAX_COLD_SPOT_PRIORITY} (default 1)`,
    },
    data: {
      type: 'string',
      value: 'folder',
      help: 'dataset folder (default: the repository data/)',
    },
  },
} as const satisfies CliCommand;

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
  nodeLimit: number | null;
  continuous: boolean;
  coldSpot: string[];
  priority: number;
  dataDir: string;
}

export function parseAllocateArgs(argv: string[]): AllocateArgs {
  const { values } = parseOptions(ALLOCATE_COMMAND, argv);
  return {
    scenario: values.scenario ?? null,
    need: values.need ?? null,
    problem: values.problem ?? null,
    out: outputOption('out', values.out, 'allocation.csv'),
    lp: values.lp === undefined ? null : outputOption('lp', values.lp, 'model.lp'),
    firstEntryYear: academicYearArg('first-entry-year', values['first-entry-year']),
    today: todayArg(values.today),
    years: numberOption('years', values.years, 3, { above: 0, integer: true }),
    timeLimit: numberOption('time-limit', values['time-limit'], 20, { above: 0 }),
    gap: numberOption('gap', values.gap, 1e-3, { above: 0, below: 1 }),
    nodeLimit:
      values['node-limit'] === undefined
        ? null
        : numberOption('node-limit', values['node-limit'], 0, { min: 0, integer: true }),
    continuous: values.continuous ?? false,
    coldSpot: values['cold-spot']
      ? values['cold-spot']
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
    priority: numberOption('priority', values.priority, 1, { min: 0, max: MAX_COLD_SPOT_PRIORITY }),
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

/**
 * The first entry year to plan: --first-entry-year, else the recruitment cycle open on --today
 * (as the app plans); bad input when the years fall outside what the data can plan.
 */
function firstEntryYearOf(args: AllocateArgs, baseYear: AcademicYear): AcademicYear {
  if (args.firstEntryYear === null) {
    const dateProblem = planningDateProblem(baseYear, args.today());
    if (dateProblem) throw new CliError(`--today: ${dateProblem}`);
  }
  const first = args.firstEntryYear ?? planningEntryYears(args.today())[0]!;
  const problem = entryYearsProblem(baseYear, first, args.years);
  if (problem) {
    const flag = problem.field === 'years' ? 'years' : 'first-entry-year';
    throw new CliError(`--${flag}: ${problem.message}`);
  }
  return first;
}

function todayArg(text: string | undefined): Clock {
  if (text === undefined) return systemClock;
  try {
    return fixedClock(text);
  } catch (error) {
    throw new CliError(`--today: ${(error as Error).message}`);
  }
}

/** The national synthetic instance is a few MB; anything far beyond is not a problem file. */
const MAX_PROBLEM_BYTES = 50 * 1024 * 1024;

function readProblemFile(path: string): unknown {
  const json = parseJsonInput(readOptionFile('problem', path), {
    maxBytes: MAX_PROBLEM_BYTES,
    what: 'problem file',
  });
  if (!json.ok) throw new CliError(`--problem: ${path} ${json.reason}`);
  const value = json.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError(`--problem: ${path} does not hold an allocation problem (a JSON object)`);
  }
  return value;
}

/** The allocation problem the arguments describe (also the benchmark's embedded-data instance). */
export async function buildProblem(args: AllocateArgs): Promise<AllocationProblem> {
  if (args.problem) {
    const parsed = parseProblem(readProblemFile(args.problem));
    if (!parsed.ok) {
      throw new CliError(
        parsed.issues.map((i) => `${args.problem}: ${i.field}: ${i.message}`).join('\n'),
      );
    }
    return parsed.problem;
  }
  if (!existsSync(args.dataDir)) throw new CliError(`--data: folder not found: ${args.dataDir}`);
  // Any bad cell in any file stops the run: an allocation is not made from a dataset that
  // lost a file (the plans, caps or footprints among them).
  const { dataset, issues } = await loadRegionDataset(nodeReader(args.dataDir));
  if (issues.length > 0) throw new CliError(issues.map(describeIssue).join('\n'));
  const scenario = args.scenario ? await readScenarioFile(args.scenario) : DEFAULT_SCENARIO;
  const first = firstEntryYearOf(args, baseYearOf(dataset));
  // The forecast is made as on the day the first entry year's cycle opens (today by default).
  const planDate = args.firstEntryYear ? cycleOpeningDate(args.firstEntryYear) : args.today();
  const { parameters, inputs } = await scenarioModelInputs(
    scenario,
    dataset,
    args.scenario ?? 'dataset',
    planDate,
  );
  let need: NeedRecord[];
  if (args.need) {
    const parsed = needFromForecastCsv(readOptionFile('need', args.need), args.need);
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

/** The district outcomes written beside the allocation: allocation.csv -> allocation.districts.csv. */
const districtsPathOf = (out: string) => out.replace(/\.csv$/, '.districts.csv');

export interface AllocateSummary {
  status: string;
  written: string[];
}

export async function runAllocate(
  args: AllocateArgs,
  log: (line: string) => void,
): Promise<AllocateSummary> {
  const districtsOut = districtsPathOf(args.out);
  checkOutputs(
    [
      {
        flag: 'out',
        writes: [args.out, metaPathOf(args.out), districtsOut, metaPathOf(districtsOut)],
      },
      ...(args.lp ? [{ flag: 'lp', writes: [args.lp] }] : []),
    ],
    (['scenario', 'need', 'problem'] as const).flatMap((flag) => {
      const path = args[flag];
      return path ? [{ flag, path }] : [];
    }),
    args.problem ? undefined : args.dataDir,
  );
  const problem = await buildProblem(args);
  const engine = createHighsEngine(await loadHighs());
  const options = {
    wholePlaces: !args.continuous,
    minimumCohorts: !args.continuous,
    timeLimitSeconds: args.timeLimit,
    relativeGap: args.gap,
    nodeLimit: args.nodeLimit,
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
    for (const [path, table] of [
      [out, allocationTable(problem, result.solution)],
      [resolve(districtsOut), districtOutcomeTable(problem, result.solution)],
    ] as const) {
      writeFileSync(path, formatEesCsv(table));
      writeFileSync(metaPathOf(path), formatEesMeta(table));
      written.push(path, metaPathOf(path));
    }
    const size = result.modelSize!;
    log(
      `Objective (weighted unmet need and penalties): ${result.objective!.toFixed(4)}; best bound ${result.gap ? `${result.gap.bound.toFixed(4)} (${result.gap.boundSource})` : 'n/a'}; gap ${result.gap ? `${(result.gap.relative * 100).toFixed(3)}%` : 'n/a'}.`,
    );
    log(
      `Model: ${size.columns} columns, ${size.rows} rows, ${size.integerColumns} integer; solve time ${(result.timing.lpSeconds + result.timing.milpSeconds).toFixed(3)} s (LP ${result.timing.lpSeconds.toFixed(3)} s, MILP ${result.timing.milpSeconds.toFixed(3)} s), total ${result.timing.totalSeconds.toFixed(3)} s.`,
    );
    log(`Binding rules: ${result.binding.length}.`);
    if (result.changes) {
      log(result.changes.summary);
      const first = problem.entryYears[0];
      for (const change of result.changes.partnerships.filter((c) => c.entryYear === first)) {
        log(`- ${change.text}`);
      }
    }
    log('What one more place would be worth:');
    for (const value of result.marginalValues.slice(0, 5)) log(`- ${value.text}`);
  }
  return { status: result.status, written };
}

if (isEntryPoint(import.meta.url)) {
  await runCli(ALLOCATE_COMMAND, async (argv) => {
    const summary = await runAllocate(parseAllocateArgs(argv), (line) => console.log(line));
    if (summary.written.length > 0) console.log(`Wrote ${summary.written.join(', ')}.`);
    if (summary.status === 'infeasible') return EXIT_CODES.infeasible;
    // A plan stopped by the time limit is written but not proven within the gap asked for.
    if (['failed', 'time-limit', 'fractional'].includes(summary.status)) return EXIT_CODES.failed;
  });
}
