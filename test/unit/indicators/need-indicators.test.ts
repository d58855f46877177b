import { describe, expect, it } from 'vitest';
import type { NeedRecord } from '../../../src/allocation/problem.ts';
import type { DistrictOutcome } from '../../../src/allocation/solution.ts';
import type { DistrictPhaseBaseline, PupilProjection } from '../../../src/data/types.ts';
import {
  allocationIndicators,
  nqtNeedPer1000Pupils,
  pupilCounts,
  type PupilCount,
} from '../../../src/indicators/need-indicators.ts';
import { academicYear } from '../../../src/data/academic-year.ts';

const districts = [{ code: 'D1' }, { code: 'D2' }, { code: 'D3' }, { code: 'D4' }];

const pupil = (
  districtCode: string,
  phase: 'primary' | 'secondary',
  pupils: number,
): PupilCount => ({
  districtCode,
  phase,
  year: academicYear('2026/27'),
  pupils,
  provenance: 'estimated',
});
// D1 6,000 + 4,000 = 10,000; D2 3,000 + 2,000 = 5,000; D3 has no secondary count; D4 1,000 + 1,000.
const pupils: PupilCount[] = [
  pupil('D1', 'primary', 6000),
  pupil('D1', 'secondary', 4000),
  pupil('D2', 'primary', 3000),
  pupil('D2', 'secondary', 2000),
  pupil('D3', 'primary', 1000),
  pupil('D4', 'primary', 1000),
  pupil('D4', 'secondary', 1000),
  { ...pupil('D1', 'primary', 1), year: academicYear('2027/28') },
];

const need = (
  districtCode: string,
  subject: NeedRecord['subject'],
  teachers: number,
  nqtYear = academicYear('2026/27'),
) => ({
  districtCode,
  subject,
  nqtYear,
  teachers,
});
const needRecords: NeedRecord[] = [
  need('D1', 'Primary', 18),
  need('D1', 'Mathematics', 5),
  need('D1', 'Physics', 3),
  need('D2', 'Primary', 3),
  // Returners and other routes more than replace leavers: negative need is kept, not clipped.
  need('D2', 'English', -1.5),
  need('D3', 'Primary', 2),
  need('D1', 'Primary', 100, academicYear('2027/28')), // another year: ignored
];

const valueOf = (indicator: { values: { areaCode: string; value: number | null }[] }) =>
  Object.fromEntries(indicator.values.map((v) => [v.areaCode, v.value]));

describe('nqtNeedPer1000Pupils', () => {
  it('divides the year’s need by the year’s pupils: D1 1,000 x 26 / 10,000 = 2.6', () => {
    const indicator = nqtNeedPer1000Pupils(districts, needRecords, pupils, academicYear('2026/27'));
    const values = valueOf(indicator);
    expect(values.D1).toBeCloseTo(2.6, 12);
    // D2: (3 - 1.5) / 5,000 x 1,000 = 0.3.
    expect(values.D2).toBeCloseTo(0.3, 12);
    // D3 lacks secondary pupils: no value rather than a need divided by primary pupils only.
    expect(values.D3).toBeNull();
    // D4 has pupils and no need: 0.
    expect(values.D4).toBe(0);
  });

  it('by phase: primary need over primary pupils, secondary subjects over secondary pupils', () => {
    const primary = valueOf(
      nqtNeedPer1000Pupils(districts, needRecords, pupils, academicYear('2026/27'), 'primary'),
    );
    // D1 18 / 6,000 x 1,000 = 3; D2 3 / 3,000 x 1,000 = 1; D3 2 / 1,000 x 1,000 = 2.
    expect(primary.D1).toBeCloseTo(3, 12);
    expect(primary.D2).toBeCloseTo(1, 12);
    expect(primary.D3).toBeCloseTo(2, 12);
    const secondary = valueOf(
      nqtNeedPer1000Pupils(districts, needRecords, pupils, academicYear('2026/27'), 'secondary'),
    );
    // D1 (5 + 3) / 4,000 x 1,000 = 2; D2 -1.5 / 2,000 x 1,000 = -0.75; D3 no secondary pupils.
    expect(secondary.D1).toBeCloseTo(2, 12);
    expect(secondary.D2).toBeCloseTo(-0.75, 12);
    expect(secondary.D3).toBeNull();
  });

  it('phase parts weighted by pupils add up to the whole', () => {
    const whole = valueOf(
      nqtNeedPer1000Pupils(districts, needRecords, pupils, academicYear('2026/27')),
    );
    const primary = valueOf(
      nqtNeedPer1000Pupils(districts, needRecords, pupils, academicYear('2026/27'), 'primary'),
    );
    const secondary = valueOf(
      nqtNeedPer1000Pupils(districts, needRecords, pupils, academicYear('2026/27'), 'secondary'),
    );
    // D1: 3 x 6,000 / 10,000 + 2 x 4,000 / 10,000 = 2.6.
    expect(primary.D1! * 0.6 + secondary.D1! * 0.4).toBeCloseTo(whole.D1!, 12);
    expect(primary.D2! * 0.6 + secondary.D2! * 0.4).toBeCloseTo(whole.D2!, 12);
  });

  it('says what it is: more need is worse, estimated, district level, year in label and source', () => {
    const indicator = nqtNeedPer1000Pupils(districts, needRecords, pupils, academicYear('2026/27'));
    expect(indicator).toMatchObject({
      id: 'model_nqt_need_per_1000_all_202627',
      level: 'district',
      higherIsWorse: true,
      provenance: 'estimated',
      unit: 'NQTs (FTE) per 1,000 pupils',
    });
    expect(indicator.label).toBe('Forecast NQT need per 1,000 pupils, 2026/27');
    expect(indicator.source).toMatch(/central projection, NQT year 2026\/27/);
    expect(indicator.source).toMatch(/partly estimated/);
    expect(
      nqtNeedPer1000Pupils(districts, needRecords, pupils, academicYear('2026/27'), 'primary').id,
    ).toBe('model_nqt_need_per_1000_primary_202627');
  });
});

