/** The national TWM files: pupils and teachers (file 1) and flows (files 4 and 5). */
import { academicYear, toTimePeriod, type AcademicYear } from '../../src/data/academic-year.ts';
import { ACADEMIC_YEAR, eesColumns, eesLocation } from '../../src/data/ees.ts';
import { DATA_FILES } from '../../src/data/registry/index.ts';
import { TWM_FILES, field, num, readSource } from './source.ts';
import { builtFile, filter, indicator, orSymbol, type BuiltFile } from './tables.ts';

export interface NationalYear {
  pupils: number;
  teachers: number;
  projection: boolean;
}

export function buildNationalPupilTeacher(): {
  byPhaseYear: Map<string, NationalYear>;
  baseYear: AcademicYear;
  file: BuiltFile;
} {
  const rows = readSource(`twm/${TWM_FILES.pupilTeacher}`);
  const byPhaseYear = new Map<string, NationalYear>();
  for (const r of rows) {
    const phase = field(r, 'Phase').toLowerCase();
    byPhaseYear.set(`${phase}|${field(r, 'Academic year')}`, {
      pupils: num(r, 'Pupil numbers'),
      teachers: num(r, 'Teacher numbers'),
      projection: field(r, 'Projection') === 'Yes',
    });
  }
  const publishedYears = rows
    .filter((r) => field(r, 'Projection') === 'No')
    .map((r) => academicYear(field(r, 'Academic year')))
    .sort();
  const baseYear = publishedYears[publishedYears.length - 1];
  if (!baseYear) throw new Error('TWM file 1 has no published year');
  const file = builtFile(DATA_FILES.nationalPupilTeacher, {
    columns: [...eesColumns('National'), 'phase', 'projection', 'pupils', 'teachers_fte'],
    meta: [
      filter('phase', 'Phase'),
      filter('projection', 'Modelled projection (Yes) or published figure (No)'),
      indicator('pupils', 'Pupils (TWM definition)', 2),
      indicator('teachers_fte', 'Teachers (full-time equivalent)', 2),
    ],
    rows: rows.map((r) => ({
      time_period: toTimePeriod(academicYear(field(r, 'Academic year'))),
      time_identifier: ACADEMIC_YEAR,
      ...eesLocation('National'),
      phase: field(r, 'Phase'),
      projection: field(r, 'Projection'),
      pupils: num(r, 'Pupil numbers'),
      teachers_fte: num(r, 'Teacher numbers'),
    })),
  });
  return { byPhaseYear, baseYear, file };
}

/** TWM flows: rate rows carry leaver_rate, count rows carry flow_fte; the other is z. */
export function buildNationalFlows(
  sourceFile: string,
  outFile: string,
): { rows: Record<string, string>[]; file: BuiltFile } {
  const rows = readSource(`twm/${sourceFile}`);
  const file = builtFile(outFile, {
    columns: [
      ...eesColumns('National'),
      'phase',
      'subject',
      'flow_type',
      'flow_status',
      'publication_year',
      'leaver_rate',
      'flow_fte',
    ],
    meta: [
      filter('phase', 'Phase'),
      filter('subject', 'Subject (TWM secondary subject group; Total for the phase)'),
      filter('flow_type', 'Flow'),
      filter('flow_status', 'Historic (published) or trajectory (modelled)'),
      filter('publication_year', 'TWM publication year'),
      indicator('leaver_rate', 'Leaver rate (fraction of FTE stock)', 6),
      indicator('flow_fte', 'Flow (FTE teachers)', 2),
    ],
    rows: rows.map((r) => {
      const isRate = field(r, 'Unit') === '%' || field(r, 'Type').includes('rate');
      const raw = field(r, 'Value');
      const value = raw === '' ? null : Number(raw);
      return {
        time_period: toTimePeriod(academicYear(field(r, 'Academic year'))),
        time_identifier: ACADEMIC_YEAR,
        ...eesLocation('National'),
        phase: field(r, 'Phase'),
        subject: field(r, 'Subject'),
        flow_type: field(r, 'Type'),
        flow_status: field(r, 'Historic or trajectory'),
        publication_year: String(Number(field(r, 'Publication year'))),
        leaver_rate: isRate ? orSymbol(value) : 'z',
        flow_fte: isRate ? 'z' : orSymbol(value),
      };
    }),
  });
  return { rows, file };
}

/** The national pupil projection school types the model's phases read. */
const PROJECTION_PHASES: Record<string, string> = {
  'State-funded nursery & primary schools': 'Primary',
  'State-funded secondary schools': 'Secondary',
};

/**
 * DfE national pupil projections of two releases, primary and secondary only, in the EES
 * convention: the January census year becomes its academic year (January 2023 = 2022/23).
 */
export function buildNationalPupilProjections(): BuiltFile {
  const rows = readSource('swc/national_pupil_projections_2021_2022_models.csv').flatMap((r) => {
    const phase = PROJECTION_PHASES[field(r, 'school_type')];
    if (!phase) return [];
    const january = Number(field(r, 'calendar_year_january'));
    const published = /published \w+ (\d{4})/.exec(field(r, 'projection_model'))?.[1];
    if (!published) throw new Error(`projection model without a year: ${r.projection_model}`);
    return [
      {
        time_period: toTimePeriod(academicYear(`${january - 1}/${String(january).slice(2)}`)),
        time_identifier: ACADEMIC_YEAR,
        ...eesLocation('National'),
        publication_year: published,
        phase,
        figure_status: field(r, 'status'),
        pupils_thousands: Number(field(r, 'pupils_thousands').replace(/,/g, '')),
      },
    ];
  });
  return builtFile(DATA_FILES.nationalPupilProjections, {
    columns: [
      ...eesColumns('National'),
      'publication_year',
      'phase',
      'figure_status',
      'pupils_thousands',
    ],
    meta: [
      filter('publication_year', 'Year the projection was published'),
      filter('phase', 'Phase (state-funded nursery & primary, or secondary, schools)'),
      filter('figure_status', "actual: the projection's base year; projected: a projected year"),
      indicator('pupils_thousands', 'Pupils (thousands, January census)', 0),
    ],
    rows,
  });
}
