import { describe, expect, it } from 'vitest';
import type { School } from '../../../src/data/types.ts';
import {
  anchorDistricts,
  defaultPartnerSchools,
  isEligibleSchool,
  partnerSchoolSummary,
  resolveShares,
  schoolPhasePupils,
  type PartnerSchoolLink,
} from '../../../src/partnerships/index.ts';
import { defaultRegion } from '../../fixtures/partnerships/default-data.ts';
import { HAND_ASSIGNMENT, HAND_SCHOOLS } from '../../fixtures/partnerships/hand-case.ts';

const link = (
  partnershipCode: string,
  schoolUrn: string,
  share: number | null = null,
): PartnerSchoolLink => ({
  partnershipCode,
  schoolUrn,
  share,
  provenance: 'imported',
});

describe('schoolPhasePupils', () => {
  it('puts primary and secondary pupils in their phase and splits all-through 7/12 : 5/12', () => {
    const base = { pupils: 1200 };
    expect(schoolPhasePupils({ ...base, phase: 'Primary' })).toEqual({
      primary: 1200,
      secondary: 0,
    });
    expect(schoolPhasePupils({ ...base, phase: 'Secondary' })).toEqual({
      primary: 0,
      secondary: 1200,
    });
    // 1200 x 7/12 = 700 primary, 1200 x 5/12 = 500 secondary.
    const allThrough = schoolPhasePupils({ ...base, phase: 'All through' });
    expect(allThrough.primary).toBeCloseTo(700, 12);
    expect(allThrough.secondary).toBeCloseTo(500, 12);
  });

  it('gives no pupils to nurseries, 16 plus, Not applicable and schools without a count', () => {
    for (const phase of ['Nursery', '16 plus', 'Not applicable']) {
      expect(schoolPhasePupils({ phase, pupils: 100 })).toEqual({ primary: 0, secondary: 0 });
    }
    expect(schoolPhasePupils({ phase: 'Primary', pupils: null })).toEqual({
      primary: 0,
      secondary: 0,
    });
    expect(isEligibleSchool({ phase: 'Primary', pupils: null })).toBe(false);
  });
});