const outcome = (
  districtCode: string,
  subject: DistrictOutcome['subject'],
  figures: { need: number; supply: number; unmet: number; surplus: number },
  nqtYear = academicYear('2026/27'),
): DistrictOutcome => ({
  districtCode,
  districtName: districtCode,
  subject,
  nqtYear,
  weight: 1,
  ...figures,
});
// Each row balances: supply + unmet - surplus = need.
const outcomes: DistrictOutcome[] = [
  outcome('D1', 'Primary', { need: 18, supply: 15, unmet: 3, surplus: 0 }),
  outcome('D1', 'Mathematics', { need: 5, supply: 7, unmet: 0, surplus: 2 }),
  outcome('D2', 'Primary', { need: 3, supply: 0, unmet: 3, surplus: 0 }),
  outcome('D2', 'English', { need: 0, supply: 0.5, unmet: 0, surplus: 0.5 }),
  outcome('D1', 'Primary', { need: 50, supply: 0, unmet: 50, surplus: 0 }, academicYear('2027/28')), // ignored
];

describe('allocationIndicators', () => {
  const [supply, unmet] = allocationIndicators(
    districts,
    outcomes,
    pupils,
    academicYear('2026/27'),
    'illustrative',
  );

  it('expected NQTs per 1,000 pupils: D1 (15 + 7) / 10,000 x 1,000 = 2.2; D2 0.5 / 5,000 x 1,000 = 0.1', () => {
    const values = valueOf(supply!);
    expect(values.D1).toBeCloseTo(2.2, 12);
    expect(values.D2).toBeCloseTo(0.1, 12);
    expect(values.D3).toBeNull(); // no secondary pupils
    expect(values.D4).toBe(0); // no outcomes: nothing supplied
  });

  it('unmet need per 1,000 pupils: D1 3 / 10,000 x 1,000 = 0.3; D2 3 / 5,000 x 1,000 = 0.6', () => {
    const values = valueOf(unmet!);
    expect(values.D1).toBeCloseTo(0.3, 12);
    expect(values.D2).toBeCloseTo(0.6, 12);
  });

  it('supply + unmet - surplus per 1,000 pupils equals the need per 1,000 pupils', () => {
    const needRows = outcomes.map((o) => need(o.districtCode, o.subject, o.need, o.nqtYear));
    const needValues = valueOf(
      nqtNeedPer1000Pupils(districts, needRows, pupils, academicYear('2026/27')),
    );
    // Surplus: D1 2 / 10,000 x 1,000 = 0.2; D2 0.5 / 5,000 x 1,000 = 0.1.
    expect(valueOf(supply!).D1! + valueOf(unmet!).D1! - 0.2).toBeCloseTo(needValues.D1!, 12);
    expect(valueOf(supply!).D2! + valueOf(unmet!).D2! - 0.1).toBeCloseTo(needValues.D2!, 12);
  });

  it('more supply is better, more unmet need worse; provenance passed through', () => {
    expect(supply).toMatchObject({
      id: 'allocation_expected_nqts_per_1000_202627',
      higherIsWorse: false,
      provenance: 'illustrative',
      level: 'district',
    });
    expect(unmet).toMatchObject({
      id: 'allocation_unmet_need_per_1000_202627',
      higherIsWorse: true,
      provenance: 'illustrative',
    });
    expect(unmet!.label).toBe('Unmet NQT need after the allocation per 1,000 pupils, 2026/27');
    expect(unmet!.source).toMatch(/partnership capacities illustrative/);
    const [estimated] = allocationIndicators(
      districts,
      outcomes,
      pupils,
      academicYear('2026/27'),
      'estimated',
    );
    expect(estimated!.source).not.toMatch(/illustrative/);
  });
});

describe('pupilCounts', () => {
  it('puts base-year pupils and projections in one list by year', () => {
    const baseline: DistrictPhaseBaseline = {
      districtCode: 'D1',
      phase: 'primary',
      baseYear: academicYear('2024/25'),
      pupils: 5000,
      teacherFte: 250,
      pupilsProvenance: 'published',
      teacherFteProvenance: 'estimated',
      method: '',
    };
    const projection: PupilProjection = {
      districtCode: 'D1',
      phase: 'primary',
      year: academicYear('2025/26'),
      pupils: 4900,
      counted: false,
      provenance: 'estimated',
      method: '',
    };
    expect(pupilCounts([baseline], [projection])).toEqual([
      {
        districtCode: 'D1',
        phase: 'primary',
        year: academicYear('2024/25'),
        pupils: 5000,
        provenance: 'published',
      },
      {
        districtCode: 'D1',
        phase: 'primary',
        year: academicYear('2025/26'),
        pupils: 4900,
        provenance: 'estimated',
      },
    ]);
  });
});
