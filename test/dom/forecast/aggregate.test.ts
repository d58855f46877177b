import { describe, expect, it } from 'vitest';
import { percentilesOf as percentiles } from '../../../src/model/index.ts';
import { totalOf, totalsPerDraw } from '../../../src/ui/forecast/aggregate.ts';

// 2 districts x 2 groups x 2 years = 8 cells per draw; area cell = district * 2 + group.
const layout = { cellCount: 8, yearCount: 2 };

describe('totals over chosen cells', () => {
  it('adds the chosen cells of each draw for one year', () => {
    // Draw d, cell i (0..7) holds 100 d + i.
    const values = Float64Array.from(
      { length: 3 * 8 },
      (_, k) => 100 * Math.floor(k / 8) + (k % 8),
    );
    // Group 1 of both districts (area cells 1 and 3), year 1: cells 1*2+1 = 3 and 3*2+1 = 7,
    // so draw d totals (100 d + 3) + (100 d + 7) = 200 d + 10.
    expect([...totalsPerDraw(values, 3, layout, [1, 3], 1)]).toEqual([10, 210, 410]);
    // Year 0 of area cell 2 alone: cell 4, i.e. 100 d + 4.
    expect([...totalsPerDraw(values, 3, layout, [2], 0)]).toEqual([4, 104, 204]);
    expect(totalOf(values, layout, [1, 3], 1)).toBe(10);
    expect([...totalsPerDraw(values, 3, layout, [], 1)]).toEqual([0, 0, 0]);
  });
});

describe('percentiles', () => {
  it('interpolates between order statistics (R type 7)', () => {
    // Sorted 1..5: P10 at position 0.4 -> 1.4; P50 at 2 -> 3; P90 at 3.6 -> 4.6.
    const result = percentiles(Float64Array.of(5, 1, 4, 2, 3));
    expect(result.p10).toBeCloseTo(1.4, 12);
    expect(result.p50).toBe(3);
    expect(result.p90).toBeCloseTo(4.6, 12);
    expect(percentiles(Float64Array.of(7))).toEqual({ p10: 7, p50: 7, p90: 7 });
    expect(() => percentiles(new Float64Array(0))).toThrow();
  });

  it('takes the median of the per-draw total, not the sum of medians', () => {
    // One year, two cells, three draws: A = 1, 2, 9 and B = 9, 1, 2.
    const values = Float64Array.of(1, 9, 2, 1, 9, 2);
    const cells = { cellCount: 2, yearCount: 1 };
    const medianA = percentiles(totalsPerDraw(values, 3, cells, [0], 0)).p50;
    const medianB = percentiles(totalsPerDraw(values, 3, cells, [1], 0)).p50;
    expect(medianA + medianB).toBe(4);
    // Totals per draw are 10, 3, 11: their median is 10.
    expect(percentiles(totalsPerDraw(values, 3, cells, [0, 1], 0)).p50).toBe(10);
  });
});
