/**
 * GLPK's command-line solver `glpsol` (Debian package glpk-utils) as an independent check of
 * our optima. It reads the CPLEX LP text that `toCplexLp` writes, so every check also tests
 * that writer (the file `npm run allocate -- --lp` gives people). Node only: it runs a program.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASIS_STATUS, type Basis } from '../src/solver/engine.ts';
import type { LinearModel } from '../src/solver/model.ts';

export const GLPSOL_MISSING = 'glpsol not installed (apt-get install glpk-utils)';

export interface GlpsolOptions {
  method: 'simplex' | 'interior';
  /** glpsol's own limit (--tmlim); the process is killed 30 s after it if still running. */
  timeLimitSeconds: number;
  /**
   * Simplex only: start from this basis of `model` (another solver's final one) instead of
   * GLPK's own crash basis. GLPK still refactorises, recomputes every value and iterates
   * until its own optimality test passes, so the objective it reports is its own; the start
   * only shortens the path (the cold national LP takes GLPK over 10 minutes).
   */
  start?: { model: LinearModel; basis: Basis };
}

export interface GlpsolResult {
  status: 'optimal' | 'infeasible' | 'unbounded' | 'time-limit' | 'error';
  /** Objective at glpsol's answer, offset included; null unless optimal. */
  objective: number | null;
  seconds: number;
  /** glpsol's own words when it did not report an optimum. */
  detail: string;
  /** Simplex iterations glpsol reported last (null for interior point or none printed). */
  iterations: number | null;
}

