import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { formatEesCsv, formatEesMeta, parseCsv } from '../../../src/data/ees.ts';
import type { School, SubjectGroup } from '../../../src/data/types.ts';
import {
  amalgamate,
  amalgamationTable,
  defaultPartnerSchools,
  partnershipForecast,
  shareWeights,
  type AmalgamationRow,
  type DistrictNeed,
  type IntelligenceEntry,
  type PartnerSchoolLink,
} from '../../../src/partnerships/index.ts';
import {
  defaultRegion,
  deterministicDistrictNeed,
  modelDistrictNeed,
} from '../../fixtures/partnerships/default-data.ts';
import { expectRange } from '../../fixtures/partnerships/expect-range.ts';
import {
  HAND_ASSIGNMENT,
  HAND_NEED,
  HAND_PARTNERSHIPS,
  HAND_SCHOOLS,
  HAND_YEAR,
} from '../../fixtures/partnerships/hand-case.ts';
import { academicYear } from '../../../src/data/academic-year.ts';

function entry(
  id: string,
  partnershipCode: string,
  schoolUrn: string,
  subject: SubjectGroup,
  fteChange: number,
): IntelligenceEntry {
  return {
    id,
    partnershipCode,
    schoolUrn,
    subject,
    year: HAND_YEAR,
    kind: 'retirement',
    fteChange,
    author: 'A. Head',
    reason: 'test',
    enteredAt: '2026-01-15T09:30:00.000Z',
  };
}

function row(
  rows: readonly AmalgamationRow[],
  subject: string,
  label: string,
): AmalgamationRow | undefined {
  return rows.find(
    (r) => r.subject === subject && (r.partnershipCode === label || r.kind === label),
  );
}

