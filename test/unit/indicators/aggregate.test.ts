import { describe, expect, it } from 'vitest';
import type { AreaIndicator } from '../../../src/data/types.ts';
import { aggregateIndicatorMean } from '../../../src/indicators/aggregate.ts';

const lsoaRank: AreaIndicator = {
  id: 'imd2019_rank',
  label: 'IMD 2019 rank',
  level: 'lsoa',
  higherIsWorse: false,
  unit: 'rank',
  source: 'MHCLG IoD 2019',
  provenance: 'published',
  values: [
    { areaCode: 'L1', value: 100 },
    { areaCode: 'L2', value: 300 },
    { areaCode: 'L3', value: 1000 },
    { areaCode: 'L4', value: null },
    { areaCode: 'L5', value: null },
    { areaCode: 'L9', value: 5 }, // not in the lookup: ignored
  ],
};
const msoaOf = new Map([
  ['L1', 'M1'],
  ['L2', 'M1'],
  ['L3', 'M2'],
  ['L4', 'M2'],
  ['L5', 'M3'],
]);

describe('aggregateIndicatorMean', () => {
  const result = aggregateIndicatorMean(lsoaRank, msoaOf, 'msoa');

  it('averages the child values with a value: M1 (100 + 300)/2 = 200, M2 1000/1, M3 none', () => {
    expect(result.values).toEqual([
      { areaCode: 'M1', value: 200 },
      { areaCode: 'M2', value: 1000 },
      { areaCode: 'M3', value: null },
    ]);
  });

  it('keeps the direction, marks the result derived and says how it was made', () => {
    expect(result).toMatchObject({
      id: 'imd2019_rank__mean_by_msoa',
      level: 'msoa',
      higherIsWorse: false,
      provenance: 'derived',
    });
    expect(result.label).toMatch(/mean of LSOAs, unweighted/);
    expect(result.source).toMatch(/^MHCLG IoD 2019\. Unweighted mean/);
  });

  it('keeps an illustrative input illustrative', () => {
    const illustrative = aggregateIndicatorMean(
      { ...lsoaRank, provenance: 'illustrative' },
      msoaOf,
      'msoa',
    );
    expect(illustrative.provenance).toBe('illustrative');
  });
});
