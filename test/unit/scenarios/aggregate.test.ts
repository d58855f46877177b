import { describe, expect, it } from 'vitest';
import {
  buildModelInputs,
  defaultParameters,
  resolveParameters,
  runDraws,
  runSummary,
  summariseDraws,
  summariseTotals,
} from '../../../src/model/index.ts';
import {
  aggregateLayout,
  aggregatePlan,
  aggregateRanges,
  aggregateTotals,
  regionDrawsOf,
} from '../../../src/scenarios/aggregate.ts';
import { fixtureDataset } from '../model/fixtures.ts';
import { fixedClock } from '../../../src/data/clock.ts';

/** Plans are made from a date; the tests fix it. */
const TODAY = fixedClock('2026-12-03')();

const dataset = fixtureDataset();
const inputs = buildModelInputs(dataset, resolveParameters(defaultParameters(dataset, TODAY)));

describe('aggregates from a reduced Monte Carlo run', () => {
  it('takes single cells from the cell ranges and keeps the region and multi-cell totals', () => {
    const plan = aggregatePlan(inputs);
    const all = aggregateTotals(inputs);
    const layout = aggregateLayout(inputs);
    const slice = layout.subjects.length * layout.years.length;
    expect(plan.regionCount).toBe(slice);
    all.forEach((cells, index) => {
      const isRegion = index >= all.length - slice;
      if (plan.cellOf[index]! >= 0) {
        expect(isRegion).toBe(false);
        expect(cells).toEqual([plan.cellOf[index]]);
      } else {
        expect(plan.totals[plan.totalOf[index]!]).toEqual(cells);
      }
      if (isRegion) expect(plan.totalOf[index]).toBe(index - (all.length - slice));
    });
    // Two districts: each district's 19 groups x 3 planned years are cells; the rest are totals.
    expect(layout.years).toHaveLength(3);
    expect(plan.totals.length).toBe(all.length - 2 * 19 * 3);
  });

  it('gives every aggregate the range of its draw-by-draw total, and the region draws', () => {
    const drawCount = 41;
    const plan = aggregatePlan(inputs);
    const run = runSummary(inputs, {
      seed: 5,
      drawCount,
      outputs: ['nqtNeed'],
      totals: plan.totals,
    });
    const ranges = aggregateRanges(plan, run.ranges.nqtNeed!, summariseTotals(run).nqtNeed!);
    // The same from every draw kept: each aggregate summed draw by draw, then summarised.
    const draws = runDraws(inputs, { seed: 5, firstDraw: 0, drawCount, outputs: ['nqtNeed'] });
    const all = aggregateTotals(inputs);
    const summed = new Float64Array(drawCount * all.length);
    all.forEach((cells, index) => {
      for (let d = 0; d < drawCount; d++) {
        summed[d * all.length + index] = cells.reduce(
          (sum, cell) => sum + draws.outputs.nqtNeed![d * inputs.cellCount + cell]!,
          0,
        );
      }
    });
    const expected = summariseDraws({
      seed: 5,
      firstDraw: 0,
      drawCount,
      cellCount: all.length,
      outputs: { nqtNeed: summed },
    }).nqtNeed!;
    for (let index = 0; index < all.length; index++) {
      expect(ranges.p10[index]).toBeCloseTo(expected.p10[index]!, 8);
      expect(ranges.p50[index]).toBeCloseTo(expected.p50[index]!, 8);
      expect(ranges.p90[index]).toBeCloseTo(expected.p90[index]!, 8);
    }
    const region = regionDrawsOf(plan, run.totals.nqtNeed!, drawCount);
    const slice = plan.regionCount;
    for (let d = 0; d < drawCount; d++) {
      for (let j = 0; j < slice; j++) {
        expect(region[d * slice + j]).toBeCloseTo(
          summed[d * all.length + all.length - slice + j]!,
          8,
        );
      }
    }
  });
});
