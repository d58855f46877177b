/**
 * Files a user brings to replace estimated figures (Data sources page, `data:check --kind`).
 * src/data/imports.ts resolves their areas and applies them to a loaded dataset.
 */
import { z } from 'zod';
import { academicYear, geographicLevel, numberCell, phaseCell } from '../cells.ts';
import { importFile } from './entry.ts';
import { PUPILS_PER_AREA, TEACHERS_PER_AREA } from './ranges.ts';

export const swcTeacherFte = importFile({
  key: 'swcTeacherFte',
  title: 'School Workforce Census teacher FTE',
  hint: 'Replaces the estimated district teacher FTE. Columns: time_period, geographic_level, lad_code or new_la_code, phase, fte (and pupils for a county row).',
  source:
    'Explore Education Statistics, School workforce in England: teacher FTE by local authority and phase',
  table: {
    title: 'School Workforce Census teacher FTE',
    row: z.object({
      time_period: academicYear(),
      geographic_level: geographicLevel(),
      phase: phaseCell(),
      fte: numberCell(TEACHERS_PER_AREA),
    }),
  },
});

export const pupilProjectionImport = importFile({
  key: 'pupilProjectionImport',
  title: 'Pupil projections',
  hint: 'Replaces or adds district pupil projections. Columns: time_period, geographic_level, lad_code or new_la_code, phase, pupils.',
  source: "The user's own projections, or an LA's school place planning (SCAP) forecasts",
  table: {
    title: 'pupil projections',
    row: z.object({
      time_period: academicYear(),
      geographic_level: geographicLevel(),
      phase: phaseCell(),
      pupils: numberCell(PUPILS_PER_AREA),
    }),
  },
});

export const userFiles = [swcTeacherFte, pupilProjectionImport] as const;