describe('amalgamation of the hand-made case (2 districts, 3 partnerships, shared school, pool school, cross-boundary P3)', () => {
  const weights = shareWeights(HAND_ASSIGNMENT, HAND_SCHOOLS);
  const entries = [
    entry('P1-1', 'P1', '1', 'Primary', 1),
    entry('P2-1', 'P2', '5', 'Primary', -0.5),
  ];
  const result = amalgamate(HAND_PARTNERSHIPS, weights, HAND_NEED, entries);

  it('Primary 2026/27: P1 0.4 x E1, P2 all of E2, pool 0.6 x E1 (s2), reconciling to E1 + E2 = (12, 16, 20)', () => {
    // E1 primary need (8, 10, 13), E2 (4, 6, 7).
    // P1 holds s1 = 200 of E1's 500 primary pupils: 0.4 x (8, 10, 13) = (3.2, 4, 5.2).
    expectRange(row(result.rows, 'Primary', 'P1')?.model, { p10: 3.2, p50: 4, p90: 5.2 });
    // P2 holds s4 + s5 = all 400 of E2's primary pupils: (4, 6, 7).
    expectRange(row(result.rows, 'Primary', 'P2')?.model, { p10: 4, p50: 6, p90: 7 });
    expectRange(row(result.rows, 'Primary', 'P3')?.model, { p10: 0, p50: 0, p90: 0 });
    // s2 (300 of 500) is in no partnership: 0.6 x (8, 10, 13) = (4.8, 6, 7.8).
    expectRange(row(result.rows, 'Primary', 'pool')?.model, { p10: 4.8, p50: 6, p90: 7.8 });
    // 3.2 + 4 + 0 + 4.8 = 12; 4 + 6 + 0 + 6 = 16; 5.2 + 7 + 0 + 7.8 = 20 = (8 + 4, 10 + 6, 13 + 7).
    expectRange(row(result.rows, 'Primary', 'total')?.model, { p10: 12, p50: 16, p90: 20 });
  });

  it('Mathematics 2026/27: shared s3 split 1/2 : 1/2 between P1 and P2, not counted twice; P3 counts E2 in full', () => {
    // E1 maths (2, 4, 5): s3 is E1's only secondary school, shared: 0.5 each = (1, 2, 2.5).
    expectRange(row(result.rows, 'Mathematics', 'P1')?.model, { p10: 1, p50: 2, p90: 2.5 });
    expectRange(row(result.rows, 'Mathematics', 'P2')?.model, { p10: 1, p50: 2, p90: 2.5 });
    // E2 maths (1, 3, 4): s6 is E2's only secondary school, held by P3.
    expectRange(row(result.rows, 'Mathematics', 'P3')?.model, { p10: 1, p50: 3, p90: 4 });
    expectRange(row(result.rows, 'Mathematics', 'pool')?.model, { p10: 0, p50: 0, p90: 0 });
    // 1 + 1 + 1 + 0 = 3, 2 + 2 + 3 = 7, 2.5 + 2.5 + 4 = 9 = E1 + E2 = (2 + 1, 4 + 3, 5 + 4).
    expectRange(row(result.rows, 'Mathematics', 'total')?.model, { p10: 3, p50: 7, p90: 9 });
  });

  it('reports P3 outside the region as in-region need x (1 - 0.25) / 0.25 = x 3, without counting it', () => {
    // (1, 3, 4) x 3 = (3, 9, 12): P3's whole activity is estimated at (4, 12, 16), of which 0.25 is in the region.
    expectRange(row(result.rows, 'Mathematics', 'P3')?.outOfRegion, { p10: 3, p50: 9, p90: 12 });
    expectRange(row(result.rows, 'Mathematics', 'P1')?.outOfRegion, { p10: 0, p50: 0, p90: 0 });
    expect(row(result.rows, 'Mathematics', 'pool')?.outOfRegion).toBeNull();
  });

  it('adds accepted intelligence to the partnerships and the regional request: 16 + 1 - 0.5 = 16.5', () => {
    expect(row(result.rows, 'Primary', 'P1')?.intelligence).toBe(1);
    expectRange(row(result.rows, 'Primary', 'P1')?.request, { p10: 4.2, p50: 5, p90: 6.2 });
    expectRange(row(result.rows, 'Primary', 'P2')?.request, { p10: 3.5, p50: 5.5, p90: 6.5 });
    const total = row(result.rows, 'Primary', 'total');
    expect(total?.intelligence).toBe(0.5);
    expectRange(total?.model, { p10: 12, p50: 16, p90: 20 });
    expectRange(total?.request, { p10: 12.5, p50: 16.5, p90: 20.5 });
  });

  it('adds a Total subject per year: P1 (4.2, 6, 7.7), P2 (5, 8, 9.5), P3 (1, 3, 4), pool (4.8, 6, 7.8), total (15, 23, 29)', () => {
    expectRange(row(result.rows, 'Total', 'P1')?.model, { p10: 4.2, p50: 6, p90: 7.7 });
    expectRange(row(result.rows, 'Total', 'P2')?.model, { p10: 5, p50: 8, p90: 9.5 });
    expectRange(row(result.rows, 'Total', 'P3')?.model, { p10: 1, p50: 3, p90: 4 });
    expectRange(row(result.rows, 'Total', 'pool')?.model, { p10: 4.8, p50: 6, p90: 7.8 });
    expectRange(row(result.rows, 'Total', 'total')?.model, { p10: 15, p50: 23, p90: 29 });
    expect(row(result.rows, 'Total', 'total')?.intelligence).toBe(0.5);
  });

  it('reconciles every subject and year: gap below 1e-12', () => {
    expect(result.checks).toHaveLength(3);
    expect(result.maxGap).toBeLessThan(1e-12);
    expect(result.rows).toHaveLength(3 * (3 + 2));
  });

  it('matches each partnership forecast', () => {
    for (const partnership of HAND_PARTNERSHIPS) {
      for (const forecast of partnershipForecast(partnership.code, weights, HAND_NEED)) {
        expect(row(result.rows, forecast.subject, partnership.code)?.model).toEqual(forecast.model);
      }
    }
  });

  it('lists the same retirement entered by two partnerships at a shared school as a possible duplicate', () => {
    const twice = [
      entry('P1-1', 'P1', '3', 'Mathematics', 1),
      entry('P2-1', 'P2', '3', 'Mathematics', 1),
    ];
    const withDuplicates = amalgamate(HAND_PARTNERSHIPS, weights, HAND_NEED, [
      ...twice,
      ...entries,
    ]);
    expect(withDuplicates.possibleDuplicates).toEqual([twice]);
    expect(result.possibleDuplicates).toEqual([]);
  });

  it('refuses entries of a partnership it does not amalgamate', () => {
    expect(() =>
      amalgamate(HAND_PARTNERSHIPS, weights, HAND_NEED, [entry('Q-1', 'Q', '1', 'Primary', 1)]),
    ).toThrow(/Q/);
  });

  it('writes an EES table that formats, with Pool/Total codes and z for their out-of-region cells', () => {
    const table = amalgamationTable(result, HAND_ASSIGNMENT);
    const csv = formatEesCsv(table);
    const { rows } = parseCsv(csv);
    expect(rows).toHaveLength(result.rows.length);
    const pool = rows.find((r) => r.partnership_code === 'Pool' && r.subject === 'Primary');
    expect(pool?.model_nqt_p50).toBe('6');
    expect(pool?.out_of_region_nqt_p50).toBe('z');
    expect(
      rows.find((r) => r.partnership_code === 'P3' && r.subject === 'Mathematics')
        ?.out_of_region_nqt_p90,
    ).toBe('12');
    expect(rows[0]?.time_period).toBe('202627');
    expect(rows[0]?.partner_schools_basis).toBe('imported');
    expect(formatEesMeta(table).split('\n')[1]).toMatch(/^row_type,Filter,/);
  });
});

