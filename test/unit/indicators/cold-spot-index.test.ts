import { describe, expect, it } from 'vitest';
import type { AreaIndicator } from '../../../src/data/types.ts';
import {
  coldSpotIndex,
  coldSpotWeights,
  priorityWeight,
  standardiseIndicator,
} from '../../../src/indicators/cold-spot-index.ts';

const AREAS = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8'];

function indicator(
  id: string,
  higherIsWorse: boolean,
  values: (number | null)[],
  level: AreaIndicator['level'] = 'district',
): AreaIndicator {
  return {
    id,
    label: id,
    level,
    higherIsWorse,
    unit: '',
    source: 'hand-made test set',
    provenance: 'illustrative',
    values: values.map((value, i) => ({ areaCode: AREAS[i]!, value })),
  };
}

/*
 * Hand-worked example (population standard deviation, as the index uses):
 *
 * deprivation (higher is worse) = 2, 4, 4, 4, 5, 5, 7, 9
 *   mean 5; deviations -3 -1 -1 -1 0 0 2 4; squares sum 32; variance 32/8 = 4; sd 2
 *   z = -1.5 -0.5 -0.5 -0.5 0 0 1 2
 *
 * attainment (higher is better) = 60, 45, 45, 55, 45, 50, 50, 50
 *   mean 50; deviations 10 -5 -5 5 -5 0 0 0; squares sum 200; variance 25; sd 5
 *   raw z = 2 -1 -1 1 -1 0 0 0; worse-off sign (flipped) = -2 1 1 -1 1 0 0 0
 *
 * index with weights deprivation 2, attainment 1: (2 z_dep + z_att) / 3
 *   A1 (-3 - 2)/3 = -5/3   A2 (-1 + 1)/3 = 0   A3 0   A4 (-1 - 1)/3 = -2/3
 *   A5 (0 + 1)/3 = 1/3     A6 0                A7 2/3 A8 4/3
 * ranking, coldest first (ties by code): A8, A7, A5, A2, A3, A6, A4, A1
 * threshold 0.5: cold spots A8 and A7.
 */
const deprivation = indicator('deprivation', true, [2, 4, 4, 4, 5, 5, 7, 9]);
const attainment = indicator('attainment', false, [60, 45, 45, 55, 45, 50, 50, 50]);
const spec = {
  weights: [
    { indicatorId: 'deprivation', weight: 2 },
    { indicatorId: 'attainment', weight: 1 },
  ],
  threshold: 0.5,
};

describe('standardiseIndicator', () => {
  it('gives the hand-worked mean, sd and z-scores', () => {
    const result = standardiseIndicator(deprivation);
    expect(result.mean).toBe(5);
    expect(result.standardDeviation).toBe(2);
    expect(AREAS.map((code) => result.scores.get(code))).toEqual([
      -1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2,
    ]);
  });

  it('flips the sign where a higher value is better', () => {
    const result = standardiseIndicator(attainment);
    expect(result.mean).toBe(50);
    expect(result.standardDeviation).toBe(5);
    expect(AREAS.map((code) => result.scores.get(code))).toEqual([-2, 1, 1, -1, 1, 0, 0, 0]);
  });

  it('has mean 0 and population sd 1 whenever the values vary', () => {
    const scores = [...standardiseIndicator(attainment).scores.values()];
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    const variance = scores.reduce((a, b) => a + (b - mean) ** 2, 0) / scores.length;
    expect(mean).toBeCloseTo(0, 12);
    expect(variance).toBeCloseTo(1, 12);
  });

  it('scores every area 0 when all values are equal', () => {
    const flat = indicator('flat', true, [3, 3, 3, 3, 3, 3, 3, 3]);
    expect([...standardiseIndicator(flat).scores.values()]).toEqual(Array(8).fill(0));
  });

  it('leaves missing values out of the mean and the scores', () => {
    // 1, 3, missing: mean 2, sd 1, z = -1, 1.
    const result = standardiseIndicator(indicator('gappy', true, [1, 3, null]));
    expect(result.count).toBe(2);
    expect(result.scores.get('A1')).toBe(-1);
    expect(result.scores.get('A2')).toBe(1);
    expect(result.scores.has('A3')).toBe(false);
  });
});

