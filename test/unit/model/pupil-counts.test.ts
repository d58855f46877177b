import { describe, expect, it } from 'vitest';
import { academicYear } from '../../../src/data/academic-year.ts';
import { fixedClock } from '../../../src/data/clock.ts';
import { loadRegionDataset } from '../../../src/data/load.ts';
import { nodeReader } from '../../../src/data/node-reader.ts';
import type { RegionDataset } from '../../../src/data/types.ts';
import {
  buildModelInputs,
  countedPupilYears,
  defaultParameters,
  forecastMetaRows,
  nationalDataset,
  resolveParameters,
  runDraws,
} from '../../../src/model/index.ts';
import { fillPupilFactors } from '../../../src/model/monte-carlo.ts';
import { drawKey, fillNormals } from '../../../src/model/random.ts';
import { deterministicFactors } from '../../../src/model/simulate.ts';
import { ALPHA, BETA, fixtureDataset, plannedRegionNeedWidths } from './fixtures.ts';

const TODAY = fixedClock('2026-12-03')();
const y = academicYear;

/**
 * The fixture (base year 2024/25, rows for 2025/26 to 2027/28, later years extrapolated) with
 * Alpha's primary 2025/26 and Alpha's secondary 2025/26 and 2026/27 marked as census counts;
 * Beta has no counted row.
 */
function withCounts(): RegionDataset {
  const dataset = fixtureDataset();
  const counted = (districtCode: string, phase: string, year: string) =>
    districtCode === ALPHA &&
    ((phase === 'primary' && year === '2025/26') ||
      (phase === 'secondary' && (year === '2025/26' || year === '2026/27')));
  return {
    ...dataset,
    pupilProjections: dataset.pupilProjections.map((row) => ({
      ...row,
      counted: counted(row.districtCode, row.phase, row.year),
    })),
  };
}

const dataset = withCounts();
const inputs = buildModelInputs(dataset, resolveParameters(defaultParameters(dataset, TODAY)));
const Y = inputs.yearCount;
const SD = Float64Array.of(0.02, 0.005);
const withSd = {
  ...inputs,
  uncertainty: { ...inputs.uncertainty, pupilProjectionErrorSdPerYear: SD },
};
/** Where the pupil streams start: 8 phase shocks, 6 per group, 2 elasticities (monte-carlo.ts). */
const FIRST_PUPIL_STREAM = 8 + 6 * inputs.groupCount + 2;
const cell = (district: number, phase: 0 | 1, t: number) => (district * 2 + phase) * Y + t;