/** A random region: districts with random schools (all phases, some without counts), links with and without shares. */
function randomCase(seed: number) {
  const random = randomLcg(seed);
  const int = (n: number) => Math.floor(random() * n);
  const districts = Array.from({ length: 1 + int(4) }, (_, i) => `D${i}`);
  const phases = ['Primary', 'Secondary', 'All through', 'Nursery', 'Not applicable'];
  const schools: School[] = [];
  for (const districtCode of districts) {
    for (let i = int(10); i > 0; i -= 1) {
      schools.push({
        urn: String(schools.length + 1),
        name: null,
        phase: phases[int(phases.length)] ?? 'Primary',
        districtCode,
        lsoaCode: null,
        pupils: random() < 0.1 ? null : 1 + int(1500),
        longitude: random(),
        latitude: random(),
      });
    }
  }
  const partnerships = Array.from({ length: 1 + int(5) }, (_, i) => ({
    code: `P${i}`,
    name: `P${i}`,
    inRegionShare: [0, 1, random()][int(3)] ?? 1,
  }));
  const links: PartnerSchoolLink[] = [];
  for (const school of schools) {
    if (random() < 0.3) continue;
    const chosen = partnerships.filter(() => random() < 0.5).slice(0, 3);
    const declared = chosen.map(() => (random() < 0.5 ? 0.05 + random() : null));
    const sum = declared.reduce<number>((s, d) => s + (d ?? 0), 0);
    chosen.forEach((p, i) => {
      const share = declared[i] ?? null;
      links.push({
        partnershipCode: p.code,
        schoolUrn: school.urn,
        share: share === null ? null : sum > 1 ? (share * 0.999) / sum : share,
        provenance: 'imported',
      });
    });
  }
  const need: DistrictNeed[] = [];
  // One extra district with need but no schools: its need must land in the pool.
  for (const districtCode of [...districts, 'DX']) {
    for (const subject of ['Primary', 'Mathematics', 'Physics'] as const) {
      for (const year of [
        academicYear('2026/27'),
        academicYear('2027/28'),
        academicYear('2028/29'),
      ]) {
        const p50 = (random() - 0.2) * 40;
        need.push({
          districtCode,
          subject,
          year,
          p10: p50 - 10 * random(),
          p50,
          p90: p50 + 10 * random(),
        });
      }
    }
  }
  const entries: IntelligenceEntry[] = links
    .filter(() => random() < 0.2)
    .map((link, i) => ({
      ...entry(
        `${link.partnershipCode}-${i + 1}`,
        link.partnershipCode,
        link.schoolUrn,
        'Primary',
        Math.round((random() - 0.5) * 400) / 100,
      ),
      year:
        [academicYear('2026/27'), academicYear('2027/28'), academicYear('2028/29')][int(3)] ??
        academicYear('2026/27'),
    }));
  return { schools, partnerships, links, need, entries };
}

describe('reconciliation on random seeded regions (property)', () => {
  it('partnership rows + pool = sum of district need to 1e-9, and the request adds exactly the entries', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const c = randomCase(seed);
      const weights = shareWeights({ method: '', links: c.links }, c.schools);
      const result = amalgamate(c.partnerships, weights, c.need, c.entries);
      expect(result.maxGap, `seed ${seed}`).toBeLessThanOrEqual(1e-9);
      for (const check of result.checks) {
        const fromNeed = c.need
          .filter(
            (n) =>
              n.year === check.year && (check.subject === 'Total' || n.subject === check.subject),
          )
          .reduce((sum, n) => sum + n.p50, 0);
        expect(Math.abs(check.regionalForecast.p50 - fromNeed), `seed ${seed}`).toBeLessThanOrEqual(
          1e-9,
        );
        const entriesTotal = c.entries
          .filter(
            (e) =>
              e.year === check.year && (check.subject === 'Total' || e.subject === check.subject),
          )
          .reduce((sum, e) => sum + e.fteChange, 0);
        expect(Math.abs(check.intelligence - entriesTotal), `seed ${seed}`).toBeLessThanOrEqual(
          1e-9,
        );
        const requests = result.rows
          .filter((r) => r.kind !== 'total' && r.subject === check.subject && r.year === check.year)
          .reduce((sum, r) => sum + r.request.p90, 0);
        expect(Math.abs(requests - check.adjustedTotal.p90), `seed ${seed}`).toBeLessThanOrEqual(
          1e-9,
        );
      }
    }
  });
});

