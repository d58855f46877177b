/**
 * Builds the command-line tools into dist-cli/ when any source is newer than the build, so
 * `npm run forecast` and the others start in plain Node. Run through tsx, each start spent
 * seconds transpiling and resolving hundreds of modules; a bundle starts in a fraction of that.
 *
 * Each tool is one esbuild bundle of its code in src/ (npm packages stay in node_modules), in
 * dist-cli/<tool>/<tool>.mjs: two folders deep, like src/<area>/, so paths the code builds from
 * its own address (src/data/node-reader.ts's `../../data`) still reach the repository's data/.
 * Code loaded on first use (mathjs, through src/scenarios/formula-parser.ts) stays a chunk of
 * its own, so a run without a formula never imports it.
 *
 *   node scripts/build-cli.mjs          (the npm scripts run it first; silent when up to date)
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'dist-cli');

/** npm script name's tool -> its entry point in src/cli. */
export const TOOLS = {
  forecast: 'src/cli/forecast.ts',
  allocate: 'src/cli/allocate.ts',
  redistribute: 'src/cli/redistribute.ts',
  'data-check': 'src/cli/data-check.ts',
  backtest: 'src/cli/backtest.ts',
};

export const bundlePath = (tool) => join(OUT_DIR, tool, `${tool}.mjs`);

/** Newest modification time of the files a bundle is made from. */
function newestSource() {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of ['src', 'scenarios', 'package.json', 'package-lock.json']) {
    visit(join(ROOT, path));
  }
  return Math.max(newest, statSync(fileURLToPath(import.meta.url)).mtimeMs);
}

function upToDate() {
  const built = Object.keys(TOOLS).map((tool) => bundlePath(tool));
  if (!built.every((path) => existsSync(path))) return false;
  const oldest = Math.min(...built.map((path) => statSync(path).mtimeMs));
  return oldest >= newestSource();
}

export async function buildCli() {
  // esbuild is only loaded when there is something to build.
  const { build } = await import('esbuild');
  // Built beside the old bundles and swapped in, so a tool started meanwhile finds a whole build.
  const staging = `${OUT_DIR}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  await Promise.all(
    Object.entries(TOOLS).map(([tool, entry]) =>
      build({
        entryPoints: { [tool]: join(ROOT, entry) },
        outdir: join(staging, tool),
        outExtension: { '.js': '.mjs' },
        bundle: true,
        splitting: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        packages: 'external',
        sourcemap: true,
        logLevel: 'warning',
      }),
    ),
  );
  rmSync(OUT_DIR, { recursive: true, force: true });
  renameSync(staging, OUT_DIR);
  // The bundles sit where src/<area>/ files do, relative to the repository (see above).
  const data = new URL('../../data', pathToFileURL(bundlePath('forecast')));
  if (fileURLToPath(data) !== join(ROOT, 'data')) {
    throw new Error(`dist-cli bundles must be two folders below the repository (${data})`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!upToDate()) await buildCli();
}
