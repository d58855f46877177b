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

describe('forecastEntryYears', () => {
  it('files NQT years 2025/26 to 2028/29 under entry years 2025/26 to 2027/28 (base 2024/25)', () => {
    // NQT year 2025/26 -> entry 2024/25 = the base year, already started: left out.
    const inputs = {
      baseYear: academicYear('2024/25'),
      years: [
        academicYear('2025/26'),
        academicYear('2026/27'),
        academicYear('2027/28'),
        academicYear('2028/29'),
      ],
    };
    expect(forecastEntryYears(inputs)).toEqual([
      academicYear('2025/26'),
      academicYear('2026/27'),
      academicYear('2027/28'),
    ]);
    expect(forecastEntryYears(inputs, 2)).toEqual([
      academicYear('2025/26'),
      academicYear('2026/27'),
    ]);
  });
});

describe('districtNeedFromModel on a hand-made 2 districts x 2 groups x 3 years model', () => {
  // Cell (d, g, y) = (d x 2 + g) x 3 + y; P50 of a cell = its index, P10 = index - 1, P90 = index + 2.
  const inputs = {
    baseYear: academicYear('2024/25'),
    years: [academicYear('2025/26'), academicYear('2026/27'), academicYear('2027/28')],
    districts: [
      { code: 'A', name: 'A' },
      { code: 'B', name: 'B' },
    ],
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
  const inputs = buildModelInputs(dataset, defaultParameters(dataset));
  const central = runDeterministic(inputs).outputs.nqtNeed;
  const need = districtNeedFromModel(inputs, { p10: central, p50: central, p90: central });

  it("gives Sheffield's Mathematics entry year 2026/27 the model's NQT need of 2027/28", () => {
    const d = inputs.districts.findIndex((district) => district.code === 'E08000019');
    const g = inputs.groups.indexOf('Mathematics');
    const y = inputs.years.indexOf(academicYear('2027/28'));
    const row = need.find(
      (n) =>
        n.districtCode === 'E08000019' &&
        n.subject === 'Mathematics' &&
        n.year === academicYear('2026/27'),
    );
    expect(row?.p50).toBe(central[cellIndex(inputs, d, g, y)]);
  });
});
