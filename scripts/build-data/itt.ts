/**
 * National ITT figures the supply model splits its newly qualified entrants by route with:
 * ITT census new entrants by course level (and phase where published), QTS awards by route,
 * and DfE's published postgraduate trainee need (the independent check, never an input).
 * Sources: data/source/itt/ (verbatim copies of the research pack, see source/README-itt.md).
 */
import { academicYear, toTimePeriod } from '../../src/data/academic-year.ts';
import { ACADEMIC_YEAR, ENGLAND } from '../../src/data/ees.ts';
import { DATA_FILES } from '../../src/data/registry/index.ts';
import { readSource } from './source.ts';
import { builtFile, filter, indicator, type BuiltFile } from './tables.ts';

const NATIONAL = [
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'country_name',
];
const national = (year: string) => ({
  time_period: toTimePeriod(academicYear(year)),
  time_identifier: ACADEMIC_YEAR,
  geographic_level: 'National',
  ...ENGLAND,
});

const LEVELS: Record<string, string> = {
  pg_new_entrants: 'Postgraduate',
  ug_new_entrants: 'Undergraduate',
};
const PHASES: Record<string, string> = { all: 'Total', primary: 'Primary', secondary: 'Secondary' };

/**
 * New entrants to ITT by entry year, course level and phase: one figure per year, from the
 * latest census release that gives it (a later release revises the year before).
 */
export function buildIttNewEntrants(): BuiltFile {
  const latest = new Map<string, Record<string, string>>();
  for (const row of readSource('itt/itt_census_national_headlines.csv')) {
    const level = LEVELS[row.measure ?? ''];
    const phase = PHASES[row.phase ?? ''];
    if (!level || !phase || !['provisional', 'revised'].includes(row.figure_status ?? '')) continue;
    const key = `${row.academic_year}|${level}|${phase}`;
    const seen = latest.get(key);
    if (!seen || (row.release ?? '') > (seen.release ?? '')) latest.set(key, row);
  }
  const rows = [...latest.values()]
    .map((row) => ({
      ...national(row.academic_year!),
      course_level: LEVELS[row.measure!]!,
      phase: PHASES[row.phase!]!,
      figure_status: row.figure_status!,
      census_release: row.release!,
      source_type: row.source_type!,
      new_entrants_count: Number(row.value),
    }))
    .sort((a, b) =>
      `${a.time_period}${a.course_level}${a.phase}`.localeCompare(
        `${b.time_period}${b.course_level}${b.phase}`,
      ),
    );
  return builtFile(DATA_FILES.ittNewEntrants, {
    columns: [
      ...NATIONAL,
      'course_level',
      'phase',
      'figure_status',
      'census_release',
      'source_type',
      'new_entrants_count',
    ],
    meta: [
      filter('course_level', 'Course level', 'Postgraduate or Undergraduate'),
      filter('phase', 'Phase', 'Total (all phases), Primary or Secondary'),
      filter('figure_status', 'Figure status', 'provisional or revised, as published'),
      filter('census_release', 'ITT census release the figure comes from'),
      filter('source_type', 'Where the figure was read', 'see data/source/README-itt.md'),
      indicator('new_entrants_count', 'New entrants to ITT (headcount, census date in October)', 0),
    ],
    rows,
  });
}

/** QTS awarded by route (Teaching Regulation Agency annual report, via John Howson's table). */
export function buildQtsAwards(): BuiltFile {
  return builtFile(DATA_FILES.qtsAwards, {
    columns: [...NATIONAL, 'qts_route', 'qts_awarded_count'],
    meta: [
      filter('qts_route', 'Route to QTS', 'as printed in the TRA annual report table'),
      indicator('qts_awarded_count', 'QTS awarded (people)', 0),
    ],
    rows: readSource('itt/qts_awards_by_route_tra.csv').map((row) => ({
      ...national(row.year!),
      qts_route: row.qts_route!,
      qts_awarded_count: Number(row.qts_awarded),
    })),
  });
}

/** DfE's published postgraduate ITT trainee need (TWM file 2), kept as the independent check. */
export function buildPublishedTraineeNeed(): BuiltFile {
  return builtFile(DATA_FILES.publishedTraineeNeed, {
    columns: [...NATIONAL, 'phase', 'subject', 'pgitt_trainee_need_count'],
    meta: [
      filter('phase', 'Phase', 'Primary, Secondary or Total'),
      filter('subject', 'Subject', 'TWM secondary subject group; Total for the phase'),
      indicator(
        'pgitt_trainee_need_count',
        'Postgraduate ITT trainee need, headcount of trainees starting in time_period (the entry year), rounded to 5',
        0,
      ),
    ],
    rows: readSource('itt/pgitt_trainee_need_timeseries_2026_publication.csv').map((row) => ({
      time_period: row.time_period!,
      time_identifier: ACADEMIC_YEAR,
      geographic_level: 'National',
      ...ENGLAND,
      phase: row.education_phase!,
      subject: row.subject!,
      pgitt_trainee_need_count: Number(row.pgitt_trainee_need_count),
    })),
  });
}
