/**
 * Deterministic run, seeded Monte Carlo draws and their P10/P50/P90 summary.
 *
 * Reproducibility: random number k of draw i is a pure function of (seed, i, k) (random.ts),
 * each factor having its own k. So any split of the work (draw ranges, area blocks, workers)
 * gives the same numbers, and a draw with spread 0 equals the deterministic run exactly (every
 * factor becomes its deterministic value: x * 1, e + 0, ...).
 */
import type { ModelInputs } from './inputs.ts';
import { ModelInputError } from './errors.ts';
import { DRAWN_FLOWS } from './parameter-types.ts';
import { drawKey, fillNormals } from './random.ts';
import { emptyPercentiles, writePercentiles, type Percentiles } from './percentiles.ts';
import {
  OUTPUT_NAMES,
  baseValues,
  centralPlan,
  deterministicFactors,
  simulate,
  type BaseValues,
  drawMajor,
  type Factors,
  type OutputName,
} from './simulate.ts';

export type { Percentiles } from './percentiles.ts';

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
    drawMajor(inputs, 0),
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
}

/**
 * Draws firstDraw .. firstDraw + drawCount - 1; arrays laid out draw-major:
 * [d * cellCount + cell].
 */
export interface DrawResult {
  seed: number;
  firstDraw: number;
  drawCount: number;
  cellCount: number;
  outputs: Partial<Outputs>;
}

/** The most draws one run takes (memory grows with draws x cells) and the widest spread. */
export const MAX_DRAWS = 20_000;
export const MAX_SPREAD = 10;

export function checkDrawOptions(options: DrawOptions): void {
  const { seed, firstDraw, drawCount, spread = 1 } = options;
  if (!Number.isInteger(seed))
    throw new ModelInputError('seed', `must be a whole number (got ${seed})`);
  if (!Number.isInteger(firstDraw) || firstDraw < 0) {
    throw new ModelInputError('firstDraw', `must be a whole number >= 0 (got ${firstDraw})`);
  }
  if (!Number.isInteger(drawCount) || drawCount < 0 || drawCount > MAX_DRAWS) {
    throw new ModelInputError(
      'drawCount',
      `must be a whole number from 0 to ${MAX_DRAWS} (got ${drawCount})`,
    );
  }
  if (!Number.isFinite(spread) || spread < 0 || spread > MAX_SPREAD) {
    throw new ModelInputError('spread', `must be a number from 0 to ${MAX_SPREAD} (got ${spread})`);
  }
}

/**
 * Random-number streams of a draw (see random.ts): first one phase-wide shock per drawn flow
 * and phase (PHASE_STREAMS), then six per subject group (its own shock of each drawn flow,
 * completion, employment), then elasticity by phase, then pupils by district and phase.
 */
const PHASE_STREAMS = DRAWN_FLOWS.length * 2;
const FACTORS_PER_GROUP = DRAWN_FLOWS.length + 2;

/** Where the pupil streams start. */
function pupilStreams(inputs: Pick<ModelInputs, 'groupCount'>): number {
  return PHASE_STREAMS + inputs.groupCount * FACTORS_PER_GROUP + 2;
}

/**
 * Fills the factors every district shares (the drawn flows' multipliers, completion and
 * employment rates of each group; elasticity by phase) for the draw with this key. A flow's
 * multiplier is 1 + phase SD x z_phase + subject SD x z_group, z_phase shared by every group
 * of the phase (the common shock); primary is one group, so it has only the phase shock.
 */
export function fillGroupFactors(
  inputs: ModelInputs,
  key: number,
  spread: number,
  factors: Factors,
): void {
  const u = inputs.uncertainty;
  const G = inputs.groupCount;
  const normal = normalsOf(key, 0, pupilStreams(inputs));
  const multipliers = [
    factors.leaverMultiplier,
    factors.returnerMultiplier,
    factors.newToSectorMultiplier,
    factors.pipelineMultiplier,
  ];
  for (let g = 0; g < G; g++) {
    const ph = inputs.groupPhase[g]!;
    const stream = PHASE_STREAMS + g * FACTORS_PER_GROUP;
    for (let f = 0; f < DRAWN_FLOWS.length; f++) {
      const subjectSd = ph === 1 ? u.flowSubjectSd[f]! : 0;
      const shock = u.flowPhaseSd[f]![ph]! * normal[f * 2 + ph]! + subjectSd * normal[stream + f]!;
      multipliers[f]![g] = Math.max(0, 1 + spread * shock);
    }
    factors.completionRate[g] = clamp(
      inputs.completionRate[g]! + spread * u.completionRateSd * normal[stream + 4]!,
      0.01,
      1,
    );
    factors.employmentRate[g] = clamp(
      inputs.employmentRate[g]! + spread * u.employmentRateSd * normal[stream + 5]!,
      0.01,
      1,
    );
  }
  const elasticityStream = PHASE_STREAMS + G * FACTORS_PER_GROUP;
  for (let ph = 0; ph < 2; ph++) {
    factors.elasticity[ph] = Math.max(
      0,
      inputs.elasticity[ph]! + spread * u.elasticitySd[ph]! * normal[elasticityStream + ph]!,
    );
  }
}