export function glpsolAvailable(): boolean {
  return spawnSync('glpsol', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** glpsol's verdict lines, most specific first. */
const VERDICTS: [RegExp, GlpsolResult['status']][] = [
  [/(TIME|ITERATIONS?) LIMIT EXCEEDED/, 'time-limit'],
  [/HAS NO (PRIMAL |INTEGER )?FEASIBLE SOLUTION/, 'infeasible'],
  [/HAS UNBOUNDED (PRIMAL )?SOLUTION|HAS NO DUAL FEASIBLE SOLUTION/, 'unbounded'],
  [/OPTIMAL (LP )?SOLUTION FOUND/, 'optimal'],
];

/**
 * Solves CPLEX LP text with glpsol and reads the objective from its solution file (the
 * printed report rounds it to 7 digits; the `-w` file keeps full precision).
 */
export function solveWithGlpsol(lpText: string, options: GlpsolOptions): GlpsolResult {
  const folder = mkdtempSync(join(tmpdir(), 'glpsol-'));
  try {
    const modelPath = join(folder, 'model.lp');
    const solutionPath = join(folder, 'solution.txt');
    writeFileSync(modelPath, lpText);
    const started = performance.now();
    const startArguments: string[] = [];
    if (options.start) {
      const basisPath = join(folder, 'start-basis.txt');
      writeFileSync(
        basisPath,
        glpkBasis(modelPath, folder, options.start.model, options.start.basis),
      );
      startArguments.push('--ini', basisPath);
    }
    const run = spawnSync(
      'glpsol',
      [
        '--lp',
        modelPath,
        options.method === 'interior' ? '--interior' : '--simplex',
        ...startArguments,
        '--tmlim',
        String(Math.max(1, Math.ceil(options.timeLimitSeconds))),
        '-w',
        solutionPath,
      ],
      { encoding: 'utf8', timeout: (options.timeLimitSeconds + 30) * 1000, maxBuffer: 1 << 26 },
    );
    const seconds = (performance.now() - started) / 1000;
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
    const progress = [...output.matchAll(/^[*# ]\s*(\d+): obj =/gm)].at(-1);
    const iterations = progress ? Number(progress[1]) : null;
    if (run.error) {
      return { status: 'error', objective: null, seconds, detail: run.error.message, iterations };
    }
    const verdict = VERDICTS.find(([pattern]) => pattern.test(output));
    if (!verdict) {
      const lastLines = output.trim().split('\n').slice(-2).join(' / ');
      return { status: 'error', objective: null, seconds, detail: lastLines, iterations };
    }
    if (verdict[1] !== 'optimal') {
      const detail = output.match(verdict[0])![0];
      return { status: verdict[1], objective: null, seconds, detail, iterations };
    }
    const objective = readObjective(solutionPath);
    return { status: 'optimal', objective, seconds, detail: '', iterations };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The objective from a solution file in GLPK's own format: its `s` line is
 * `s bas rows cols primal dual objective` (simplex) or `s ipt rows cols status objective`.
 */
function readObjective(solutionPath: string): number {
  const line = readFileSync(solutionPath, 'utf8')
    .split('\n')
    .find((text) => text.startsWith('s '));
  const value = Number(line?.trim().split(/\s+/).at(-1));
  if (!Number.isFinite(value)) throw new Error(`glpsol wrote no objective in ${solutionPath}`);
  return value;
}

/**
 * A basis of `model` in GLPK's solution-file format (what `--ini` reads), numbered as glpsol
 * numbers the rows and columns of our LP text: glpsol itself reports that numbering
 * (`--check --wglp`), so nothing here guesses how its reader orders names. The writer splits a
 * ranged row into `name_lo` and `name_hi` and adds a fixed objective-constant column; each
 * split row keeps one side basic, so the count of basic variables still matches.
 */
function glpkBasis(modelPath: string, folder: string, model: LinearModel, basis: Basis): string {
  const numberingPath = join(folder, 'numbering.glp');
  const check = spawnSync('glpsol', ['--lp', modelPath, '--check', '--wglp', numberingPath], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (check.status !== 0) throw new Error(`glpsol could not read the LP text: ${check.stdout}`);
  const rowNumber = new Map<string, number>();
  const colNumber = new Map<string, number>();
  for (const line of readFileSync(numberingPath, 'utf8').split('\n')) {
    const [tag, kind, index, name] = line.split(' ');
    if (tag !== 'n' || name === undefined) continue;
    if (kind === 'i') rowNumber.set(name, Number(index));
    if (kind === 'j') colNumber.set(name, Number(index));
  }
  const rowStatus = new Array<string>(rowNumber.size + 1).fill('');
  const colStatus = new Array<string>(colNumber.size + 1).fill('s');
  const setRow = (name: string, status: string) => {
    const number = rowNumber.get(name);
    if (number !== undefined) rowStatus[number] = status;
  };
  model.rowNames.forEach((name, row) => {
    const lower = model.rowLower[row]!;
    const upper = model.rowUpper[row]!;
    const status = basis.rowStatus[row]!;
    const basic = status === BASIS_STATUS.basic;
    if (lower === upper) setRow(name, basic ? 'b' : 's');
    else if (Number.isFinite(lower) && Number.isFinite(upper)) {
      setRow(`${name}_lo`, !basic && status === BASIS_STATUS.lower ? 'l' : 'b');
      setRow(`${name}_hi`, !basic && status === BASIS_STATUS.upper ? 'u' : 'b');
    } else if (Number.isFinite(lower)) setRow(name, basic ? 'b' : 'l');
    else if (Number.isFinite(upper)) setRow(name, basic ? 'b' : 'u');
  });
  model.colNames.forEach((name, col) => {
    const number = colNumber.get(name);
    if (number === undefined) return;
    const lower = model.colLower[col]!;
    const upper = model.colUpper[col]!;
    const status = basis.colStatus[col]!;
    let text: string;
    if (status === BASIS_STATUS.basic) text = 'b';
    else if (lower === upper) text = 's';
    else if (status === BASIS_STATUS.upper && Number.isFinite(upper)) text = 'u';
    else if (Number.isFinite(lower)) text = 'l';
    else text = Number.isFinite(upper) ? 'u' : 'f';
    colStatus[number] = text;
  });
  if (rowStatus.slice(1).some((status) => status === '')) {
    throw new Error('the basis does not cover every row of the LP text');
  }
  // Only the statuses matter to --ini; glpsol recomputes every value from them.
  return [
    `s bas ${rowNumber.size} ${colNumber.size} u u 0`,
    ...rowStatus.slice(1).map((status, i) => `i ${i + 1} ${status} 0 0`),
    ...colStatus.slice(1).map((status, j) => `j ${j + 1} ${status} 0 0`),
    'e o f',
    '',
  ].join('\n');
}

/** |a - b| / max(1, |a|, |b|): how far two solvers' objectives are apart. */
export function relativeDifference(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
}
