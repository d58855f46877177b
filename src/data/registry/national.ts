/** National series of the Teacher Workforce Model (TWM): pupils, teachers and flows. */
import { z } from 'zod';
import { NATIONAL_FLOW_FTE, PUPILS_IN_ENGLAND, TEACHERS_IN_ENGLAND } from './ranges.ts';
import {
  academicYear,
  calendarYear,
  numberCell,
  oneOf,
  optionalNumber,
  phaseCell,
  yesNo,
} from '../cells.ts';
import { NATIONAL_FLOW_TYPES, type Located } from '../schemas.ts';
import { SUBJECT_GROUPS, type NationalFlow } from '../types.ts';
import { OGL, TWM } from './citations.ts';
import { tableFile } from './entry.ts';

export const nationalPupilTeacher = tableFile({
  key: 'nationalPupilTeacher',
  path: 'national_pupil_teacher_numbers.csv',
  title: 'National pupils and teacher FTE by phase, 2010/11-2027/28 (TWM file 1)',
  source: `${TWM}, 1_pupil_teacher_numbers`,
  date: '23 April 2026',
  licence: OGL,
  provenance: ['published'],
  notes:
    "projection = Yes marks the TWM's modelled years (2025/26 onwards). The TWM pupil count is broader than the SCAP number on roll (it includes nursery and sixth-form pupils).",
  table: {
    title: 'national pupils and teachers',
    row: z.object({
      time_period: academicYear(),
      phase: phaseCell(),
      projection: yesNo(),
      pupils: numberCell(PUPILS_IN_ENGLAND),
      teachers_fte: numberCell(TEACHERS_IN_ENGLAND),
    }),
    key: ['time_period', 'phase'],
  },
  dataset: {
    fields: ['nationalPupilTeacher'],
    build: ({ rows }) => ({
      nationalPupilTeacher: rows.map(({ value: r }) => ({
        phase: r.phase,
        year: r.time_period,
        pupils: r.pupils,
        teacherFte: r.teachers_fte,
        projection: r.projection === 'Yes',
      })),
    }),
  },
});

const flowRow = z.object({
  time_period: academicYear(),
  phase: phaseCell(),
  subject: oneOf([...SUBJECT_GROUPS, 'Total'] as const, 'TWM subject'),
  flow_type: oneOf(NATIONAL_FLOW_TYPES, 'TWM flow type'),
  flow_status: oneOf(['Historic', 'Trajectory'] as const, 'flow status'),
  publication_year: calendarYear(),
  leaver_rate: optionalNumber({ min: 0, max: 1 }),
  flow_fte: optionalNumber(NATIONAL_FLOW_FTE),
});

/** Flow rows as the dataset holds them; a missing value (e.g. 2027/28 NQEs) is left out. */
function flowsOf(rows: readonly Located<z.output<typeof flowRow>>[]): NationalFlow[] {
  return rows.flatMap(({ value: r }) => {
    const value = r.leaver_rate ?? r.flow_fte;
    return value === null
      ? []
      : [
          {
            phase: r.phase,
            subject: r.subject,
            type: r.flow_type,
            year: r.time_period,
            value,
            historic: r.flow_status === 'Historic',
            publicationYear: r.publication_year,
          },
        ];
  });
}

export const nationalFlows = tableFile({
  key: 'nationalFlows',
  path: 'national_teacher_flows_2026_publication.csv',
  title: 'National TWM flows by phase and subject, 2026 publication (TWM file 5)',
  source: `${TWM}, 5_flow_trajectories_2026_publication`,
  date: '23 April 2026',
  licence: OGL,
  provenance: ['published'],
  notes:
    'Leaver rates are fractions of FTE stock, labelled by the year the leaver is counted; returners, new to sector and newly qualified entrants are FTE counts. Trajectory rows (2025/26-2027/28) are modelled. 2027/28 newly qualified entrants are blank in the source (x here). The loader uses this publication.',
  table: {
    title: 'national TWM flows',
    row: flowRow,
    key: ['time_period', 'phase', 'subject', 'flow_type'],
    // A rate flow has no FTE and a count flow no rate.
    tableChecks: (rows) =>
      rows.flatMap(({ line, value }) => {
        const isRate = value.flow_type.includes('rate');
        const misplaced = isRate ? value.flow_fte : value.leaver_rate;
        return misplaced === null
          ? []
          : [
              {
                line,
                column: isRate ? 'flow_fte' : 'leaver_rate',
                reason: `must be z for a ${isRate ? 'rate' : 'count'} flow (${value.flow_type})`,
              },
            ];
      }),
  },
  dataset: {
    fields: ['nationalFlows'],
    build: ({ rows }) => ({ nationalFlows: flowsOf(rows) }),
  },
});

export const nationalFlows2025 = tableFile({
  key: 'nationalFlows2025',
  path: 'national_teacher_flows_2025_publication.csv',
  title: 'National TWM flows, 2025 publication (TWM file 4): what it projected',
  source: `${TWM}, 4_flow_trajectories_2025_publication`,
  date: '23 April 2026',
  licence: OGL,
  provenance: ['published'],
  notes:
    "The 2026 publication supersedes it for the model's inputs; it is loaded as what the 2025 publication projected, for the backtest and the calibration of the uncertainty ranges.",
  table: { ...nationalFlows.table, row: flowRow },
  dataset: {
    fields: ['earlierNationalFlows'],
    build: ({ rows }) => ({ earlierNationalFlows: flowsOf(rows) }),
  },
});

export const nationalPupilProjections = tableFile({
  key: 'nationalPupilProjections',
  path: 'national_pupil_projections.csv',
  title: 'National pupil projections by phase: the July 2021 and July 2022 releases',
  source:
    'DfE National pupil projections (explore-education-statistics.service.gov.uk/find-statistics/national-pupil-projections): the 2022 model (July 2022) and the update to the 2020 model (July 2021), as stored; source/README-swc.md',
  date: 'July 2021 and July 2022',
  licence: OGL,
  provenance: ['published'],
  notes:
    "Thousands of pupils in state-funded nursery & primary and in secondary schools, January census (time_period 202223 = January 2023). figure_status actual marks each release's base year. Read against the TWM's pupil outturn (growth from the base year, as the coverage differs) to estimate the pupil projection error of the Monte Carlo ranges.",
  table: {
    title: 'national pupil projections',
    row: z.object({
      time_period: academicYear(),
      publication_year: calendarYear(),
      phase: phaseCell(),
      figure_status: oneOf(['actual', 'projected'] as const, 'figure status'),
      pupils_thousands: numberCell({ above: 0, below: 20_000, what: 'thousands of pupils' }),
    }),
    key: ['time_period', 'publication_year', 'phase'],
  },
  dataset: {
    fields: ['nationalPupilProjections'],
    build: ({ rows }) => ({
      nationalPupilProjections: rows.map(({ value: r }) => ({
        publicationYear: r.publication_year,
        phase: r.phase,
        year: r.time_period,
        actual: r.figure_status === 'actual',
        pupils: r.pupils_thousands * 1000,
      })),
    }),
  },
});

/** In the order the Data sources page lists them. */
export const nationalFiles = [
  nationalPupilTeacher,
  nationalFlows,
  nationalFlows2025,
  nationalPupilProjections,
] as const;
