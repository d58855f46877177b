/**
 * Deterministic run, seeded Monte Carlo draws and their P10/P50/P90 summary.
 *
 * Reproducibility: draw i takes its random numbers from its own generator, seeded from
 * (seed, i) only, and always consumes them in the same order. So any split of the draws
 * (workers, chunks) gives the same numbers, and a draw with spread 0 equals the deterministic
 * run exactly (every factor becomes its deterministic value: x * 1, e + 0, ...).
 */
import { randomLcg, randomNormal } from 'd3-random';
import type { ModelInputs } from './inputs.ts';
import { ModelInputError } from './errors.ts';
import {
  OUTPUT_NAMES,
  baseValues,
  deterministicFactors,
  simulate,
  type BaseValues,
  type Factors,
  type OutputName,
} from './simulate.ts';

export type Outputs = Record<OutputName, Float64Array>;

export interface DeterministicResult {
  base: BaseValues;
  /** One array per output, cellCount long, indexed by cellIndex. */
  outputs: Outputs;
}

export function runDeterministic(inputs: ModelInputs): DeterministicResult {
  const outputs = {} as Outputs;
  for (const name of OUTPUT_NAMES) outputs[name] = new Float64Array(inputs.cellCount);
  simulate(
    inputs,
    deterministicFactors(inputs),
    OUTPUT_NAMES.map((name) => outputs[name]),
    0,
  );
  return { base: baseValues(inputs), outputs };
}

export interface DrawOptions {
  seed: number;
  firstDraw: number;
  drawCount: number;
  /** Multiplies every standard deviation; 0 = deterministic. Default 1. */
  spread?: number;
  /** Outputs to keep; default all. Each costs drawCount x cellCount x 8 bytes. */
  outputs?: readonly OutputName[];
  /**
   * Size the output arrays for this many draws (default and minimum drawCount), the rest left
   * empty. The pool asks the worker with the first range for room for every draw, so the
   * merge copies only the later ranges into it instead of copying all of them into new arrays.
   */
  capacityDraws?: number;
}

/**
 * Draws firstDraw .. firstDraw + drawCount - 1; arrays laid out draw-major:
 * [d * cellCount + cell]. They hold drawCount draws, followed by empty room when the run was
 * asked for more capacity (capacityDraws).
 */
export interface DrawResult {
  seed: number;
  firstDraw: number;
  drawCount: number;
  cellCount: number;
  outputs: Partial<Outputs>;
}

