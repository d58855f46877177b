/**
 * A Monte Carlo run reduced where it is computed: P10/P50/P90 per cell, and chosen totals of
 * cells (a selection of districts and subjects, a region) draw by draw. The draws of every cell
 * never leave the worker that made them, so a run of 10,000 draws moves kilobytes between
 * threads, not the ~110 MB of keeping every draw of every cell.
 *
 * The work is cut by area (district x subject group) into blocks that depend only on the
 * inputs and the draw count, never on how many workers there are. A block runs every draw for
 * its areas; the random numbers of draw i are a pure function of (seed, i) (random.ts), so a
 * block gets exactly the numbers a whole-region run gives its areas. Totals are added up block
 * by block in block order, so 1 worker and N workers give identical results, bit for bit.
 */
import type { ModelInputs } from './inputs.ts';
import { ModelInputError } from './errors.ts';
import {
  centralPlan,
  deterministicFactors,
  simulate,
  OUTPUT_NAMES,
  type Factors,
  type OutputName,
} from './simulate.ts';
import {
  checkDrawOptions,
  fillGroupFactors,
  fillPupilFactors,
  type DrawSummary,
  type Outputs,
} from './monte-carlo.ts';
import { drawKey } from './random.ts';
import { columnPercentiles, emptyPercentiles } from './percentiles.ts';

export interface SummaryRequest {
  seed: number;
  drawCount: number;
  /** Multiplies every standard deviation; 0 = deterministic. Default 1. */
  spread?: number;
  outputs: readonly OutputName[];
  /** P10/P50/P90 of every output and cell; default true. */
  cellRanges?: boolean;
  /** Totals to keep draw by draw, each a list of cell indices (see cellIndex) to add up. */
  totals?: readonly (readonly number[])[];
}

export interface RunSummary {
  seed: number;
  drawCount: number;
  cellCount: number;
  /** P10/P50/P90 per output and cell; empty when cellRanges was false. */
  ranges: DrawSummary;
  totalCount: number;
  /** Each total of each draw, per output, total after total: [total * drawCount + d]. */
  totals: Partial<Outputs>;
}

export interface AreaBlock {
  index: number;
  areaFrom: number;
  areaTo: number;
}

/** At least this many blocks (when there are as many areas), so a pool can share them out. */
const MINIMUM_BLOCKS = 16;
/** At most this many values per output in one block's working memory (8 MB). */
const BLOCK_VALUES = 1 << 20;

/** The blocks of a run: contiguous area ranges, as even as possible, fixed by inputs and draws. */
export function areaBlocks(inputs: ModelInputs, drawCount: number): AreaBlock[] {
  const areas = inputs.districtCount * inputs.groupCount;
  const byMemory = Math.ceil((areas * inputs.yearCount * Math.max(1, drawCount)) / BLOCK_VALUES);
  const count = Math.max(1, Math.min(areas, Math.max(MINIMUM_BLOCKS, byMemory)));
  const blocks: AreaBlock[] = [];
  let areaFrom = 0;
  for (let index = 0; index < count; index++) {
    const size = Math.floor(areas / count) + (index < areas % count ? 1 : 0);
    blocks.push({ index, areaFrom, areaTo: areaFrom + size });
    areaFrom += size;
  }
  return blocks;
}

/** One block's share of a run: ranges of its own cells, and its part of each total it touches. */
export interface BlockSummary {
  block: AreaBlock;
  drawCount: number;
  /** P10/P50/P90 of the block's cells, (areaTo - areaFrom) x yearCount long. */
  ranges: DrawSummary;
  /** The totals with a cell in this block. */
  touched: Int32Array;
  /** This block's part of each touched total, per output: [j * drawCount + d]. */
  totals: Partial<Outputs>;
}

/**
 * Memory a worker keeps between blocks and runs: the draws of a block, and the factors every
 * district shares, which are worked out once per run rather than once per block.
 */
export class BlockWorkspace {
  private values: Float64Array[] = [];
  private groupFactors: { key: string; table: Float64Array } | null = null;

  /** A zeroed-or-stale array of `length` for output slot `slot`, reusing earlier memory. */
  valuesFor(slot: number, length: number): Float64Array {
    const held = this.values[slot];
    if (held && held.length >= length) return held.subarray(0, length);
    const fresh = new Float64Array(length);
    this.values[slot] = fresh;
    return fresh;
  }

