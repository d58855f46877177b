/**
 * Hand-made RegionDataset fixtures for the model tests: two districts, Alpha and Beta, where
 * Beta is Alpha x 3 in every figure (pupils, FTE), and secondary teaching is all Mathematics.
 * National figures are round numbers (1,000 FTE a phase), so Alpha holds 10% of national FTE.
 */
import type {
  AcademicYear,
  NationalFlow,
  NationalFlowType,
  Phase,
  RegionDataset,
  SubjectGroup,
} from '../../../src/data/types.ts';
import { SECONDARY_SUBJECTS } from '../../../src/data/types.ts';
import type { CareerStage, ModelInputs, ParameterOverrides } from '../../../src/model/index.ts';
import { academicYear, byAcademicYear } from '../../../src/data/academic-year.ts';

export const ALPHA = 'E08000901';
export const BETA = 'E08000902';
export const PROJECTION_YEARS = [
  academicYear('2025/26'),
  academicYear('2026/27'),
  academicYear('2027/28'),
];

const district = (code: string, name: string) => ({
  code,
  name,
  educationLaNumber: 900,
  educationLaCode: 'E10000900',
  educationLaName: 'Fixture LA',
  membership: 'constituent',
});

const baseline = (districtCode: string, phase: Phase, pupils: number, teacherFte: number) => ({
  districtCode,
  phase,
  baseYear: academicYear('2024/25'),
  pupils,
  teacherFte,
  pupilsProvenance: 'illustrative' as const,
  teacherFteProvenance: 'illustrative' as const,
  method: 'test fixture',
});

const projections = (districtCode: string, phase: Phase, pupils: number[]) =>
  pupils.map((value, t) => ({
    districtCode,
    phase,
    year: PROJECTION_YEARS[t]!,
    pupils: value,
    counted: false,
    provenance: 'illustrative' as const,
    method: 'test fixture',
  }));

function flow(
  phase: Phase,
  subject: SubjectGroup | 'Total',
  type: NationalFlowType,
  year: AcademicYear,
  value: number,
): NationalFlow {
  return {
    phase,
    subject,
    type,
    year,
    value,
    historic: year <= academicYear('2024/25'),
    publicationYear: 2026,
  };
}

/** National flows for Primary (phase Total) and Mathematics, base year and projection years. */
function nationalFlows(): NationalFlow[] {
  const flows: NationalFlow[] = [];
  const years = [
    academicYear('2021/22'),
    academicYear('2022/23'),
    academicYear('2023/24'),
    academicYear('2024/25'),
    ...PROJECTION_YEARS,
  ];
  years.forEach((year, i) => {
    for (const [phase, subject] of [
      ['primary', 'Total'],
      ['secondary', 'Mathematics'],
      ['secondary', 'Total'],
    ] as const) {
      flows.push(flow(phase, subject, 'Under 55 leaver rate', year, 0.07 + 0.002 * (i % 2)));
      flows.push(flow(phase, subject, '55+ leaver rate', year, 0.02));
      flows.push(flow(phase, subject, 'Total leaver rate', year, 0.09 + 0.002 * (i % 2)));
      flows.push(flow(phase, subject, 'Returners', year, 50 + i));
      flows.push(flow(phase, subject, 'New to state-funded sector entrants', year, 20));
      if (year !== academicYear('2027/28'))
        flows.push(flow(phase, subject, 'Newly qualified entrants', year, 40));
    }
  });
  return flows;
}