/** 32-bit seed of draw i: a splitmix-style hash of (seed, i), so neighbouring draws are unrelated. */
export function drawSeed(seed: number, drawIndex: number): number {
  let h = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(drawIndex | 0, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

function checkDrawOptions(options: DrawOptions) {
  const { seed, firstDraw, drawCount, spread = 1, capacityDraws = drawCount } = options;
  if (!Number.isInteger(seed))
    throw new ModelInputError('seed', `must be a whole number (got ${seed})`);
  if (!Number.isInteger(firstDraw) || firstDraw < 0) {
    throw new ModelInputError('firstDraw', `must be a whole number >= 0 (got ${firstDraw})`);
  }
  if (!Number.isInteger(drawCount) || drawCount < 0) {
    throw new ModelInputError('drawCount', `must be a whole number >= 0 (got ${drawCount})`);
  }
  if (!Number.isFinite(spread) || spread < 0) {
    throw new ModelInputError('spread', `must be a number >= 0 (got ${spread})`);
  }
  if (!Number.isInteger(capacityDraws) || capacityDraws < 0) {
    throw new ModelInputError(
      'capacityDraws',
      `must be a whole number >= 0 (got ${capacityDraws})`,
    );
  }
}

/**
 * Fills `factors` for draw `drawIndex`. Order of consumption (fixed): per group leaver,
 * returner, completion, employment; per phase elasticity; per district and phase pupil error.
 */
export function fillDrawFactors(
  inputs: ModelInputs,
  seed: number,
  drawIndex: number,
  spread: number,
  factors: Factors,
): void {
  const normal = randomNormal.source(randomLcg(drawSeed(seed, drawIndex)))(0, 1);
  const u = inputs.uncertainty;
  for (let g = 0; g < inputs.groupCount; g++) {
    const ph = inputs.groupPhase[g]!;
    factors.leaverMultiplier[g] = Math.max(0, 1 + spread * u.leaverRateRelativeSd[ph]! * normal());
    factors.returnerMultiplier[g] = Math.max(0, 1 + spread * u.returnerRelativeSd[ph]! * normal());
    factors.completionRate[g] = clamp(
      inputs.completionRate[g]! + spread * u.completionRateSd * normal(),
      0.01,
      1,
    );
    factors.employmentRate[g] = clamp(
      inputs.employmentRate[g]! + spread * u.employmentRateSd * normal(),
      0.01,
      1,
    );
  }
  for (let ph = 0; ph < 2; ph++) {
    factors.elasticity[ph] = Math.max(
      0,
      inputs.elasticity[ph]! + spread * u.elasticitySd[ph]! * normal(),
    );
  }
  const Y = inputs.yearCount;
  for (let areaPhase = 0; areaPhase < inputs.districtCount * 2; areaPhase++) {
    // One error per district and phase that grows with the horizon: projections tend to be
    // wrong in the same direction year after year.
    const errorPerYear = spread * u.pupilProjectionErrorSdPerYear * normal();
    for (let t = 0; t < Y; t++) {
      const i = areaPhase * Y + t;
      factors.pupils[i] = inputs.pupils[i]! * Math.max(0.01, 1 + errorPerYear * (t + 1));
    }
  }
}

function clamp(value: number, low: number, high: number) {
  return value < low ? low : value > high ? high : value;
}

/**
 * Runs draws firstDraw .. firstDraw + drawCount - 1. A pure function of (inputs, options):
 * the pool calls it in workers on disjoint ranges, tests call it directly.
 */
export function runDraws(
  inputs: ModelInputs,
  options: DrawOptions,
  onProgress?: (drawsDone: number) => void,
): DrawResult {
  checkDrawOptions(options);
  const { seed, firstDraw, drawCount, spread = 1 } = options;
  const names = options.outputs ?? OUTPUT_NAMES;
  const capacity = Math.max(drawCount, options.capacityDraws ?? 0);
  const outputs: Partial<Outputs> = {};
  for (const name of names) outputs[name] = new Float64Array(capacity * inputs.cellCount);
  const sink = OUTPUT_NAMES.map((name) => outputs[name] ?? null);
  const factors = deterministicFactors(inputs);
  const progressEvery = Math.max(1, Math.floor(drawCount / 20));
  for (let d = 0; d < drawCount; d++) {
    fillDrawFactors(inputs, seed, firstDraw + d, spread, factors);
    simulate(inputs, factors, sink, d * inputs.cellCount);
    if (onProgress && ((d + 1) % progressEvery === 0 || d + 1 === drawCount)) onProgress(d + 1);
  }
  return { seed, firstDraw, drawCount, cellCount: inputs.cellCount, outputs };
}

/**
 * Joins draw chunks (any order) into one result; they must tile a contiguous range of draws.
 * When the first chunk's arrays already have room for every draw (capacityDraws), the later
 * chunks are copied into that room and those arrays become the result: filling ~100 MB of
 * new memory costs more than the draws themselves save on two cores.
 */
export function mergeDrawChunks(chunks: readonly DrawResult[]): DrawResult {
  return mergeChunks(chunks, new Set());
}

/**
 * Merges draw chunks as they arrive, for a pool. The chunk that starts the range, run with
 * room for all its draws (capacityDraws), becomes the result's arrays, and every other chunk
 * is copied into them as soon as both are here: the copying overlaps the draws still running
 * instead of following them.
 */
export class DrawChunkMerge {
  private readonly chunks: DrawResult[] = [];
  private readonly copied = new Set<DrawResult>();
  private host: DrawResult | null = null;

  constructor(
    private readonly firstDraw: number,
    private readonly drawCount: number,
  ) {}

  add(chunk: DrawResult): void {
    this.chunks.push(chunk);
    const roomForAll = this.drawCount * chunk.cellCount;
    if (
      !this.host &&
      chunk.firstDraw === this.firstDraw &&
      Object.values(chunk.outputs).every((values) => values!.length === roomForAll)
    ) {
      this.host = chunk;
      this.copied.add(chunk);
    }
    const host = this.host;
    if (!host) return;
    for (const waiting of this.chunks) {
      if (this.copied.has(waiting)) continue;
      // A chunk that does not fit is left for result() to reject.
      if (waiting.cellCount !== host.cellCount || waiting.seed !== host.seed) continue;
      if (waiting.firstDraw + waiting.drawCount > this.firstDraw + this.drawCount) continue;
      copyChunk(host.outputs, host.firstDraw, waiting);
      this.copied.add(waiting);
    }
  }

  /** The merged draws, once every chunk is in; throws if they do not tile the range. */
  result(): DrawResult {
    return mergeChunks(this.chunks, this.copied);
  }
}

/** Copies a chunk's draws to their place in arrays that hold draws from `firstDraw` on. */
function copyChunk(into: Partial<Outputs>, firstDraw: number, chunk: DrawResult): void {
  for (const name of Object.keys(into) as OutputName[]) {
    const part = chunk.outputs[name];
    if (!part) throw new ModelInputError('chunks', `a chunk lacks output ${name}`);
    into[name]!.set(
      part.subarray(0, chunk.drawCount * chunk.cellCount),
      (chunk.firstDraw - firstDraw) * chunk.cellCount,
    );
  }
}

/** mergeDrawChunks, skipping chunks already copied into the first chunk's room. */
function mergeChunks(chunks: readonly DrawResult[], copied: ReadonlySet<DrawResult>): DrawResult {
  if (chunks.length === 0) throw new ModelInputError('chunks', 'there are no draw chunks to merge');
  const sorted = [...chunks].sort((a, b) => a.firstDraw - b.firstDraw);
  const first = sorted[0]!;
  const cellCount = first.cellCount;
  let expectedFirst = first.firstDraw;
  for (const chunk of sorted) {
    if (
      chunk.firstDraw !== expectedFirst ||
      chunk.cellCount !== cellCount ||
      chunk.seed !== first.seed
    ) {
      throw new ModelInputError(
        'chunks',
        `draw chunks do not tile: expected a chunk from draw ${expectedFirst}`,
      );
    }
    expectedFirst += chunk.drawCount;
  }
  const drawCount = expectedFirst - first.firstDraw;
  const names = Object.keys(first.outputs) as OutputName[];
  const inPlace = names.every((name) => first.outputs[name]!.length === drawCount * cellCount);
  const outputs: Partial<Outputs> = {};
  for (const name of names) {
    outputs[name] = inPlace ? first.outputs[name]! : new Float64Array(drawCount * cellCount);
  }
  for (const chunk of sorted) {
    if (inPlace && (chunk === first || copied.has(chunk))) continue;
    copyChunk(outputs, first.firstDraw, chunk);
  }
  return { seed: first.seed, firstDraw: first.firstDraw, drawCount, cellCount, outputs };
}

export interface Percentiles {
  p10: Float64Array;
  p50: Float64Array;
  p90: Float64Array;
}

export type DrawSummary = Partial<Record<OutputName, Percentiles>>;

/** Quantile of sorted values by linear interpolation between order statistics (R type 7, as d3.quantile). */
function sortedQuantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const lowValue = sorted[low]!;
  if (low + 1 >= sorted.length) return lowValue;
  return lowValue + (sorted[low + 1]! - lowValue) * (position - low);
}

/** P10/P50/P90 of every recorded output and cell across the draws. */
export function summariseDraws(draws: DrawResult): DrawSummary {
  const { drawCount, cellCount } = draws;
  if (drawCount === 0) throw new ModelInputError('drawCount', 'cannot summarise zero draws');
  const scratch = new Float64Array(drawCount);
  const summary: DrawSummary = {};
  for (const name of Object.keys(draws.outputs) as OutputName[]) {
    const values = draws.outputs[name]!;
    const p10 = new Float64Array(cellCount);
    const p50 = new Float64Array(cellCount);
    const p90 = new Float64Array(cellCount);
    for (let cell = 0; cell < cellCount; cell++) {
      for (let d = 0; d < drawCount; d++) scratch[d] = values[d * cellCount + cell]!;
      scratch.sort();
      p10[cell] = sortedQuantile(scratch, 0.1);
      p50[cell] = sortedQuantile(scratch, 0.5);
      p90[cell] = sortedQuantile(scratch, 0.9);
    }
    summary[name] = { p10, p50, p90 };
  }
  return summary;
}