/** Fills the pupil numbers, after projection error, of districts districtFrom .. districtTo - 1. */
export function fillPupilFactors(
  inputs: ModelInputs,
  key: number,
  spread: number,
  factors: Factors,
  districtFrom = 0,
  districtTo = inputs.districtCount,
): void {
  const Y = inputs.yearCount;
  const firstStream = pupilStreams(inputs) + districtFrom * 2;
  const normal = normalsOf(key, firstStream, (districtTo - districtFrom) * 2);
  const sd = inputs.uncertainty.pupilProjectionErrorSdPerYear;
  const horizon = inputs.pupilYearsSinceCount;
  for (let areaPhase = districtFrom * 2; areaPhase < districtTo * 2; areaPhase++) {
    // One error per district and phase that grows with the years since the last census count
    // (none for a counted year): projections tend to be wrong in the same direction year after
    // year. areaPhase = a * 2 + phase index.
    const errorPerYear = spread * sd[areaPhase % 2]! * normal[areaPhase - districtFrom * 2]!;
    for (let t = 0; t < Y; t++) {
      const i = areaPhase * Y + t;
      factors.pupils[i] = inputs.pupils[i]! * Math.max(0.01, 1 + errorPerYear * horizon[i]!);
    }
  }
}

/** Scratch for a draw's normals, reused: factors are filled once per draw (and block). */
let normalScratch = new Float64Array(128);

function normalsOf(key: number, firstStream: number, count: number): Float64Array {
  if (normalScratch.length < count) normalScratch = new Float64Array(count);
  fillNormals(key, firstStream, count, normalScratch);
  return normalScratch;
}

/** Fills every factor of draw `drawIndex`: each is a pure function of (seed, drawIndex). */
export function fillDrawFactors(
  inputs: ModelInputs,
  seed: number,
  drawIndex: number,
  spread: number,
  factors: Factors,
): void {
  const key = drawKey(seed, drawIndex);
  fillGroupFactors(inputs, key, spread, factors);
  fillPupilFactors(inputs, key, spread, factors);
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
  const outputs: Partial<Outputs> = {};
  for (const name of names) outputs[name] = new Float64Array(drawCount * inputs.cellCount);
  const sink = OUTPUT_NAMES.map((name) => outputs[name] ?? null);
  const factors = deterministicFactors(inputs);
  factors.plannedEntrants = centralPlan(inputs);
  const progressEvery = Math.max(1, Math.floor(drawCount / 20));
  for (let d = 0; d < drawCount; d++) {
    fillDrawFactors(inputs, seed, firstDraw + d, spread, factors);
    simulate(inputs, factors, sink, drawMajor(inputs, d));
    if (onProgress && ((d + 1) % progressEvery === 0 || d + 1 === drawCount)) onProgress(d + 1);
  }
  return { seed, firstDraw, drawCount, cellCount: inputs.cellCount, outputs };
}

/** Joins draw chunks (any order) into one result; they must tile a contiguous range of draws. */
export function mergeDrawChunks(chunks: readonly DrawResult[]): DrawResult {
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
  const outputs: Partial<Outputs> = {};
  for (const name of Object.keys(first.outputs) as OutputName[]) {
    const merged = new Float64Array(drawCount * cellCount);
    for (const chunk of sorted) {
      const part = chunk.outputs[name];
      if (!part) throw new ModelInputError('chunks', `a chunk lacks output ${name}`);
      merged.set(part, (chunk.firstDraw - first.firstDraw) * cellCount);
    }
    outputs[name] = merged;
  }
  return { seed: first.seed, firstDraw: first.firstDraw, drawCount, cellCount, outputs };
}

export type DrawSummary = Partial<Record<OutputName, Percentiles>>;

/** P10/P50/P90 of every recorded output and cell across the draws. */
export function summariseDraws(draws: DrawResult): DrawSummary {
  const { drawCount, cellCount } = draws;
  if (drawCount === 0) throw new ModelInputError('drawCount', 'cannot summarise zero draws');
  const column = new Float64Array(drawCount);
  const summary: DrawSummary = {};
  for (const name of Object.keys(draws.outputs) as OutputName[]) {
    const values = draws.outputs[name]!;
    const ranges = emptyPercentiles(cellCount);
    for (let cell = 0; cell < cellCount; cell++) {
      for (let d = 0; d < drawCount; d++) column[d] = values[d * cellCount + cell]!;
      writePercentiles(column, ranges, cell);
    }
    summary[name] = ranges;
  }
  return summary;
}
