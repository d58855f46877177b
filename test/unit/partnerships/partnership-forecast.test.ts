import { describe, expect, it } from 'vitest';
import { expectRange } from '../../fixtures/partnerships/expect-range.ts';
import type { School } from '../../../src/data/types.ts';
import {
  partnershipForecast,
  partnershipWeight,
  poolWeight,
  shareWeights,
  type DistrictNeed,
} from '../../../src/partnerships/index.ts';
import {
  HAND_ASSIGNMENT,
  HAND_NEED,
  HAND_SCHOOLS,
  HAND_YEAR,
} from '../../fixtures/partnerships/hand-case.ts';
import { academicYear } from '../../../src/data/academic-year.ts';

const weights = shareWeights(HAND_ASSIGNMENT, HAND_SCHOOLS);

describe('shareWeights on the hand-made case', () => {
  it('w = share x school pupils / district pupils of the phase', () => {
    // E1 primary: s1 200 + s2 300 = 500 pupils (s8 has no count). P1 holds s1: 200/500 = 0.4; s2 is pool: 0.6.
    expect(partnershipWeight(weights, 'P1', 'E1', 'primary')).toBeCloseTo(0.4, 15);
    expect(poolWeight(weights, 'E1', 'primary')).toBeCloseTo(0.6, 15);
    // E1 secondary: s3 1000 of 1000, shared by P1 and P2 at 1/2 each: 0.5 and 0.5, pool 0.
    expect(partnershipWeight(weights, 'P1', 'E1', 'secondary')).toBeCloseTo(0.5, 15);
    expect(partnershipWeight(weights, 'P2', 'E1', 'secondary')).toBeCloseTo(0.5, 15);
    expect(poolWeight(weights, 'E1', 'secondary')).toBe(0);
    // E2 primary: s4 100 + s5 300 = 400, both P2: 0.25 + 0.75 = 1. E2 secondary: s6, P3: 1.
    expect(partnershipWeight(weights, 'P2', 'E2', 'primary')).toBeCloseTo(1, 15);
    expect(partnershipWeight(weights, 'P3', 'E2', 'secondary')).toBeCloseTo(1, 15);
    expect(partnershipWeight(weights, 'P3', 'E1', 'primary')).toBe(0);
  });

  it('gives the pool the whole need of a district with no pupils of the phase in the schools list', () => {
    expect(poolWeight(weights, 'E9', 'primary')).toBe(1);
  });
});

describe('partnershipForecast', () => {
  it('P1 Primary 2026/27 = 0.4 x E1 (8, 10, 13) = (3.2, 4, 5.2); Mathematics = 0.5 x E1 (2, 4, 5) = (1, 2, 2.5)', () => {
    const rows = partnershipForecast('P1', weights, HAND_NEED);
    expect(rows.map((r) => [r.subject, r.year])).toEqual([
      ['Primary', HAND_YEAR],
      ['Mathematics', HAND_YEAR],
    ]);
    const [primary, maths] = rows;
    expect(primary?.model.p10).toBeCloseTo(3.2, 12);
    expect(primary?.model.p50).toBeCloseTo(4, 12);
    expect(primary?.model.p90).toBeCloseTo(5.2, 12);
    expect(maths?.model).toEqual({ p10: 1, p50: 2, p90: 2.5 });
    expect(primary?.forecast).toEqual(primary?.model);
    expect(primary?.intelligence).toBe(0);
  });

  it('adds intelligence to P10, P50 and P90 alike: P2 Primary (4, 6, 7) - 0.5 = (3.5, 5.5, 6.5)', () => {
    const rows = partnershipForecast(
      'P2',
      weights,
      HAND_NEED,
      new Map([[`Primary|${HAND_YEAR}`, -0.5]]),
    );
    expect(rows[0]?.model).toEqual({ p10: 4, p50: 6, p90: 7 });
    expect(rows[0]?.intelligence).toBe(-0.5);
    expect(rows[0]?.forecast).toEqual({ p10: 3.5, p50: 5.5, p90: 6.5 });
  });

  it('uses the secondary pupil share for every secondary subject and splits all-through schools', () => {
    // One district: all-through school A (1200 pupils: 700 primary, 500 secondary) held by X,
    // secondary school B (1500) and primary school C (700) in the pool.
    // Primary weight of X = 700 / (700 + 700) = 0.5; secondary = 500 / (500 + 1500) = 0.25.
    const schools: School[] = [
      {
        urn: 'A',
        name: null,
        phase: 'All through',
        districtCode: 'D',
        lsoaCode: null,
        pupils: 1200,
        longitude: 0,
        latitude: 0,
      },
      {
        urn: 'B',
        name: null,
        phase: 'Secondary',
        districtCode: 'D',
        lsoaCode: null,
        pupils: 1500,
        longitude: 0,
        latitude: 0,
      },
      {
        urn: 'C',
        name: null,
        phase: 'Primary',
        districtCode: 'D',
        lsoaCode: null,
        pupils: 700,
        longitude: 0,
        latitude: 0,
      },
    ];
    const w = shareWeights(
      {
        method: '',
        links: [{ partnershipCode: 'X', schoolUrn: 'A', share: null, provenance: 'imported' }],
      },
      schools,
    );
    const need: DistrictNeed[] = [
      {
        districtCode: 'D',
        subject: 'Primary',
        year: academicYear('2026/27'),
        p10: 10,
        p50: 20,
        p90: 30,
      },
      {
        districtCode: 'D',
        subject: 'Physics',
        year: academicYear('2026/27'),
        p10: 4,
        p50: 8,
        p90: 12,
      },
      {
        districtCode: 'D',
        subject: 'English',
        year: academicYear('2026/27'),
        p10: 2,
        p50: 4,
        p90: 8,
      },
    ];
    const rows = partnershipForecast('X', w, need);
    const of = (subject: string) => rows.find((r) => r.subject === subject)?.model;
    expectRange(of('Primary'), { p10: 5, p50: 10, p90: 15 });
    expectRange(of('Physics'), { p10: 1, p50: 2, p90: 3 });
    expectRange(of('English'), { p10: 0.5, p50: 1, p90: 2 });
  });

  it('refuses a district forecast with a duplicate row or P10 > P50', () => {
    const bad = { ...HAND_NEED[0]!, p10: 11 };
    expect(() => partnershipForecast('P1', weights, [bad])).toThrow(/P10 <= P50 <= P90/);
    expect(() => partnershipForecast('P1', weights, [HAND_NEED[0]!, HAND_NEED[0]!])).toThrow(
      /twice/,
    );
  });

  it('refuses links to a school missing from the schools list', () => {
    const assignment = {
      method: '',
      links: [
        { partnershipCode: 'P1', schoolUrn: '999', share: null, provenance: 'imported' as const },
      ],
    };
    expect(() => shareWeights(assignment, HAND_SCHOOLS)).toThrow(/999/);
  });
});
