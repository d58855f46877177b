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