describe('resolveShares', () => {
  it('splits a school linked to k partnerships without shares 1/k each', () => {
    const shares = resolveShares([link('A', '1'), link('B', '1'), link('C', '1'), link('A', '2')]);
    expect(shares.get('1')?.map((s) => s.share)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(shares.get('2')).toEqual([{ partnershipCode: 'A', share: 1 }]);
  });

  it('uses declared shares and splits the rest among undeclared links: 0.5 declared, two others get 0.25', () => {
    const shares = resolveShares([link('A', '1', 0.5), link('B', '1'), link('C', '1')]);
    expect(shares.get('1')?.map((s) => s.share)).toEqual([0.5, 0.25, 0.25]);
  });

  it('leaves declared shares summing below 1 short (the rest is pool) and refuses sums above 1', () => {
    expect(
      resolveShares([link('A', '1', 0.3), link('B', '1', 0.2)])
        .get('1')
        ?.map((s) => s.share),
    ).toEqual([0.3, 0.2]);
    expect(() => resolveShares([link('A', '1', 0.7), link('B', '1', 0.4)])).toThrow(/more than 1/);
    expect(() => resolveShares([link('A', '1', 0)])).toThrow(/not in \(0, 1\]/);
    expect(() => resolveShares([link('A', '1'), link('A', '1')])).toThrow(/twice/);
  });
});

describe('defaultPartnerSchools on a small region', () => {
  // Five primary schools on a line 1 km apart in E1; nothing in E2.
  const schools: School[] = [0, 1, 2, 3, 4].map((i) => ({
    urn: String(100 + i),
    name: null,
    phase: 'Primary',
    districtCode: 'E1',
    lsoaCode: null,
    pupils: 100,
    longitude: 0,
    latitude: i / 110.57,
  }));
  const partnerships = [
    { code: 'A', homeDistrictCode: 'E1', trainingPartners: [] },
    {
      code: 'B',
      homeDistrictCode: null,
      trainingPartners: [{ code: 'x', name: 'x', districtCode: 'E1' }],
    },
    {
      code: 'C',
      homeDistrictCode: null,
      trainingPartners: [{ code: 'y', name: 'y', districtCode: null }],
    },
  ].map((p) => ({
    ...p,
    name: p.code,
    type: 'SCITT' as const,
    inRegionShare: 1,
    inRegionShareProvenance: 'illustrative' as const,
    employmentFootprint: {},
    footprintProvenance: 'illustrative' as const,
    footprintMethod: '',
  }));

  it('gives each anchored partnership ceil(coverage x schools / partnerships) nearest its hub; none to an unanchored one', () => {
    // 2 partnerships anchored in E1: quota ceil(0.8 x 5 / 2) = 2 each.
    const assignment = defaultPartnerSchools(partnerships, schools);
    const of = (code: string) => assignment.links.filter((l) => l.partnershipCode === code);
    expect(of('A')).toHaveLength(2);
    expect(of('B')).toHaveLength(2);
    expect(of('C')).toHaveLength(0);
    // Each partnership's schools are neighbours on the line (nearest its hub).
    for (const code of ['A', 'B']) {
      const positions = of(code)
        .map((l) => Number(l.schoolUrn))
        .sort();
      expect(Math.abs((positions[1] ?? 0) - (positions[0] ?? 0))).toBe(1);
    }
    expect(assignment.links.every((l) => l.provenance === 'illustrative' && l.share === null)).toBe(
      true,
    );
    expect(assignment.method).toMatch(/^Illustrative/);
  });

  it('is deterministic for a seed and changes with it', () => {
    const a = defaultPartnerSchools(partnerships, schools);
    expect(defaultPartnerSchools(partnerships, [...schools].reverse())).toEqual(a);
    const others = [1, 2, 3, 4, 5].map((seed) =>
      defaultPartnerSchools(partnerships, schools, {
        seed,
        coverage: 0.8,
        maxPartnershipsPerSchool: 2,
      }),
    );
    expect(others.some((o) => JSON.stringify(o.links) !== JSON.stringify(a.links))).toBe(true);
  });

  it('never links a school to more partnerships than allowed', () => {
    const assignment = defaultPartnerSchools(partnerships, schools, {
      seed: 1,
      coverage: 1,
      maxPartnershipsPerSchool: 1,
    });
    const urns = assignment.links.map((l) => l.schoolUrn);
    expect(new Set(urns).size).toBe(urns.length);
  });
});

describe('defaultPartnerSchools on the default region (shipped data: GIAS 2018, register of training providers)', async () => {
  const { schools, partnerships } = await defaultRegion();
  const assignment = defaultPartnerSchools(partnerships, schools);
  const linksPerSchool = new Map<string, number>();
  for (const l of assignment.links)
    linksPerSchool.set(l.schoolUrn, (linksPerSchool.get(l.schoolUrn) ?? 0) + 1);
  const eligible = schools.filter(isEligibleSchool);

  it('links eligible schools only, in the districts where each partnership is anchored', () => {
    const byUrn = new Map(schools.map((s) => [s.urn, s]));
    const anchors = new Map(partnerships.map((p) => [p.code, anchorDistricts(p)]));
    for (const l of assignment.links) {
      const school = byUrn.get(l.schoolUrn);
      expect(school && isEligibleSchool(school)).toBe(true);
      expect(anchors.get(l.partnershipCode)).toContain(school?.districtCode);
    }
  });

  it('shares some schools between two partnerships, none among three, and leaves some in the pool', () => {
    const counts = [...linksPerSchool.values()];
    expect(counts.filter((c) => c === 2).length).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBe(2);
    expect(eligible.filter((s) => !linksPerSchool.has(s.urn)).length).toBeGreaterThan(0);
  });

  it('summarises a partnership by district and phase with shared schools counted at their share', () => {
    const code =
      assignment.links.find((l) => (linksPerSchool.get(l.schoolUrn) ?? 0) === 2)?.partnershipCode ??
      '';
    const summary = partnerSchoolSummary(code, assignment, schools);
    expect(summary.some((row) => row.sharedSchools > 0)).toBe(true);
    for (const row of summary) {
      expect(row.provenance).toBe('illustrative');
      const total = schools
        .filter((s) => s.districtCode === row.districtCode)
        .filter((s) =>
          assignment.links.some((l) => l.partnershipCode === code && l.schoolUrn === s.urn),
        )
        .reduce(
          (sum, s) => sum + schoolPhasePupils(s)[row.phase] / (linksPerSchool.get(s.urn) ?? 1),
          0,
        );
      expect(row.sharedPupils).toBeCloseTo(total, 9);
    }
  });
});

describe('partnerSchoolSummary on the hand-made case', () => {
  it('P1: E1 primary 1 school 200 pupils; E1 secondary 1 shared school, 1000 / 2 = 500 pupils', () => {
    expect(partnerSchoolSummary('P1', HAND_ASSIGNMENT, HAND_SCHOOLS)).toEqual([
      {
        districtCode: 'E1',
        phase: 'primary',
        schools: 1,
        sharedSchools: 0,
        sharedPupils: 200,
        provenance: 'imported',
      },
      {
        districtCode: 'E1',
        phase: 'secondary',
        schools: 1,
        sharedSchools: 1,
        sharedPupils: 500,
        provenance: 'imported',
      },
    ]);
  });
});
