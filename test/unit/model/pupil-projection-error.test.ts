import { describe, expect, it } from 'vitest';
import { academicYear } from '../../../src/data/academic-year.ts';
import { fixedClock } from '../../../src/data/clock.ts';
import { loadRegionDataset } from '../../../src/data/load.ts';
import { nodeReader } from '../../../src/data/node-reader.ts';
import type {
  NationalPupilProjection,
  NationalPupilTeacher,
  Phase,
} from '../../../src/data/types.ts';
import { defaultParameters } from '../../../src/model/defaults.ts';
import { constant } from '../../../src/model/constants.ts';
import { nationalDataset } from '../../../src/model/national.ts';
import { pupilProjectionError } from '../../../src/model/pupil-projection-error.ts';

const y = academicYear;

const projection = (
  publicationYear: number,
  year: string,
  pupils: number,
  actual = false,
  phase: Phase = 'primary',
): NationalPupilProjection => ({ publicationYear, phase, year: y(year), actual, pupils });

const outturn = (year: string, pupils: number, projected = false): NationalPupilTeacher => ({
  phase: 'primary',
  year: y(year),
  pupils,
  teacherFte: 1,
  projection: projected,
});

/*
 * Hand-worked. Outturn (another coverage, so only growth counts): 2019/20 200, 2020/21 204,
 * 2021/22 202, 2022/23 202.
 * Release 2021, base 2019/20 = 100, projects 101 (2020/21) and 102 (2021/22):
 *   err(1) = (204 / 200) / (101 / 100) - 1 = 1.02 / 1.01 - 1 =  0.00990099
 *   err(2) = (202 / 200) / (102 / 100) - 1 = 1.01 / 1.02 - 1 = -0.00980392
 *   e = (1 x 0.00990099 + 2 x -0.00980392) / (1 + 4) = -0.00194137
 * Release 2022, base 2021/22 = 50, projects 49 (2022/23) and 48 (2023/24, no outturn yet:
 * the TWM's own projection of that year is not outturn):
 *   err(1) = (202 / 202) / (49 / 50) - 1 = 0.02040816, e = 0.02040816
 * sd per year = sqrt((0.00194137^2 + 0.02040816^2) / 2) = 0.01449590
 * A secondary release is another phase's and is left out.
 */
describe('pupil projection error per year (hand-worked)', () => {
  const projections = [
    projection(2021, '2019/20', 100, true),
    projection(2021, '2020/21', 101),
    projection(2021, '2021/22', 102),
    projection(2022, '2021/22', 50, true),
    projection(2022, '2022/23', 49),
    projection(2022, '2023/24', 48),
    projection(2022, '2021/22', 10, true, 'secondary'),
    projection(2022, '2022/23', 20, false, 'secondary'),
  ];
  const outturns = [
    outturn('2019/20', 200),
    outturn('2020/21', 204),
    outturn('2021/22', 202),
    outturn('2022/23', 202),
    outturn('2023/24', 150, true),
  ];

  it("scores each release's growth from its base year and takes the root mean square", () => {
    const estimate = pupilProjectionError(projections, outturns, 'primary');
    expect(estimate.releases.map((r) => r.publicationYear)).toEqual([2021, 2022]);
    const [first, second] = estimate.releases;
    expect(first!.errors.map((e) => e.error)).toEqual([
      expect.closeTo(0.00990099, 8),
      expect.closeTo(-0.00980392, 8),
    ]);
    expect(first!.errorPerYear).toBeCloseTo(-0.00194137, 8);
    expect(second!.errors.map((e) => e.horizon)).toEqual([1]);
    expect(second!.errorPerYear).toBeCloseTo(0.02040816, 8);
    expect(estimate.sdPerYear).toBeCloseTo(0.0144959, 7);
  });

  it('gives no estimate where no projected year has outturn', () => {
    expect(pupilProjectionError(projections, outturns, 'secondary').sdPerYear).toBeUndefined();
    expect(pupilProjectionError([], outturns, 'primary').sdPerYear).toBeUndefined();
  });
});

describe('pupil projection error of the default dataset', () => {
  it('is the estimate from the shipped national projections, by phase, nationally too', async () => {
    const { dataset } = await loadRegionDataset(nodeReader());
    expect(dataset.nationalPupilProjections?.length).toBeGreaterThan(0);
    const today = fixedClock('2026-12-03')();
    for (const data of [dataset, nationalDataset(dataset)]) {
      const sd = defaultParameters(data, today).uncertainty.pupilProjectionErrorSdPerYear;
      for (const phase of ['primary', 'secondary'] as const) {
        const estimate = pupilProjectionError(
          dataset.nationalPupilProjections!,
          dataset.nationalPupilTeacher,
          phase,
        );
        // Both releases have outturn years to score.
        expect(estimate.releases).toHaveLength(2);
        expect(sd[phase]).toBe(estimate.sdPerYear);
        expect(sd[phase]).not.toBe(constant('pupilProjectionErrorSdPerYear'));
      }
      // Primary projections missed by more (migration moved primary rolls most).
      expect(sd.primary).toBeGreaterThan(sd.secondary);
    }
  });

  it('falls back to the named illustrative spread without the projections file', async () => {
    const { dataset } = await loadRegionDataset(nodeReader());
    const sd = defaultParameters(
      { ...dataset, nationalPupilProjections: [] },
      fixedClock('2026-12-03')(),
    ).uncertainty.pupilProjectionErrorSdPerYear;
    expect(sd).toEqual({
      primary: constant('pupilProjectionErrorSdPerYear'),
      secondary: constant('pupilProjectionErrorSdPerYear'),
    });
  });
});