describe('coldSpotIndex', () => {
  const result = coldSpotIndex([deprivation, attainment], spec);
  const byCode = new Map(result.areas.map((area) => [area.areaCode, area]));

  it('gives the hand-worked index of every area', () => {
    const expected: Record<string, number> = {
      A1: -5 / 3,
      A2: 0,
      A3: 0,
      A4: -2 / 3,
      A5: 1 / 3,
      A6: 0,
      A7: 2 / 3,
      A8: 4 / 3,
    };
    for (const [code, index] of Object.entries(expected)) {
      expect(byCode.get(code)?.index).toBeCloseTo(index, 12);
    }
  });

  it('ranks coldest first, ties by area code', () => {
    expect(result.areas.map((area) => area.areaCode)).toEqual([
      'A8',
      'A7',
      'A5',
      'A2',
      'A3',
      'A6',
      'A4',
      'A1',
    ]);
    expect(result.areas.map((area) => area.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('marks areas above the threshold as cold spots', () => {
    expect(result.areas.filter((area) => area.coldSpot).map((area) => area.areaCode)).toEqual([
      'A8',
      'A7',
    ]);
  });

  it('keeps each indicator’s signed z-score for the table', () => {
    expect(byCode.get('A1')?.scores).toEqual({ deprivation: -1.5, attainment: -2 });
  });

  it('scales with weights, not their total: doubling every weight changes nothing', () => {
    const doubled = coldSpotIndex([deprivation, attainment], {
      ...spec,
      weights: spec.weights.map((w) => ({ ...w, weight: w.weight * 2 })),
    });
    expect(doubled.areas.map((area) => area.index)).toEqual(result.areas.map((area) => area.index));
  });

  it('a single indicator’s index is its z-score', () => {
    const single = coldSpotIndex([deprivation, attainment], {
      weights: [{ indicatorId: 'deprivation', weight: 1 }],
      threshold: 1,
    });
    expect(single.areas.map((area) => [area.areaCode, area.index])).toEqual([
      ['A8', 2],
      ['A7', 1],
      ['A5', 0],
      ['A6', 0],
      ['A2', -0.5],
      ['A3', -0.5],
      ['A4', -0.5],
      ['A1', -1.5],
    ]);
    // 1 is not above a threshold of 1.
    expect(single.areas.filter((area) => area.coldSpot).map((area) => area.areaCode)).toEqual([
      'A8',
    ]);
  });

  describe('an area missing a value', () => {
    // deprivation without A8: 2, 4, 4, 4, 5, 5, 7 -> mean 31/7.
    const gappy = indicator('gappy', true, [2, 4, 4, 4, 5, 5, 7, null]);

    it('gets no index by default, and is listed last', () => {
      const excluded = coldSpotIndex([gappy, attainment], {
        ...spec,
        weights: [
          { indicatorId: 'gappy', weight: 2 },
          { indicatorId: 'attainment', weight: 1 },
        ],
      });
      const last = excluded.areas.at(-1);
      expect(last).toMatchObject({ areaCode: 'A8', index: null, rank: null, coldSpot: false });
      expect(last?.missingIndicatorIds).toEqual(['gappy']);
    });

    it('with reweighting, gets the index of the indicators it has', () => {
      const reweighted = coldSpotIndex([gappy, attainment], {
        ...spec,
        weights: [
          { indicatorId: 'gappy', weight: 2 },
          { indicatorId: 'attainment', weight: 1 },
        ],
        missing: 'reweight',
      });
      // A8 has only attainment: its z (0) is its index.
      expect(reweighted.areas.find((area) => area.areaCode === 'A8')?.index).toBe(0);
    });
  });

  it('standardises over the given areas only', () => {
    // Over A7 and A8 only: deprivation 7, 9 -> mean 8, sd 1, z = -1, 1.
    const pair = coldSpotIndex([deprivation], {
      weights: [{ indicatorId: 'deprivation', weight: 1 }],
      threshold: 0,
      areaCodes: ['A7', 'A8'],
    });
    expect(pair.areas.map((area) => [area.areaCode, area.index])).toEqual([
      ['A8', 1],
      ['A7', -1],
    ]);
  });

  it('rejects bad choices with a clear message', () => {
    expect(() => coldSpotIndex([deprivation], { weights: [], threshold: 0 })).toThrow(
      /at least one indicator/,
    );
    expect(() =>
      coldSpotIndex([deprivation], { weights: [{ indicatorId: 'nope', weight: 1 }], threshold: 0 }),
    ).toThrow(/unknown indicator "nope"/);
    expect(() =>
      coldSpotIndex([deprivation], {
        weights: [{ indicatorId: 'deprivation', weight: -1 }],
        threshold: 0,
      }),
    ).toThrow(/zero or more/);
    const lsoa = indicator('lsoa', true, [1, 2], 'lsoa');
    expect(() =>
      coldSpotIndex([deprivation, lsoa], {
        weights: [
          { indicatorId: 'deprivation', weight: 1 },
          { indicatorId: 'lsoa', weight: 1 },
        ],
        threshold: 0,
      }),
    ).toThrow(/mix district and lsoa/);
  });
});

describe('coldSpotWeights (the allocation LP’s priority weights)', () => {
  it('is 1 + priority x max(0, index), from the same index as the map', () => {
    const weights = coldSpotWeights([deprivation, attainment], spec, AREAS, 1.5);
    // A8: 1 + 1.5 x 4/3 = 3; A7: 1 + 1.5 x 2/3 = 2; A5: 1 + 1.5 x 1/3 = 1.5; the rest 1.
    expect(weights.A8).toBeCloseTo(3, 12);
    expect(weights.A7).toBeCloseTo(2, 12);
    expect(weights.A5).toBeCloseTo(1.5, 12);
    for (const code of ['A1', 'A2', 'A3', 'A4', 'A6']) expect(weights[code]).toBe(1);
  });

  it('never falls below 1 and grows with the index', () => {
    const result = coldSpotIndex([deprivation, attainment], spec);
    const weights = coldSpotWeights([deprivation, attainment], spec, AREAS);
    const ordered = result.areas.map((area) => weights[area.areaCode]!);
    for (let i = 1; i < ordered.length; i++)
      expect(ordered[i]!).toBeLessThanOrEqual(ordered[i - 1]!);
    expect(Math.min(...ordered)).toBe(1);
  });

  it('gives weight 1 to a district with no index and everywhere at priority 0', () => {
    expect(priorityWeight(null, 5)).toBe(1);
    const flat = coldSpotWeights([deprivation, attainment], spec, AREAS, 0);
    expect(Object.values(flat)).toEqual(Array(8).fill(1));
  });

  it('needs district-level indicators', () => {
    const lsoa = indicator('lsoa', true, [1, 2, 3], 'lsoa');
    expect(() =>
      coldSpotWeights(
        [lsoa],
        { weights: [{ indicatorId: 'lsoa', weight: 1 }], threshold: 0 },
        AREAS,
      ),
    ).toThrow(/district indicators/);
  });
});
