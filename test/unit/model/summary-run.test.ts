import { describe, expect, it } from 'vitest';
import {
  SummaryMerge,
  areaBlocks,
  buildModelInputs,
  defaultParameters,
  resolveParameters,
  runDeterministic,
  runDraws,
  runSummary,
  summariseBlock,
  summariseDraws,
} from '../../../src/model/index.ts';
import { fixtureDataset } from './fixtures.ts';
import { fixedClock } from '../../../src/data/clock.ts';

/** Plans are made from a date; the tests fix it. */
const TODAY = fixedClock('2026-12-03')();

const dataset = fixtureDataset();
const inputs = buildModelInputs(dataset, resolveParameters(defaultParameters(dataset, TODAY)));
const outputs = ['nqtNeed', 'traineeNeed'] as const;

/** Totals spanning blocks: the whole of year 0, one cell, and cells of both districts. */
const lastCell = inputs.cellCount - 1;
const totals = [
  Array.from({ length: inputs.cellCount / inputs.yearCount }, (_, area) => area * inputs.yearCount),
  [5],
  [1, 2, lastCell - 1, lastCell],
];

describe('runSummary: a Monte Carlo run reduced where it runs', () => {
  it('cuts the areas into contiguous blocks that tile them, fixed by inputs and draws', () => {
    const areas = inputs.districtCount * inputs.groupCount;
    const blocks = areaBlocks(inputs, 100);
    expect(blocks.length).toBe(Math.min(16, areas));
    expect(blocks[0]!.areaFrom).toBe(0);
    expect(blocks.at(-1)!.areaTo).toBe(areas);
    blocks.slice(1).forEach((block, i) => expect(block.areaFrom).toBe(blocks[i]!.areaTo));
    const sizes = blocks.map((block) => block.areaTo - block.areaFrom);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('gives exactly the per-cell ranges of keeping every draw', () => {
    const request = { seed: 4, drawCount: 57, outputs };
    const reduced = runSummary(inputs, request);
    const kept = summariseDraws(runDraws(inputs, { ...request, firstDraw: 0 }));
    expect(reduced.ranges).toEqual(kept);
  });

  it('adds up each total draw by draw (to rounding: the blocks add their parts first)', () => {
    const drawCount = 33;
    const reduced = runSummary(inputs, { seed: 2, drawCount, outputs, totals });
    const draws = runDraws(inputs, { seed: 2, firstDraw: 0, drawCount, outputs });
    expect(reduced.totalCount).toBe(3);
    for (const name of outputs) {
      for (let d = 0; d < drawCount; d++) {
        totals.forEach((cells, k) => {
          const expected = cells.reduce(
            (sum, cell) => sum + draws.outputs[name]![d * inputs.cellCount + cell]!,
            0,
          );
          expect(reduced.totals[name]![k * drawCount + d]).toBeCloseTo(expected, 9);
        });
      }
    }
    // One cell's total is that cell's draw, exactly.
    for (let d = 0; d < drawCount; d++) {
      expect(reduced.totals.nqtNeed![drawCount + d]).toBe(
        draws.outputs.nqtNeed![d * inputs.cellCount + 5],
      );
    }
  });

  it('equals the deterministic run in every cell with zero spread', () => {
    const central = runDeterministic(inputs);
    const reduced = runSummary(inputs, { seed: 8, drawCount: 9, spread: 0, outputs });
    for (const name of outputs) {
      expect(reduced.ranges[name]!.p10).toEqual(central.outputs[name]);
      expect(reduced.ranges[name]!.p50).toEqual(central.outputs[name]);
      expect(reduced.ranges[name]!.p90).toEqual(central.outputs[name]);
    }
  });

  it('gives the same result bit for bit whatever order the blocks arrive in', () => {
    const request = { seed: 3, drawCount: 21, outputs, totals };
    const inOrder = runSummary(inputs, request);
    const blocks = areaBlocks(inputs, request.drawCount);
    const parts = blocks.map((block) => summariseBlock(inputs, request, block));
    const merge = new SummaryMerge(inputs, request);
    // Reversed, then interleaved: later blocks wait for earlier ones before their totals add.
    for (const part of [...parts].reverse()) merge.add(part);
    expect(merge.result()).toEqual(inOrder);
  });

  it('says which block is missing or repeated', () => {
    const request = { seed: 3, drawCount: 4, outputs };
    const blocks = areaBlocks(inputs, 4);
    const merge = new SummaryMerge(inputs, request);
    const first = summariseBlock(inputs, request, blocks[0]!);
    merge.add(first);
    expect(() => merge.add(first)).toThrow(/block 0 was added twice/);
    expect(() => merge.result()).toThrow(/missing block 1 of 16/);
  });

  it('keeps no per-cell ranges when asked not to', () => {
    const reduced = runSummary(inputs, { seed: 1, drawCount: 5, outputs, cellRanges: false });
    expect(reduced.ranges).toEqual({});
    expect(reduced.totalCount).toBe(0);
  });

  it('rejects a bad request, naming the field', () => {
    const good = { seed: 1, drawCount: 5, outputs };
    expect(() => runSummary(inputs, { ...good, drawCount: 0 })).toThrow(/drawCount/);
    expect(() => runSummary(inputs, { ...good, seed: 0.5 })).toThrow(/seed/);
    expect(() => runSummary(inputs, { ...good, totals: [[0], [inputs.cellCount]] })).toThrow(
      /totals\[1\]: cell \d+ is not a cell of this model/,
    );
    expect(() =>
      runSummary(inputs, { ...good, outputs: ['nqtNeed', 'teachers' as 'nqtNeed'] }),
    ).toThrow(/"teachers" is not a model output/);
  });
});
