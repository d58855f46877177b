import { describe, expect, it } from 'vitest';
import type {
  AreaIndicator,
  Partnership,
  PartnershipSubjectPlan,
  RegionDataset,
} from '../../../src/data/types.ts';
import {
  allocationProblem,
  defaultSettings,
  districtWeights,
  fieldIds,
  planKey,
  readSettings,
} from '../../../src/ui/allocation/allocation-settings.ts';
import { subjectTotals, subjectTotalsTable } from '../../../src/ui/allocation/subject-totals.ts';
import type { AllocationSolution } from '../../../src/allocation/solution.ts';
import { academicYear, nextAcademicYear } from '../../../src/data/academic-year.ts';
import { formatEesCsv } from '../../../src/data/ees.ts';

function partnership(code: string, name: string, type: Partnership['type']): Partnership {
  return {
    code,
    name,
    type,
    homeDistrictCode: 'D1',
    trainingPartners: [],
    inRegionShare: type === 'Teach First' ? 0.5 : 1,
    inRegionShareProvenance: 'illustrative',
    employmentFootprint: { D1: 0.6, D2: 0.4 },
    footprintProvenance: 'illustrative',
    footprintMethod: 'test',
  };
}

function plan(
  partnershipCode: string,
  subject: PartnershipSubjectPlan['subject'],
  capacity: number,
  lastYearAllocation: number,
): PartnershipSubjectPlan {
  return {
    partnershipCode,
    subject,
    capacity,
    minimumCohort: 2,
    lastYearAllocation,
    lastYearRecruited: lastYearAllocation,
    provenance: 'illustrative',
  };
}

function indicator(id: string, higherIsWorse: boolean, values: [number, number]): AreaIndicator {
  return {
    id,
    label: id,
    level: 'district',
    higherIsWorse,
    unit: 'score',
    source: 'test',
    provenance: 'published',
    values: [
      { areaCode: 'D1', value: values[0] },
      { areaCode: 'D2', value: values[1] },
    ],
  };
}

const district = (code: string, name: string) => ({
  code,
  name,
  educationLaNumber: 1,
  educationLaCode: 'E1',
  educationLaName: 'LA',
  membership: 'constituent',
});

const dataset = {
  regionName: 'Test region',
  districts: [district('D1', 'Northtown'), district('D2', 'Southtown')],
  partnerships: [
    partnership('U1', 'University of Northtown', 'HEI'),
    partnership('TF', 'Teach First', 'Teach First'),
  ],
  partnershipPlans: [
    plan('U1', 'Physics', 10, 8),
    plan('U1', 'Mathematics', 20, 15),
    plan('TF', 'Mathematics', 4, 4),
  ],
  // IMD higher is worse: D2 worse (z = +1); attainment higher is better: D2 worse (z = +1).
  indicators: [
    indicator('imd2015_district_score', true, [10, 30]),
    indicator('ks4_attainment8', false, [50, 40]),
  ],
} as unknown as RegionDataset;

const model = {
  need: [
    {
      districtCode: 'D1',
      subject: 'Physics' as const,
      nqtYear: academicYear('2027/28'),
      teachers: 3,
    },
    {
      districtCode: 'D2',
      subject: 'Mathematics' as const,
      nqtYear: academicYear('2027/28'),
      teachers: 5,
    },
  ],
  entryYears: ['2026/27', '2027/28', '2028/29'].map(academicYear),
  conversionRates: [],
};

