import { describe, expect, it } from 'vitest';
import { randomLcg } from 'd3-random';
import {
  emptyPercentiles,
  percentilesOf,
  writePercentiles,
} from '../../../src/model/percentiles.ts';

/** R type 7 from a full sort: what selection must reproduce exactly. */
function sortedPercentiles(values: Float64Array): number[] {
  const sorted = Float64Array.from(values).sort();
  return [0.1, 0.5, 0.9].map((q) => {
    const position = (sorted.length - 1) * q;
    const low = Math.floor(position);
    if (low + 1 >= sorted.length) return sorted[low]!;
    return sorted[low]! + (sorted[low + 1]! - sorted[low]!) * (position - low);
  });
}

function selected(values: Float64Array): number[] {
  const into = emptyPercentiles(1);
  writePercentiles(Float64Array.from(values), into, 0);
  return [into.p10[0]!, into.p50[0]!, into.p90[0]!];
}

describe('P10/P50/P90 by selection', () => {
  it('works a small case by hand: 3, 10, 1, 4, 2', () => {
    // Sorted 1 2 3 4 10; P10 at position 0.4: 1 + 0.4 x 1 = 1.4; P50 = 3; P90 at 3.6: 4 + 0.6 x 6.
    const [p10, p50, p90] = selected(Float64Array.of(3, 10, 1, 4, 2));
    expect(p10).toBeCloseTo(1.4, 12);
    expect(p50).toBe(3);
    expect(p90).toBeCloseTo(7.6, 12);
  });

  it('equals a full sort exactly, short and long columns, ties and extremes', () => {
    const random = randomLcg(0.25);
    for (const n of [1, 2, 3, 10, 999, 1024, 1025, 5000, 10_000]) {
      const smooth = Float64Array.from({ length: n }, () => random() * 100 - 20);
      const ties = Float64Array.from({ length: n }, () => Math.floor(random() * 4));
      const skewed = Float64Array.from({ length: n }, () => Math.exp(10 * random()));
      const ascending = Float64Array.from({ length: n }, (_, i) => i);
      const descending = Float64Array.from({ length: n }, (_, i) => -i);
      for (const column of [smooth, ties, skewed, ascending, descending]) {
        expect(selected(column), `n = ${n}`).toEqual(sortedPercentiles(column));
      }
    }
  });

  it('stays exact when the sample misleads (values at sampled positions unlike the rest)', () => {
    // Long columns are bracketed from every (n / 256)-th value; here those are all small and
    // the rest large, so the brackets miss and selection in the whole column takes over.
    const n = 4096;
    const column = Float64Array.from({ length: n }, (_, i) => (i % 16 === 0 ? i / n : 1000 + i));
    expect(selected(column)).toEqual(sortedPercentiles(column));
  });

  it('leaves the values it summarises as they were (percentilesOf)', () => {
    const values = Float64Array.of(3, 10, 1, 4, 2);
    expect(percentilesOf(values).p50).toBe(3);
    expect([...values]).toEqual([3, 10, 1, 4, 2]);
    expect(() => percentilesOf(new Float64Array(0))).toThrow(/no values/);
  });

  it('sorts a column with NaN, as the typed-array sort orders it', () => {
    const column = Float64Array.of(5, NaN, 1, 3, 2);
    expect(selected(column)).toEqual(sortedPercentiles(column));
  });
});
