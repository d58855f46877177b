/**
 * CLI start-up: wall time of each command-line tool as `npm run <name>` runs it (the command
 * in package.json, without npm's own start-up), asked for its usage (`--help`) and given a
 * small real job on the embedded data. Goal: under 1 s to start.
 *
 *   npx tsx bench/cli.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

const REPEATS = 3;
const ROOT = resolve(import.meta.dirname, '..');

/** The small real job of each CLI; `out` is a scratch folder. */
const JOBS: { script: string; args: (out: string) => string[] }[] = [
  { script: 'forecast', args: (out) => ['--draws', '50', '--out', join(out, 'forecast.csv')] },
  { script: 'allocate', args: (out) => ['--out', join(out, 'allocation.csv')] },
  {
    script: 'redistribute',
    args: (out) => [
      '--allocation',
      'data/illustrative_allocation_202526.csv',
      '--returns',
      'data/illustrative_recruitment_returns_202526.csv',
      '--out',
      join(out, 'proposals.csv'),
    ],
  },
  { script: 'data:check', args: () => [] },
];

const scripts = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

/** Median wall time (ms) and the exit code of the last run of `npm run script -- args`. */
function time(script: string, args: string[]): { ms: number; status: number | null } {
  const command = scripts[script];
  if (!command) throw new Error(`package.json has no script ${script}`);
  const quoted = args.map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  const env = {
    ...process.env,
    PATH: `${join(ROOT, 'node_modules/.bin')}${delimiter}${process.env.PATH}`,
  };
  const times: number[] = [];
  let status: number | null = null;
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    const run = spawnSync('sh', ['-c', `${command} ${quoted}`], {
      cwd: ROOT,
      env,
      stdio: 'ignore',
    });
    times.push(performance.now() - start);
    status = run.status;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, status };
}

export async function runCliBenchmarks(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'tsp-cli-bench-'));
  const lines = [
    `| command | --help ms (median of ${REPEATS}) | small real run ms | run exit code |`,
    '|---|---:|---:|---:|',
  ];
  try {
    for (const job of JOBS) {
      const help = time(job.script, ['--help']);
      const run = time(job.script, job.args(out));
      lines.push(
        `| npm run ${job.script} | ${help.ms.toFixed(0)} | ${run.ms.toFixed(0)} | ${run.status} |`,
      );
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  lines.push('', 'Goal: a CLI starts (--help) in under 1,000 ms.');
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await runCliBenchmarks());