describe('pupil projection error counts from the last census count', () => {
  it('the model years run 2025/26 to 2030/31 and count years since the last count', () => {
    expect(inputs.years).toEqual(
      ['2025/26', '2026/27', '2027/28', '2028/29', '2029/30', '2030/31'].map(y),
    );
    const since = (a: number, ph: 0 | 1) =>
      [...Array(Y).keys()].map((t) => inputs.pupilYearsSinceCount[cell(a, ph, t)]);
    // Alpha primary: 2025/26 counted, then 1, 2, ... years of projection.
    expect(since(0, 0)).toEqual([0, 1, 2, 3, 4, 5]);
    // Alpha secondary: 2025/26 and 2026/27 counted.
    expect(since(0, 1)).toEqual([0, 0, 1, 2, 3, 4]);
    // Beta: only the base year 2024/25 is counted, so 2025/26 is one year on.
    expect(since(1, 0)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  /*
   * Hand-worked, one draw: with e = SD(phase) x z, z the draw's normal of (district, phase),
   * pupils = projection x (1 + e x years since the last count). Alpha primary (SD 2%):
   *   2025/26 counted        2100 x (1 + e x 0) = 2100 exactly
   *   2026/27 first projected 2100 x (1 + e x 1)
   *   2027/28                 1995 x (1 + e x 2)
   * Alpha secondary (SD 0.5%): 2025/26 1560 and 2026/27 1620 exactly, 2027/28 1620 x (1 + e).
   * Beta primary: 2025/26 6300 x (1 + e), as before the counts were flagged.
   */
  it('leaves counted years alone and gives the first projected year one year of error', () => {
    const key = drawKey(11, 4);
    const normals = new Float64Array(FIRST_PUPIL_STREAM + inputs.districtCount * 2);
    fillNormals(key, 0, normals.length, normals);
    const factors = deterministicFactors(withSd);
    fillPupilFactors(withSd, key, 1, factors);
    const e = (a: number, ph: 0 | 1) => SD[ph]! * normals[FIRST_PUPIL_STREAM + a * 2 + ph]!;
    expect(e(0, 0)).not.toBe(0);
    expect(factors.pupils[cell(0, 0, 0)]).toBe(2100);
    expect(factors.pupils[cell(0, 0, 1)]).toBeCloseTo(2100 * (1 + e(0, 0)), 9);
    expect(factors.pupils[cell(0, 0, 2)]).toBeCloseTo(1995 * (1 + 2 * e(0, 0)), 9);
    expect(factors.pupils[cell(0, 1, 0)]).toBe(1560);
    expect(factors.pupils[cell(0, 1, 1)]).toBe(1620);
    expect(factors.pupils[cell(0, 1, 2)]).toBeCloseTo(1620 * (1 + e(0, 1)), 9);
    expect(factors.pupils[cell(1, 0, 0)]).toBeCloseTo(6300 * (1 + e(1, 0)), 9);
  });

  it("a counted year has no spread; the h-th projected year has h years' spread", () => {
    const draws = 4000;
    const factors = deterministicFactors(withSd);
    const relative: number[][] = [...Array(Y)].map(() => []);
    for (let d = 0; d < draws; d++) {
      fillPupilFactors(withSd, drawKey(5, d), 1, factors);
      for (let t = 0; t < Y; t++) {
        relative[t]!.push(factors.pupils[cell(0, 0, t)]! / inputs.pupils[cell(0, 0, t)]! - 1);
      }
    }
    const sd = relative.map((values) => {
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
    });
    expect(sd[0]).toBe(0);
    // Alpha primary's year t is t years after its count; 4,000 draws give the SD within ~2%.
    for (let t = 1; t < Y; t++) expect(sd[t]! / (0.02 * t)).toBeCloseTo(1, 1);
  });

  it('invariant: drawn pupil ranges widen with the horizon, and only after the last count', () => {
    const draws = 500;
    const factors = deterministicFactors(withSd);
    const pupils = new Float64Array(draws * inputs.pupils.length);
    for (let d = 0; d < draws; d++) {
      fillPupilFactors(withSd, drawKey(8, d), 1, factors);
      pupils.set(factors.pupils, d * inputs.pupils.length);
    }
    const width = (i: number) => {
      const values = Array.from({ length: draws }, (_, d) => pupils[d * inputs.pupils.length + i]!);
      values.sort((a, b) => a - b);
      return values[Math.round(0.9 * (draws - 1))]! / values[Math.round(0.1 * (draws - 1))]! - 1;
    };
    for (let areaPhase = 0; areaPhase < inputs.districtCount * 2; areaPhase++) {
      for (let t = 1; t < Y; t++) {
        const i = areaPhase * Y + t;
        if (inputs.pupilYearsSinceCount[i] === 0) expect(width(i)).toBe(0);
        else expect(width(i)).toBeGreaterThan(width(i - 1));
      }
    }
  });

  it('invariant: the region total trainee need range widens over the planned years', () => {
    const DRAWS = 400;
    const need = runDraws(inputs, { seed: 3, firstDraw: 0, drawCount: DRAWS }).outputs.traineeNeed!;
    const widths = plannedRegionNeedWidths(inputs, need, DRAWS);
    expect(widths.length).toBeGreaterThanOrEqual(2);
    for (let k = 1; k < widths.length; k++) expect(widths[k]!).toBeGreaterThan(widths[k - 1]!);
  });
});

describe('counted pupil years of the shipped data', () => {
  it('are the census years the sources give: 2025/26 in SCR, 2024/25 nationally', async () => {
    const { dataset: shipped } = await loadRegionDataset(nodeReader());
    // district_pupil_projections.csv: the January 2026 census (SCAP scorecard 2024/25) is counted.
    for (const row of shipped.pupilProjections) {
      expect(row.counted).toBe(row.year === '2025/26');
    }
    const england = nationalDataset(shipped);
    for (const phase of ['primary', 'secondary'] as const) {
      expect(countedPupilYears(shipped, phase)).toEqual([y('2024/25'), y('2025/26')]);
      // TWM file 1 marks 2025/26 onward as modelled (projection = Yes).
      expect(countedPupilYears(england, phase)).toEqual([y('2024/25')]);
    }
    const scr = buildModelInputs(shipped, resolveParameters(defaultParameters(shipped, TODAY)));
    const caveat = forecastMetaRows(scr).at(-1)!.label!;
    expect(caveat).toContain(
      'Pupils in 2024/25 and 2025/26 are school census counts (outturn); later years are projections',
    );
    // Every SCR district and phase: 2025/26 counted, 2026/27 the first projected year.
    for (let areaPhase = 0; areaPhase < scr.districtCount * 2; areaPhase++) {
      expect(scr.pupilYearsSinceCount[areaPhase * scr.yearCount]).toBe(0);
      expect(scr.pupilYearsSinceCount[areaPhase * scr.yearCount + 1]).toBe(1);
    }
  });

  it('a district missing the count makes the year projected for a group including it', () => {
    const partial = withCounts();
    expect(countedPupilYears(partial, 'primary', [ALPHA])).toEqual([y('2024/25'), y('2025/26')]);
    expect(countedPupilYears(partial, 'primary', [ALPHA, BETA])).toEqual([y('2024/25')]);
    expect(countedPupilYears(partial, 'secondary', [ALPHA])).toEqual(
      ['2024/25', '2025/26', '2026/27'].map(y),
    );
  });
});