describe('allocation settings', () => {
  it('read as the dataset by default, with the shared default cold-spot indicators', () => {
    const settings = defaultSettings(dataset);
    expect(settings.indicatorIds).toEqual(['imd2015_district_score', 'ks4_attainment8']);
    const { errors, read } = readSettings(dataset, settings);
    expect(errors).toEqual([]);
    expect(read!.plans).toEqual(dataset.partnershipPlans);
    expect(read!.options).toMatchObject({ timeLimitSeconds: 20, relativeGap: 0.001 });
  });

  it('name the partnership, subject and field of every bad value', () => {
    const settings = {
      ...defaultSettings(dataset),
      plans: {
        [planKey('U1', 'Physics')]: { capacity: '-3', minimumCohort: '2' },
        [planKey('U1', 'Mathematics')]: { capacity: '6', minimumCohort: '8' },
      },
      caps: { Physics: 'ten' },
      priority: '-1',
      timeLimitSeconds: '0',
      gapPercent: '1',
    };
    const { errors, read } = readSettings(dataset, settings);
    expect(read).toBeNull();
    expect(errors).toEqual([
      {
        fieldId: fieldIds.capacity('U1', 'Physics'),
        text: 'University of Northtown, Physics capacity must be a whole number of 0 or more',
      },
      {
        fieldId: fieldIds.minimumCohort('U1', 'Mathematics'),
        text: 'University of Northtown, Mathematics minimum cohort (8) must not be more than its capacity (6)',
      },
      // Last year 15 places, a 20% band (at least 5 places): the rule keeps 10, never raised.
      {
        fieldId: fieldIds.capacity('U1', 'Mathematics'),
        text: "University of Northtown, Mathematics capacity (6) is below the 10 places the stability rule keeps (last year's 15, at most 5 fewer): type at least 10, or widen the stability band",
      },
      {
        fieldId: 'alloc-cap-physics',
        text: 'The regional cap for Physics must be a whole number of 0 or more',
      },
      { fieldId: 'alloc-priority', text: 'The cold-spot priority must be a number from 0 to 10' },
      {
        fieldId: 'alloc-time-limit',
        text: 'The time limit must be a number of seconds from 1 to 300',
      },
    ]);
  });

  it('read the rule settings and partnership limits, each bad one named at its field', () => {
    const settings = defaultSettings(dataset);
    const { errors, read } = readSettings(dataset, {
      ...settings,
      rules: { ...settings.rules, poolShare: '1', fairnessWeightPerPlace: '' },
      limits: { U1: { totalCapacity: '1e300', mentorCapacity: '' } },
    });
    expect(read).toBeNull();
    expect(errors).toEqual([
      {
        fieldId: fieldIds.rule('poolShare'),
        text: 'Pool share for schools not engaged with any partnership must be from 0 to below 1 (share of places)',
      },
      {
        fieldId: fieldIds.totalCapacity('U1'),
        text: 'University of Northtown total capacity must be a whole number from 0 to 100,000, or blank for no limit',
      },
    ]);
    const widened = readSettings(dataset, {
      ...settings,
      rules: {
        ...settings.rules,
        poolShare: '0.05',
        fairnessWeightPerPlace: '',
        stabilityBand: '',
      },
      limits: { U1: { totalCapacity: '30', mentorCapacity: '' } },
      plans: { [planKey('U1', 'Mathematics')]: { capacity: '6', minimumCohort: '2' } },
    });
    // With the stability rule off, a capacity below last year's places is allowed.
    expect(widened.errors).toEqual([]);
    const problem = allocationProblem(dataset, widened.read!, { D1: 1, D2: 1 }, model);
    expect(problem.pool?.share).toBe(0.05);
    expect(problem.fairness).toBeNull();
    expect(problem.stability).toBeNull();
    expect(problem.partnerships.find((p) => p.code === 'U1')).toMatchObject({
      totalCapacity: 30,
      mentorCapacity: null,
    });
  });

  it('build the problem with edited plans, caps on every entry year and Teach First fixed', () => {
    const settings = {
      ...defaultSettings(dataset),
      plans: { [planKey('U1', 'Physics')]: { capacity: '1,200', minimumCohort: '3' } },
      caps: { Mathematics: '10' },
    };
    const { read } = readSettings(dataset, settings);
    const weights = districtWeights(dataset, settings.indicatorIds, read!.priority);
    // Two districts: each indicator's z-scores are -1 and +1 (signed worse-off), so the index
    // is -1 for D1 and +1 for D2; weight = 1 + 1 x max(0, index) = 1 and 2.
    expect(weights).toEqual({ D1: 1, D2: 2 });
    const problem = allocationProblem(dataset, read!, weights, model);
    expect(problem.districts.map((d) => d.coldSpotWeight)).toEqual([1, 2]);
    expect(problem.regionalCaps).toEqual([
      { subject: 'Mathematics', entryYear: '2026/27', places: 10 },
      { subject: 'Mathematics', entryYear: '2027/28', places: 10 },
      { subject: 'Mathematics', entryYear: '2028/29', places: 10 },
    ]);
    const physics = problem.plans.find((p) => p.subject === 'Physics')!;
    expect(physics).toMatchObject({ capacity: 1200, minimumCohort: 3 });
    const teachFirst = problem.plans.find((p) => p.partnershipCode === 'TF')!;
    expect(teachFirst).toMatchObject({ fixedPlaces: 4, minimumCohort: 0 });
    expect(problem.entryYears).toEqual(['2026/27', '2027/28', '2028/29']);
  });

  it('give every district weight 1 when the priority is 0', () => {
    expect(districtWeights(dataset, ['imd2015_district_score'], 0)).toEqual({ D1: 1, D2: 1 });
  });
});

describe('places by subject', () => {
  const row = (
    subject: 'Physics' | 'Mathematics',
    entryYear: string,
    places: number,
    previousPlaces: number,
  ) => ({
    partnershipCode: 'U1',
    partnershipName: 'University of Northtown',
    subject,
    route: 'HEI postgraduate' as const,
    entryYear: academicYear(entryYear),
    places,
    inRegionPlaces: places,
    expectedNqts: places * 0.6,
    nqtYear: nextAcademicYear(academicYear(entryYear)),
    previousPlaces,
  });
  const solution: AllocationSolution = {
    places: [
      row('Mathematics', '2026/27', 12, 10),
      row('Mathematics', '2027/28', 14, 12),
      row('Physics', '2026/27', 0, 3),
      row('Mathematics', '2026/27', 4, 4),
    ],
    pool: [{ subject: 'Physics', entryYear: academicYear('2026/27'), places: 1 }],
    outcomes: [],
  };

  it('adds plans and pool places per subject for one entry year, in TWM order', () => {
    // Mathematics 2026: 12 + 4 = 16 against 10 + 4 = 14; Physics: 0 + 1 pool against 3.
    expect(subjectTotals(solution, academicYear('2026/27'))).toEqual([
      { subject: 'Mathematics', places: 16, previousPlaces: 14 },
      { subject: 'Physics', places: 1, previousPlaces: 3 },
    ]);
  });

  it('writes an EES table whose Total row is the sum of the subjects', () => {
    const table = subjectTotalsTable(
      { regionName: 'Test region' } as never,
      subjectTotals(solution, academicYear('2026/27')),
      academicYear('2026/27'),
    );
    const csv = formatEesCsv(table).trim().split('\n');
    expect(csv[0]).toContain('subject,places_count,previous_places_count,change_count');
    expect(csv[3]).toMatch(
      /^202627,Academic year,Regional,E92000001,England,x,Test region,Total,17,17,0$/,
    );
  });
});
