/**
 * `npm run bench`: runs every benchmark and prints its table. Performance goals are checked
 * here by a person reading the output, never in timed unit tests.
 */
import { CliError, parseOptions, runCli, type CliCommand } from '../src/cli/cli.ts';

const suites: { name: string; module: string; run: string }[] = [
  { name: 'Supply model (Monte Carlo)', module: './model.bench.ts', run: 'runModelBenchmarks' },
  {
    name: 'ITT place allocation (LP / MILP)',
    module: './allocation.bench.ts',
    run: 'runAllocationBenchmarks',
  },
  {
    name: 'Allocation re-solve after an edit',
    module: './resolve.bench.ts',
    run: 'runResolveBenchmarks',
  },
  { name: 'CLI start-up', module: './cli.bench.ts', run: 'runCliBenchmarks' },
  {
    name: 'Browser: page loads and controls',
    module: './browser.bench.ts',
    run: 'runBrowserBenchmarks',
  },
];

const COMMAND = {
  name: 'bench',
  run: 'npm run bench --',
  summary: 'Runs the benchmarks and prints their tables (performance goals are read here).',
  options: {},
  positionals: {
    name: 'suite',
    help: `run only the suites whose name contains this (${suites.map((s) => s.name).join('; ')})`,
  },
} as const satisfies CliCommand;

await runCli(COMMAND, async (argv) => {
  const { positionals } = parseOptions(COMMAND, argv);
  const only = positionals.join(' ').toLowerCase();
  const chosen = suites.filter((suite) => suite.name.toLowerCase().includes(only));
  if (chosen.length === 0) throw new CliError(`no benchmark suite matches "${only}" (see --help)`);
  for (const suite of chosen) {
    console.log(`\n## ${suite.name}\n`);
    const module = (await import(suite.module)) as Record<string, () => Promise<string>>;
    const run = module[suite.run];
    if (!run) throw new Error(`${suite.module} does not export ${suite.run}`);
    console.log(await run());
  }
});
