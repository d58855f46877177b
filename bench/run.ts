export {};

/**
 * `npm run bench`: runs every benchmark and prints its table. Performance goals are checked
 * here by a person reading the output, never in timed unit tests.
 */
const suites: { name: string; module: string; run: string }[] = [
  { name: 'Supply model (Monte Carlo)', module: './model.bench.ts', run: 'runModelBenchmarks' },
  {
    name: 'ITT place allocation (LP / MILP)',
    module: './allocation.bench.ts',
    run: 'runAllocationBenchmarks',
  },
  { name: 'CLI start-up', module: './cli.bench.ts', run: 'runCliBenchmarks' },
  {
    name: 'Browser: page loads and controls',
    module: './browser.bench.ts',
    run: 'runBrowserBenchmarks',
  },
];

const only = process.argv[2];
for (const suite of suites) {
  if (only && !suite.name.toLowerCase().includes(only.toLowerCase())) continue;
  console.log(`\n## ${suite.name}\n`);
  const module = (await import(suite.module)) as Record<string, () => Promise<string>>;
  const run = module[suite.run];
  if (!run) throw new Error(`${suite.module} does not export ${suite.run}`);
  console.log(await run());
}