  /**
   * The group factors (six per group, two elasticities) of every draw of the run, computed on
   * first use: [d * width + i].
   */
  groupFactorTable(inputs: ModelInputs, request: SummaryRequest, spread: number): Float64Array {
    const key = JSON.stringify([
      request.seed,
      request.drawCount,
      spread,
      inputs.groupPhase,
      inputs.completionRate,
      inputs.employmentRate,
      inputs.elasticity,
      inputs.uncertainty,
    ]);
    if (this.groupFactors?.key === key) return this.groupFactors.table;
    const width = groupFactorWidth(inputs);
    const table = new Float64Array(request.drawCount * width);
    const factors = deterministicFactors(inputs);
    for (let d = 0; d < request.drawCount; d++) {
      fillGroupFactors(inputs, drawKey(request.seed, d), spread, factors);
      copyGroupFactors(factors, table, d * width, true);
    }
    this.groupFactors = { key, table };
    return table;
  }
}

function groupFactorWidth(inputs: ModelInputs): number {
  return inputs.groupCount * 6 + 2;
}

/**
 * Copies group factors from a Factors to a table row (toTable) or back. Plain loops: this runs
 * for every draw of every block.
 */
function copyGroupFactors(factors: Factors, table: Float64Array, at: number, toTable: boolean) {
  const parts = [
    factors.leaverMultiplier,
    factors.returnerMultiplier,
    factors.newToSectorMultiplier,
    factors.pipelineMultiplier,
    factors.completionRate,
    factors.employmentRate,
    factors.elasticity,
  ];
  let position = at;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++, position++) {
      if (toTable) table[position] = part[i]!;
      else part[i] = table[position]!;
    }
  }
}

function checkRequest(inputs: ModelInputs, request: SummaryRequest): void {
  checkDrawOptions({ ...request, firstDraw: 0 });
  if (request.drawCount === 0) {
    throw new ModelInputError('drawCount', 'must be at least 1 to give ranges');
  }
  for (const name of request.outputs) {
    if (!OUTPUT_NAMES.includes(name)) {
      throw new ModelInputError('outputs', `"${name}" is not a model output`);
    }
  }
  (request.totals ?? []).forEach((cells, total) => {
    for (const cell of cells) {
      if (!Number.isInteger(cell) || cell < 0 || cell >= inputs.cellCount) {
        throw new ModelInputError(
          `totals[${total}]`,
          `cell ${cell} is not a cell of this model (0 to ${inputs.cellCount - 1})`,
        );
      }
    }
  });
}

/** The totals with cells in [cellFrom, cellTo), and those cells, relative to cellFrom. */
function totalsInBlock(request: SummaryRequest, cellFrom: number, cellTo: number) {
  const touched: number[] = [];
  const cells: number[][] = [];
  (request.totals ?? []).forEach((totalCells, total) => {
    const inBlock = totalCells
      .filter((cell) => cell >= cellFrom && cell < cellTo)
      .map((cell) => cell - cellFrom);
    if (inBlock.length === 0) return;
    touched.push(total);
    cells.push(inBlock);
  });
  return { touched: Int32Array.from(touched), cells };
}

/** Runs every draw for one block's areas and reduces them to ranges and parts of totals. */
export function summariseBlock(
  inputs: ModelInputs,
  request: SummaryRequest,
  block: AreaBlock,
  workspace = new BlockWorkspace(),
  onProgress?: (drawsDone: number) => void,
): BlockSummary {
  checkRequest(inputs, request);
  const { seed, drawCount, outputs } = request;
  const spread = request.spread ?? 1;
  const Y = inputs.yearCount;
  const G = inputs.groupCount;
  const cellFrom = block.areaFrom * Y;
  const blockCells = (block.areaTo - block.areaFrom) * Y;
  // Cell-major within the block ([cell * drawCount + d]), so each cell's draws are contiguous.
  const values = outputs.map((_, slot) => workspace.valuesFor(slot, blockCells * drawCount));
  const sink = OUTPUT_NAMES.map((name) => {
    const slot = outputs.indexOf(name);
    return slot < 0 ? null : values[slot]!;
  });
  const table = workspace.groupFactorTable(inputs, request, spread);
  const width = groupFactorWidth(inputs);
  const factors = deterministicFactors(inputs);
  factors.plannedEntrants = centralPlan(inputs);
  const districtFrom = Math.floor(block.areaFrom / G);
  const districtTo = Math.floor((block.areaTo - 1) / G) + 1;
  const progressEvery = Math.max(1, Math.floor(drawCount / 10));
  const layout = { areaFrom: block.areaFrom, areaTo: block.areaTo, offset: 0, stride: drawCount };
  for (let d = 0; d < drawCount; d++) {
    copyGroupFactors(factors, table, d * width, false);
    fillPupilFactors(inputs, drawKey(seed, d), spread, factors, districtFrom, districtTo);
    layout.offset = d - cellFrom * drawCount;
    simulate(inputs, factors, sink, layout);
    if (onProgress && ((d + 1) % progressEvery === 0 || d + 1 === drawCount)) onProgress(d + 1);
  }

  const { touched, cells } = totalsInBlock(request, cellFrom, cellFrom + blockCells);
  const totals: Partial<Outputs> = {};
  const ranges: DrawSummary = {};
  outputs.forEach((name, slot) => {
    const blockValues = values[slot]!;
    // Totals first: the percentiles below reorder each cell's draws.
    const parts = new Float64Array(drawCount * touched.length);
    cells.forEach((totalCells, j) => {
      const part = j * drawCount;
      for (const cell of totalCells) {
        const column = cell * drawCount;
        for (let d = 0; d < drawCount; d++) parts[part + d]! += blockValues[column + d]!;
      }
    });
    totals[name] = parts;
    if (request.cellRanges !== false) ranges[name] = columnPercentiles(blockValues, drawCount);
  });
  return { block, drawCount, ranges, touched, totals };
}