export function fixtureDataset(): RegionDataset {
  return {
    regionName: 'Fixture Region',
    baseYear: academicYear('2024/25'),
    districts: [district(ALPHA, 'Alpha'), district(BETA, 'Beta')],
    baselines: [
      baseline(ALPHA, 'primary', 2000, 100),
      baseline(ALPHA, 'secondary', 1500, 100),
      baseline(BETA, 'primary', 6000, 300),
      baseline(BETA, 'secondary', 4500, 300),
    ],
    pupilProjections: [
      ...projections(ALPHA, 'primary', [2100, 2100, 1995]),
      ...projections(ALPHA, 'secondary', [1560, 1620, 1620]),
      ...projections(BETA, 'primary', [6300, 6300, 5985]),
      ...projections(BETA, 'secondary', [4680, 4860, 4860]),
    ],
    subjectShares: SECONDARY_SUBJECTS.map((subject) => ({
      subject,
      share: subject === 'Mathematics' ? 1 : 0,
      provenance: 'illustrative' as const,
      method: 'test fixture',
    })),
    nationalFlows: nationalFlows(),
    earlierNationalFlows: [],
    ittNewEntrants: [],
    qtsAwards: [],
    publishedTraineeNeed: [],
    nationalPupilTeacher: [
      {
        phase: 'primary',
        year: academicYear('2024/25'),
        pupils: 20000,
        teacherFte: 1000,
        projection: false,
      },
      {
        phase: 'primary',
        year: academicYear('2025/26'),
        pupils: 21000,
        teacherFte: 1040,
        projection: true,
      },
      {
        phase: 'primary',
        year: academicYear('2026/27'),
        pupils: 21000,
        teacherFte: 1040,
        projection: true,
      },
      {
        phase: 'primary',
        year: academicYear('2027/28'),
        pupils: 19950,
        teacherFte: 1000,
        projection: true,
      },
      {
        phase: 'secondary',
        year: academicYear('2024/25'),
        pupils: 15000,
        teacherFte: 1000,
        projection: false,
      },
      {
        phase: 'secondary',
        year: academicYear('2025/26'),
        pupils: 15600,
        teacherFte: 1020,
        projection: true,
      },
      {
        phase: 'secondary',
        year: academicYear('2026/27'),
        pupils: 16200,
        teacherFte: 1040,
        projection: true,
      },
      {
        phase: 'secondary',
        year: academicYear('2027/28'),
        pupils: 16200,
        teacherFte: 1040,
        projection: true,
      },
    ],
    partnerships: [],
    partnershipPlans: [],
    schools: [],
    indicators: [],
  };
}

const STAGES: Record<CareerStage, number> = {
  ect1: 0.1,
  ect2: 0.1,
  years3to5: 0.2,
  years6plus: 0.5,
  over55: 0.1,
};
const RATES: Record<CareerStage, number> = {
  ect1: 0.1,
  ect2: 0.1,
  years3to5: 0.05,
  years6plus: 0.05,
  over55: 0.2,
};
const PROGRESSION = { years3to5ToYears6plus: 0.25, years6plusToOver55: 0.1 };
const everyYear = (value: number) => Object.fromEntries(PROJECTION_YEARS.map((y) => [y, value]));

/** The round-number parameters of the hand-worked example (hand-worked.test.ts). */
export function handWorkedOverrides(): ParameterOverrides {
  return {
    // Trainees of entry years 2025/26 and 2026/27 start work in projection years 2 and 3.
    planningEntryYears: [academicYear('2025/26'), academicYear('2026/27')],
    projectionYears: 3,
    demandMode: 'elasticity',
    elasticity: { primary: 1, secondary: 0.5 },
    inductionYears: 2,
    ectTimetableReduction: { ect1: 0.1, ect2: 0.05 },
    stageShares: { Primary: STAGES, Mathematics: STAGES },
    leaverRates: { Primary: RATES, Mathematics: RATES },
    progressionRates: { Primary: PROGRESSION, Mathematics: PROGRESSION },
    workingHourLossRate: { primary: 0, secondary: 0 },
    returners: { Primary: everyYear(50), Mathematics: everyYear(30) },
    newToSector: { Primary: everyYear(20), Mathematics: everyYear(10) },
    postgraduatePipeline: {
      Primary: byAcademicYear({ '2025/26': 100, '2026/27': null, '2027/28': null }),
      Mathematics: byAcademicYear({ '2025/26': 20, '2026/27': 30, '2027/28': null }),
    },
    otherRoutes: { assessmentOnly: { Primary: everyYear(10) } },
    ftePerHead: { primary: 1, secondary: 1 },
    completionRate: { Primary: 0.8, Mathematics: 0.89 },
    employmentRate: { Primary: 0.5, Mathematics: 0.7 },
  };
}

/**
 * P90 - P10 of the region total trainee need in each planned (not yet recruited) year, from
 * draws laid out draw-major: the width of the range the planner sees, year by year.
 */
export function plannedRegionNeedWidths(
  inputs: ModelInputs,
  need: Float64Array,
  drawCount: number,
): number[] {
  const Y = inputs.yearCount;
  const planned = [...Array(Y).keys()].filter((t) => Number.isNaN(inputs.pipeline[t]));
  return planned.map((t) => {
    const totals = Array.from({ length: drawCount }, (_, d) => {
      let sum = 0;
      for (let area = 0; area < inputs.districtCount * inputs.groupCount; area++) {
        sum += need[d * inputs.cellCount + area * Y + t]!;
      }
      return sum;
    }).sort((a, b) => a - b);
    return totals[Math.round(0.9 * (drawCount - 1))]! - totals[Math.round(0.1 * (drawCount - 1))]!;
  });
}