describe('reconciliation on the default region (shipped data, supply model forecast, illustrative links)', async () => {
  const dataset = await defaultRegion();
  const { schools, partnerships } = dataset;
  const assignment = defaultPartnerSchools(partnerships, schools);
  const weights = shareWeights(assignment, schools);
  const need = modelDistrictNeed(dataset);
  const result = amalgamate(partnerships, weights, need);

  it('covers 15 partnerships, nine districts, 19 subject groups and three entry years', () => {
    expect(partnerships).toHaveLength(15);
    expect(new Set(need.map((n) => n.districtCode)).size).toBe(9);
    // Planned on 3 December 2026: the cycle open then and the next two.
    expect([...new Set(need.map((n) => n.year))]).toEqual([
      academicYear('2027/28'),
      academicYear('2028/29'),
      academicYear('2029/30'),
    ]);
    expect(need).toHaveLength(9 * 19 * 3);
  });

  it('reconciles every subject group and year to 1e-9, for P10, P50 and P90', () => {
    expect(result.checks).toHaveLength(19 * 3 + 3);
    expect(result.maxGap).toBeLessThanOrEqual(1e-9);
    for (const check of result.checks) {
      const fromNeed = need
        .filter(
          (n) =>
            n.year === check.year && (check.subject === 'Total' || n.subject === check.subject),
        )
        .reduce((sum, n) => sum + n.p90, 0);
      expect(Math.abs(check.regionalForecast.p90 - fromNeed)).toBeLessThanOrEqual(1e-9);
    }
  });

  it('reconciles the deterministic model too, and the regional total is the sum of the model need', () => {
    const central = deterministicDistrictNeed(dataset);
    const deterministic = amalgamate(partnerships, weights, central);
    expect(deterministic.maxGap).toBeLessThanOrEqual(1e-9);
    for (const check of deterministic.checks) {
      expect(check.regionalForecast.p10).toBe(check.regionalForecast.p90);
    }
  });

  it('gives the pool a real part of the need and the cross-boundary partnerships an out-of-region estimate', () => {
    const pool = row(result.rows, 'Total', 'pool');
    const total = row(result.rows, 'Total', 'total');
    expect(pool?.model.p50).toBeGreaterThan(0);
    expect(pool?.model.p50).toBeLessThan(total?.model.p50 ?? 0);
    const shareOf = new Map(partnerships.map((p) => [p.code, p.inRegionShare]));
    const crossBoundary = result.rows.filter(
      (r) =>
        r.kind === 'partnership' &&
        r.subject === 'Total' &&
        (shareOf.get(r.partnershipCode ?? '') ?? 1) < 1,
    );
    expect(crossBoundary.length).toBeGreaterThan(0);
    // Out of region = in-region x (1 - s) / s: x 1 for s = 0.5, x 0.4999 for s = 0.6667.
    for (const r of crossBoundary) {
      const s = shareOf.get(r.partnershipCode ?? '') ?? 1;
      expect(r.outOfRegion?.p50).toBeCloseTo((r.model.p50 * (1 - s)) / s, 9);
    }
  });
});

describe('entries outside the district forecast', () => {
  it('are refused rather than silently left out of the total', () => {
    const weights = shareWeights(HAND_ASSIGNMENT, HAND_SCHOOLS);
    const physics = entry('P1-1', 'P1', '3', 'Physics', 1);
    expect(() => amalgamate(HAND_PARTNERSHIPS, weights, HAND_NEED, [physics])).toThrow(
      /Physics 2026\/27/,
    );
    expect(() =>
      partnershipForecast('P1', weights, HAND_NEED, new Map([['Physics|2026/27', 1]])),
    ).toThrow(/Physics 2026\/27/);
  });
});
