import { describe, expect, it } from 'vitest';
import { needRecordsFromCells } from '../../../src/allocation/need-from-model.ts';

describe('needRecordsFromCells', () => {
  // Two districts x two groups x two years: the model's cell order is
  // (district x groupCount + group) x yearCount + year, so cell 5 = (1 x 2 + 0) x 2 + 1 is
  // district B, Primary, 2026/27.
  const inputs = {
    districts: [{ code: 'A' }, { code: 'B' }],
    groups: ['Primary', 'Physics'] as const,
    years: ['2025/26', '2026/27'],
    groupCount: 2,
    yearCount: 2,
    cellCount: 8,
  };
  const cells = [1, 2, 3, 4, 5, 6, 7, 8];

  it('files each cell under its district, subject and NQT start year', () => {
    const { need, years } = needRecordsFromCells(
      inputs as unknown as Parameters<typeof needRecordsFromCells>[0],
      cells,
    );
    expect(years).toEqual(['2025/26', '2026/27']);
    expect(need).toHaveLength(8);
    expect(need[5]).toEqual({
      districtCode: 'B',
      subject: 'Primary',
      nqtYear: '2026/27',
      teachers: 6,
    });
    expect(
      need.find(
        (r) => r.districtCode === 'A' && r.subject === 'Physics' && r.nqtYear === '2025/26',
      ),
    ).toMatchObject({ teachers: 3 });
    // Nothing lost or counted twice.
    expect(need.reduce((sum, r) => sum + r.teachers, 0)).toBe(36);
  });

  it('refuses a model output shorter than the inputs', () => {
    expect(() =>
      needRecordsFromCells(
        inputs as unknown as Parameters<typeof needRecordsFromCells>[0],
        cells.slice(0, 7),
      ),
    ).toThrow(/7 cells; its inputs have 8/);
  });
});
