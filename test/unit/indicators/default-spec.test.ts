import { describe, expect, it } from 'vitest';
import type { AreaIndicator } from '../../../src/data/types.ts';
import { coldSpotWeights } from '../../../src/indicators/cold-spot-index.ts';
import {
  DEFAULT_COLD_SPOT_THRESHOLD,
  defaultDistrictColdSpotSpec,
} from '../../../src/indicators/default-spec.ts';

const DISTRICTS = ['D1', 'D2', 'D3', 'D4'];

function indicator(
  id: string,
  higherIsWorse: boolean,
  values: number[],
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
    values: values.map((value, i) => ({ areaCode: DISTRICTS[i]!, value })),
  };
}

/*
 * Hand-worked: IMD score 10, 20, 30, 40: mean 25, sd sqrt(125) = 11.180; z = -1.342 -0.447
 * 0.447 1.342. Attainment 8 (higher is better) 50, 50, 40, 40: mean 45, sd 5; raw z 1 1 -1 -1,
 * flipped -1 -1 1 1. Index = mean of the two: -1.171 -0.724 0.724 1.171.
 * Weights at priority 1: 1 + max(0, index) = 1, 1, 1.724, 2.171.
 */
const imd = indicator('imd2015_district_score', true, [10, 20, 30, 40]);
const attainment = indicator('ks4_attainment8', false, [50, 50, 40, 40]);
const progress = indicator('ks4_progress8', false, [0.1, -0.1, 0, 0.2]);
const lsoaRank = indicator('imd2019_rank', false, [1, 2, 3, 4], 'lsoa');

describe('defaultDistrictColdSpotSpec', () => {
  it('weights IMD 2015 and Attainment 8 equally, whatever else the dataset holds', () => {
    const spec = defaultDistrictColdSpotSpec([lsoaRank, progress, attainment, imd]);
    expect(spec).toEqual({
      weights: [
        { indicatorId: 'ks4_attainment8', weight: 1 },
        { indicatorId: 'imd2015_district_score', weight: 1 },
      ],
      threshold: DEFAULT_COLD_SPOT_THRESHOLD,
      missing: 'exclude-area',
    });
  });

  it('gives the allocation the hand-worked weights', () => {
    const weights = coldSpotWeights(
      [imd, attainment, progress],
      defaultDistrictColdSpotSpec([imd, attainment, progress])!,
      DISTRICTS,
      1,
    );
    expect(weights.D1).toBe(1);
    expect(weights.D2).toBe(1);
    expect(weights.D3).toBeCloseTo(1.7236, 4);
    expect(weights.D4).toBeCloseTo(2.1708, 4);
  });

  it('falls back to the first district indicator of another region, and to null without any', () => {
    expect(defaultDistrictColdSpotSpec([lsoaRank, progress])?.weights).toEqual([
      { indicatorId: 'ks4_progress8', weight: 1 },
    ]);
    expect(defaultDistrictColdSpotSpec([lsoaRank])).toBeNull();
  });
});