/**
 * Joins block summaries, arriving in any order, into a RunSummary. Totals are added in block
 * order (a block that arrives early waits for the ones before it), so the result never depends
 * on which worker finished first.
 */
export class SummaryMerge {
  private readonly summary: RunSummary;
  private readonly blockCount: number;
  private readonly yearCount: number;
  private readonly waiting = new Map<number, BlockSummary>();
  private nextBlock = 0;

  constructor(inputs: ModelInputs, request: SummaryRequest) {
    this.blockCount = areaBlocks(inputs, request.drawCount).length;
    this.yearCount = inputs.yearCount;
    const totalCount = request.totals?.length ?? 0;
    const ranges: DrawSummary = {};
    const totals: Partial<Outputs> = {};
    for (const name of request.outputs) {
      if (request.cellRanges !== false) ranges[name] = emptyPercentiles(inputs.cellCount);
      totals[name] = new Float64Array(request.drawCount * totalCount);
    }
    this.summary = {
      seed: request.seed,
      drawCount: request.drawCount,
      cellCount: inputs.cellCount,
      ranges,
      totalCount,
      totals,
    };
  }

  add(part: BlockSummary): void {
    if (part.block.index < this.nextBlock || this.waiting.has(part.block.index)) {
      throw new ModelInputError('blocks', `block ${part.block.index} was added twice`);
    }
    this.waiting.set(part.block.index, part);
    for (
      let next = this.waiting.get(this.nextBlock);
      next;
      next = this.waiting.get(this.nextBlock)
    ) {
      this.waiting.delete(this.nextBlock);
      this.fold(next);
      this.nextBlock++;
    }
  }

  private fold(part: BlockSummary): void {
    const { summary } = this;
    const cellFrom = part.block.areaFrom * this.yearCount;
    for (const name of Object.keys(part.ranges) as OutputName[]) {
      const into = summary.ranges[name]!;
      const from = part.ranges[name]!;
      into.p10.set(from.p10, cellFrom);
      into.p50.set(from.p50, cellFrom);
      into.p90.set(from.p90, cellFrom);
    }
    const D = summary.drawCount;
    for (const name of Object.keys(part.totals) as OutputName[]) {
      const into = summary.totals[name]!;
      const from = part.totals[name]!;
      for (let j = 0; j < part.touched.length; j++) {
        const target = into.subarray(part.touched[j]! * D, (part.touched[j]! + 1) * D);
        const source = from.subarray(j * D, (j + 1) * D);
        for (let d = 0; d < D; d++) target[d]! += source[d]!;
      }
    }
  }

  /** The run's summary, once every block is in. */
  result(): RunSummary {
    if (this.nextBlock !== this.blockCount) {
      throw new ModelInputError(
        'blocks',
        `the run is missing block ${this.nextBlock} of ${this.blockCount}`,
      );
    }
    return this.summary;
  }
}

/**
 * P10/P50/P90 of the totals of a run from `first` on (index 0 is total `first`), leaving the
 * run's totals as they are.
 */
export function summariseTotals(
  run: Pick<RunSummary, 'drawCount' | 'totals'>,
  first = 0,
): DrawSummary {
  const summary: DrawSummary = {};
  for (const name of Object.keys(run.totals) as OutputName[]) {
    const values = run.totals[name]!.subarray(first * run.drawCount);
    summary[name] = columnPercentiles(Float64Array.from(values), run.drawCount);
  }
  return summary;
}

/**
 * The whole run in this thread, block after block: what the pool computes in workers, and
 * the baseline it is measured against. Progress counts draws of the whole run.
 */
export function runSummary(
  inputs: ModelInputs,
  request: SummaryRequest,
  onProgress?: (drawsDone: number) => void,
): RunSummary {
  checkRequest(inputs, request);
  const blocks = areaBlocks(inputs, request.drawCount);
  const merge = new SummaryMerge(inputs, request);
  const workspace = new BlockWorkspace();
  blocks.forEach((block) => {
    merge.add(summariseBlock(inputs, request, block, workspace));
    onProgress?.(Math.round((request.drawCount * (block.index + 1)) / blocks.length));
  });
  return merge.result();
}
