/**
 * National initial teacher training figures: ITT census new entrants by course level, QTS
 * awards by route, and DfE's published postgraduate trainee need. The supply model splits its
 * newly qualified entrants by route with the first two; the third is the independent check of
 * its national mode and is never an input.
 */
import { z } from 'zod';
import { academicYear, numberCell, oneOf, text } from '../cells.ts';
import { TRAINEES_IN_ENGLAND } from './ranges.ts';
import { OGL, TWM } from './citations.ts';
import { tableFile } from './entry.ts';

const RESEARCH_PACK =
  'Research pack data/source/README-itt.md (compiled 3 December 2026 from stored copies of the sources named per row)';

export const ittNewEntrants = tableFile({
  key: 'ittNewEntrants',
  path: 'itt_new_entrants_national.csv',
  title: 'New entrants to ITT in England by entry year and course level (ITT census)',
  source: `DfE Initial Teacher Training Census releases 2017/18-2025/26 (explore-education-statistics.service.gov.uk/find-statistics/initial-teacher-training-census), as quoted in each row's source (press, DfE text or DfE repository fixtures); ${RESEARCH_PACK}`,
  date: 'Census releases December 2017 to December 2025',
  licence: OGL,
  provenance: ['published'],
  notes:
    'Headcounts on the census date (second Wednesday of October). One figure per year: the latest release that gives it (a release revises the year before). Undergraduate figures are for all phases (no phase split was found). Series breaks: forecast trainees are in the figures before 2021/22, and the 2025/26 release added self-funded trainees from 2019/20.',
  table: {
    title: 'ITT new entrants',
    row: z.object({
      time_period: academicYear(),
      course_level: oneOf(['Postgraduate', 'Undergraduate'] as const, 'course level'),
      phase: oneOf(['Total', 'Primary', 'Secondary'] as const, 'phase'),
      figure_status: oneOf(['provisional', 'revised'] as const, 'figure status'),
      census_release: text(),
      new_entrants_count: numberCell({ ...TRAINEES_IN_ENGLAND, integer: true }),
    }),
    key: ['time_period', 'course_level', 'phase'],
  },
  dataset: {
    fields: ['ittNewEntrants'],
    build: ({ rows }) => ({
      ittNewEntrants: rows.map(({ value: r }) => ({
        entryYear: r.time_period,
        courseLevel: r.course_level,
        phase: r.phase,
        count: r.new_entrants_count,
      })),
    }),
  },
});

export const qtsAwards = tableFile({
  key: 'qtsAwards',
  path: 'qts_awards_by_route.csv',
  title: 'QTS awarded in England by route, 2021/22-2024/25',
  source: `Teaching Regulation Agency Annual Report and Accounts 2024-25, table as reproduced in John Howson's blog "Numbers granted teaching awards" (johnohowson.com/tag/teacher-regulation); ${RESEARCH_PACK}`,
  date: '2025',
  licence: 'TRA figures are Crown copyright (OGL v3.0); quoted from a blog with attribution',
  provenance: ['published'],
  notes:
    'The blog does not say whether the years are financial or academic years; read as academic years. The routes add up to the all-routes total (checked by the research pack).',
  table: {
    title: 'QTS awards by route',
    row: z.object({
      time_period: academicYear(),
      qts_route: text(),
      qts_awarded_count: numberCell({ ...TRAINEES_IN_ENGLAND, integer: true }),
    }),
    key: ['time_period', 'qts_route'],
  },
  dataset: {
    fields: ['qtsAwards'],
    build: ({ rows }) => ({
      qtsAwards: rows.map(({ value: r }) => ({
        year: r.time_period,
        route: r.qts_route,
        count: r.qts_awarded_count,
      })),
    }),
  },
});

export const publishedTraineeNeed = tableFile({
  key: 'publishedTraineeNeed',
  path: 'pgitt_trainee_need_2026_publication.csv',
  title: "DfE's published postgraduate ITT trainee need, entry years 2021/22-2026/27 (TWM file 2)",
  source: `${TWM}, 2_pgitt_need_timeseries; the same data as EES "Teacher demand and postgraduate trainee need 2026/27" (pgitt_need_202627_timeseries.csv)`,
  date: '23 April 2026',
  licence: OGL,
  provenance: ['published'],
  notes:
    'Headcount of trainees starting postgraduate ITT in the entry year, rounded to 5 (2021/22-2025/26 equal the published PGITT targets). The independent check of the national mode: never used to set a parameter.',
  table: {
    title: 'published postgraduate trainee need',
    row: z.object({
      time_period: academicYear(),
      phase: oneOf(['Primary', 'Secondary', 'Total'] as const, 'phase'),
      subject: text(),
      pgitt_trainee_need_count: numberCell(TRAINEES_IN_ENGLAND),
    }),
    key: ['time_period', 'phase', 'subject'],
  },
  dataset: {
    fields: ['publishedTraineeNeed'],
    build: ({ rows }) => ({
      publishedTraineeNeed: rows.map(({ value: r }) => ({
        entryYear: r.time_period,
        phase: r.phase,
        subject: r.subject,
        count: r.pgitt_trainee_need_count,
      })),
    }),
  },
});

export const ittNationalFiles = [ittNewEntrants, qtsAwards, publishedTraineeNeed] as const;
