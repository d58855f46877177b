/**
 * The default dataset in data/: it loads with zero issues, its joins hold, every figure that
 * is not published is marked, and key numbers match hand-worked examples from the sources.
 */
import { describe, expect, it } from 'vitest';
import { SECONDARY_SUBJECTS, SUBJECT_GROUPS } from '../../../src/data/types.ts';
import { loadReal } from './helpers.ts';

describe('default dataset', () => {
  it('loads with zero issues', async () => {
    const { dataset, issues } = await loadReal();
    expect(issues).toEqual([]);
    expect(dataset.regionName).toBe('Sheffield City Region');
    expect(dataset.baseYear).toBe('2024/25');
    expect(dataset.districts.map((d) => d.code)).toEqual([
      'E08000016',
      'E08000017',
      'E08000018',
      'E08000019',
      'E07000171',
      'E07000033',
      'E07000034',
      'E07000035',
      'E07000038',
    ]);
  });

  it('holds its joins: every district has baselines, projections, LSOAs and only known codes are used', async () => {
    const { dataset } = await loadReal();
    const codes = new Set(dataset.districts.map((d) => d.code));
    for (const d of dataset.districts) {
      for (const phase of ['primary', 'secondary'] as const) {
        expect(
          dataset.baselines.filter((b) => b.districtCode === d.code && b.phase === phase),
        ).toHaveLength(1);
        expect(
          dataset.pupilProjections
            .filter((p) => p.districtCode === d.code && p.phase === phase)
            .map((p) => p.year),
        ).toEqual(['2025/26', '2026/27', '2027/28', '2028/29']);
      }
    }
    const lsoaDistricts = new Set(dataset.schools.map((s) => s.districtCode));
    expect([...lsoaDistricts].every((c) => codes.has(c))).toBe(true);
    for (const p of dataset.partnerships) {
      expect(p.homeDistrictCode === null || codes.has(p.homeDistrictCode)).toBe(true);
      for (const t of p.trainingPartners)
        expect(t.districtCode === null || codes.has(t.districtCode)).toBe(true);
      expect(Object.keys(p.employmentFootprint).sort()).toEqual([...codes, 'outside'].sort());
      const total = Object.values(p.employmentFootprint).reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(1, 9);
      expect(p.trainingPartners.some((t) => t.districtCode !== null)).toBe(true);
    }
    const partnershipCodes = new Set(dataset.partnerships.map((p) => p.code));
    for (const plan of dataset.partnershipPlans)
      expect(partnershipCodes.has(plan.partnershipCode)).toBe(true);
    for (const code of partnershipCodes) {
      expect(
        dataset.partnershipPlans.filter((p) => p.partnershipCode === code).map((p) => p.subject),
      ).toEqual(SUBJECT_GROUPS);
    }
  });

  it('marks every figure that is not published', async () => {
    const { dataset } = await loadReal();
    for (const b of dataset.baselines) {
      expect(b.teacherFteProvenance).toBe('estimated');
      const own =
        dataset.districts.find((d) => d.code === b.districtCode)?.educationLaCode ===
        b.districtCode;
      expect(b.pupilsProvenance).toBe(own ? 'published' : 'estimated');
      expect(b.method).toMatch(/estimated/i);
    }
    expect(dataset.partnershipPlans.every((p) => p.provenance === 'illustrative')).toBe(true);
    expect(dataset.partnerships.every((p) => p.footprintProvenance === 'estimated')).toBe(true);
    expect(dataset.partnerships.every((p) => p.inRegionShareProvenance === 'estimated')).toBe(true);
    const shire = dataset.pupilProjections.filter((p) =>
      ['E07000171', 'E07000033'].includes(p.districtCode),
    );
    expect(shire.every((p) => p.provenance === 'estimated')).toBe(true);
    for (const p of dataset.pupilProjections) expect(p.method.length).toBeGreaterThan(20);
    expect(
      dataset.subjectShares
        .filter((s) => s.provenance === 'estimated')
        .map((s) => s.subject)
        .sort(),
    ).toEqual(['Biology', 'Chemistry', 'Classics', 'Others', 'Physics']);
  });

  it('matches hand-worked Sheffield figures from the SCAP and TWM sources', async () => {
    const { dataset } = await loadReal();
    const sheffield = (phase: string) =>
      dataset.baselines.find((b) => b.districtCode === 'E08000019' && b.phase === phase);
    // Pupils: SCAP PriNOR, January 2025 census (scorecard 2023/24) = 44,174.
    // FTE: 44,174 x 215,631.06 TWM primary teachers 2024/25 / 4,365,857 England PriNOR Jan 2025
    //    = 2,181.77 -> 2,181.8.
    expect(sheffield('primary')).toMatchObject({ pupils: 44174, teacherFte: 2181.8 });
    // Secondary: 30,962 x 219,000.13 / 3,159,437 = 2,146.17 -> 2,146.2.
    expect(sheffield('secondary')).toMatchObject({ pupils: 30962, teacherFte: 2146.2 });
    const projection = (year: string) =>
      dataset.pupilProjections.find(
        (p) => p.districtCode === 'E08000019' && p.phase === 'primary' && p.year === year,
      );
    // 2025/26: January 2026 census 43,123 (published).
    expect(projection('2025/26')).toMatchObject({ pupils: 43123, provenance: 'published' });
    // 2027/28: 43,123 x (1 + 0.01117733) = 43,605.0 (LA forecast, derived).
    expect(projection('2027/28')).toMatchObject({ pupils: 43605, provenance: 'derived' });
    // 2026/27: sqrt(43,123 x 43,605.0) = 43,363.3 (interpolated); 2028/29: 43,605 x sqrt(43,605/43,123) = 43,848.0.
    expect(projection('2026/27')).toMatchObject({ pupils: 43363, provenance: 'estimated' });
    expect(projection('2028/29')).toMatchObject({ pupils: 43848, provenance: 'estimated' });
  });

  it('has subject shares over the 18 TWM subjects that sum to 1 (hand check: English, maths, computing)', async () => {
    const { dataset } = await loadReal();
    expect(dataset.subjectShares.map((s) => s.subject).sort()).toEqual(
      [...SECONDARY_SUBJECTS].sort(),
    );
    expect(dataset.subjectShares.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1, 9);
    const share = (subject: string) =>
      dataset.subjectShares.find((s) => s.subject === subject)?.share;
    // SWC 2024/25 hours: English 541,134 / 3,807,978 = 0.142105; maths 548,091 / 3,807,978 = 0.143932;
    // computing (computer science 70,412 + ICT 36,875) / 3,807,978 = 0.028174.
    expect(share('English')).toBeCloseTo(0.142105, 6);
    expect(share('Mathematics')).toBeCloseTo(0.143932, 6);
    expect(share('Computing')).toBeCloseTo(0.028174, 6);
  });

  it('builds the specialist SCITT footprint by hand: Sheffield only, Yorkshire and The Humber row', async () => {
    const { dataset } = await loadReal();
    const specialist = dataset.partnerships.find((p) => p.code === '2F1');
    // One training location (Sheffield). Y&H all providers: 46% within 25 km, 14% over 100 km.
    // Sheffield keeps 0.46; outside = 0.14 + 50% of the 0.40 middle band = 0.34.
    expect(specialist?.employmentFootprint.E08000019).toBe(0.46);
    expect(specialist?.employmentFootprint.outside).toBe(0.34);
    // University of Derby: 2 current SCR partners, in-region share 2 / (2 + 1).
    expect(dataset.partnerships.find((p) => p.code === 'D39')?.inRegionShare).toBe(0.6667);
    expect(dataset.partnerships.find((p) => p.code === '1TF')?.type).toBe('Teach First');
    expect(dataset.partnerships.map((p) => p.code)).not.toContain('E69');
    expect(dataset.partnerships.map((p) => p.code)).not.toContain('H40');
  });

  it('keeps the TWM national series: 2027/28 newly qualified entrants are missing, not zero', async () => {
    const { dataset } = await loadReal();
    const nq = dataset.nationalFlows.filter(
      (f) => f.type === 'Newly qualified entrants' && f.subject === 'Physics',
    );
    expect(nq.map((f) => f.year)).not.toContain('2027/28');
    expect(nq.find((f) => f.year === '2024/25')?.historic).toBe(true);
    const primary = dataset.nationalPupilTeacher.find(
      (n) => n.phase === 'primary' && n.year === '2024/25',
    );
    expect(primary).toMatchObject({ projection: false });
    expect(primary?.teacherFte).toBeCloseTo(215631.06, 2);
    expect(dataset.nationalFlows.every((f) => f.publicationYear === 2026)).toBe(true);
  });

  it('sets indicator directions: deprivation scores are worse when high, ranks and attainment when low', async () => {
    const { dataset } = await loadReal();
    const direction = Object.fromEntries(dataset.indicators.map((i) => [i.id, i.higherIsWorse]));
    expect(direction).toMatchObject({
      imd2015_score: true,
      imd2015_rank: false,
      imd2019_rank: false,
      imd2019_education_decile: false,
      imd2015_msoa_score: true,
      imd2015_district_score: true,
      ks4_attainment8: false,
      ks4_english_maths_9_4: false,
      gcse_5ac_em: false,
    });
    const attainment = dataset.indicators.find((i) => i.id === 'ks4_attainment8');
    expect(attainment?.source).toMatch(/county-wide/);
    // Bolsover takes the Derbyshire (E10000007) figure, like every Derbyshire district.
    const value = (code: string) => attainment?.values.find((v) => v.areaCode === code)?.value;
    expect(value('E07000033')).toBe(value('E07000035'));
    expect(dataset.indicators.find((i) => i.id === 'imd2015_msoa_score')?.provenance).toBe(
      'derived',
    );
  });

  it('maps free school meals from LAIT by district: the January 2025 census, county figures for shire districts', async () => {
    const { dataset } = await loadReal();
    const fsm = (id: string) => dataset.indicators.find((i) => i.id === id);
    const primary = fsm('fsm_primary_percent');
    const secondary = fsm('fsm_secondary_percent');
    expect(primary).toMatchObject({ level: 'district', unit: '%', higherIsWorse: true });
    expect(primary?.provenance).toBe('published');
    expect(primary?.label).toBe(
      '% of primary pupils eligible for free school meals, 2024/25 (county figure for shire districts)',
    );
    // Worked from data/source/stats/lait_la_indicators_scr.csv, lait_year 2025 (January 2025):
    // PriFSM Sheffield (373) 33.8, Derbyshire (830) 29.3, Nottinghamshire (891) 22.3;
    // SecFSM Sheffield 33, Derbyshire 28.
    const value = (indicator: typeof primary, code: string) =>
      indicator?.values.find((v) => v.areaCode === code)?.value;
    expect(value(primary, 'E08000019')).toBe(33.8);
    expect(value(primary, 'E07000033')).toBe(29.3); // Bolsover: Derbyshire
    expect(value(primary, 'E07000171')).toBe(22.3); // Bassetlaw: Nottinghamshire
    expect(value(secondary, 'E08000019')).toBe(33);
    expect(value(secondary, 'E07000035')).toBe(28); // Derbyshire Dales: Derbyshire
    expect(primary?.values).toHaveLength(9);
  });

  it('names and scores schools from the KS4 file and keeps GIAS points without names', async () => {
    const { dataset } = await loadReal();
    const named = dataset.schools.filter((s) => s.name !== null);
    expect(named.length).toBe(154);
    expect(dataset.schools.find((s) => s.urn === '106651')).toMatchObject({
      name: 'Darton College',
      ks4: { attainment8: 49.8, progress8: 0.37, englishMaths95Percent: 54 },
    });
    expect(
      dataset.schools.every((s) => Number.isFinite(s.longitude) && Number.isFinite(s.latitude)),
    ).toBe(true);
  });
});
