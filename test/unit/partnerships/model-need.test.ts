import { describe, expect, it } from 'vitest';
import { districtNeedFromModel, forecastEntryYears } from '../../../src/partnerships/index.ts';
import {
  buildModelInputs,
  cellIndex,
  defaultParameters,
  runDeterministic,
} from '../../../src/model/index.ts';
import { defaultRegion } from '../../fixtures/partnerships/default-data.ts';
import { academicYear } from '../../../src/data/academic-year.ts';
import { fixedClock } from '../../../src/data/clock.ts';

/** Plans are made from a date; the tests fix it. */
const TODAY = fixedClock('2026-12-03')();

describe('forecastEntryYears', () => {
  it('files the planned entry years 2027/28 to 2029/30 under the NQT years 2028/29 to 2030/31', () => {
    const inputs = {
      planningEntryYears: [
        academicYear('2027/28'),
        academicYear('2028/29'),
        academicYear('2029/30'),
      ],
      years: ['2025/26', '2026/27', '2027/28', '2028/29', '2029/30', '2030/31'].map(academicYear),
    };
    expect(forecastEntryYears(inputs)).toEqual(inputs.planningEntryYears);
    // A model that stops at 2029/30 reaches only the first two entry years.
    expect(forecastEntryYears({ ...inputs, years: inputs.years.slice(0, 5) })).toEqual([
      academicYear('2027/28'),
      academicYear('2028/29'),
    ]);
  });
});

describe('districtNeedFromModel on a hand-made 2 districts x 2 groups x 3 years model', () => {
  // Cell (d, g, y) = (d x 2 + g) x 3 + y; P50 of a cell = its index, P10 = index - 1, P90 = index + 2.
  // Planned entry years 2025/26 and 2026/27: their NQTs start in 2026/27 and 2027/28 (y = 1, 2).
  const inputs = {
    planningEntryYears: [academicYear('2025/26'), academicYear('2026/27')],
    years: [academicYear('2025/26'), academicYear('2026/27'), academicYear('2027/28')],
    districts: [{ code: 'A' }, { code: 'B' }],
    groups: ['Primary', 'Mathematics'] as const,
    cellCount: 12,
  };
  const index = Array.from({ length: 12 }, (_, i) => i);
  const need = districtNeedFromModel(inputs, {
    p10: index.map((i) => i - 1),
    p50: index,
    p90: index.map((i) => i + 2),
  });

  it('keeps NQT years 2026/27 and 2027/28 as entry years 2025/26 and 2026/27', () => {
    expect(need).toHaveLength(2 * 2 * 2);
    expect(new Set(need.map((n) => n.year))).toEqual(
      new Set([academicYear('2025/26'), academicYear('2026/27')]),
    );
  });

  it('reads district B Mathematics NQT year 2027/28 from cell (1 x 2 + 1) x 3 + 2 = 11', () => {
    expect(
      need.find(
        (n) =>
          n.districtCode === 'B' &&
          n.subject === 'Mathematics' &&
          n.year === academicYear('2026/27'),
      ),
    ).toEqual({
      districtCode: 'B',
      subject: 'Mathematics',
      year: academicYear('2026/27'),
      p10: 10,
      p50: 11,
      p90: 13,
    });
    // District A Primary NQT year 2026/27: cell 1.
    expect(
      need.find(
        (n) =>
          n.districtCode === 'A' && n.subject === 'Primary' && n.year === academicYear('2025/26'),
      )?.p50,
    ).toBe(1);
  });

  it('refuses output of the wrong size', () => {
    expect(() => districtNeedFromModel(inputs, { p10: [1], p50: [1], p90: [1] })).toThrow(
      /1 cells; the model inputs have 12/,
    );
  });
});

describe('districtNeedFromModel on the default dataset', async () => {
  const dataset = await defaultRegion();
  const inputs = buildModelInputs(dataset, defaultParameters(dataset, TODAY));
  const central = runDeterministic(inputs).outputs.nqtNeed;
  const need = districtNeedFromModel(inputs, { p10: central, p50: central, p90: central });

  it("gives Sheffield's Mathematics entry year 2027/28 the model's NQT need of 2028/29", () => {
    const d = inputs.districts.findIndex((district) => district.code === 'E08000019');
    const g = inputs.groups.indexOf('Mathematics');
    const y = inputs.years.indexOf(academicYear('2028/29'));
    const row = need.find(
      (n) =>
        n.districtCode === 'E08000019' &&
        n.subject === 'Mathematics' &&
        n.year === academicYear('2027/28'),
    );
    expect(row?.p50).toBe(central[cellIndex(inputs, d, g, y)]);
  });
});
