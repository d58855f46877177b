/**
 * The verbatim source copies in data/source/ (refreshed from ../shared/data on request) and
 * the boundaries in data/geo/, read as the builders need them.
 */
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Topology } from 'topojson-specification';
import { parseCsv } from '../../src/data/ees.ts';
import { boundaryPath } from '../../src/data/registry/index.ts';
import type { GeographyLevel } from '../../src/data/types.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA = join(ROOT, 'data');
const SOURCE = join(DATA, 'source');
const SHARED = resolve(ROOT, '../shared/data');

/** Stats files the app uses (the other files in ../shared/data/stats are not copied). */
const SOURCE_STATS = [
  'scr_local_authorities',
  'gcse_5ac_2010_2015',
  'gias_2018_scr_establishments',
  'imd2015_lad_scr_derived',
  'imd2015_lsoa_scr',
  'imd2015_msoa_scr_derived',
  'imd2019_lsoa_scr',
  'itt_partnerships_scr',
  'itt_providers_scr',
  'ks4_schools_2018_19_scr',
  'lait_la_indicators_scr',
  'nqt_first_post_distance_by_itt_provider',
  'pupils_school_places_la_scr',
];
export const TWM_FILES = {
  pupilTeacher: '1_pupil_teacher_numbers_2026-04-23.csv',
  flows2025: '4_flow_trajectories_2025_publication_2026-04-23.csv',
  flows2026: '5_flow_trajectories_2026_publication_2026-04-23.csv',
};

export function refreshSource(): void {
  if (!existsSync(SHARED)) throw new Error(`--refresh-source: ${SHARED} not found`);
  mkdirSync(join(SOURCE, 'stats'), { recursive: true });
  mkdirSync(join(SOURCE, 'twm'), { recursive: true });
  for (const name of SOURCE_STATS) {
    cpSync(join(SHARED, 'stats', `${name}.csv`), join(SOURCE, 'stats', `${name}.csv`));
  }
  for (const name of Object.values(TWM_FILES)) {
    cpSync(join(SHARED, 'twm', name), join(SOURCE, 'twm', name));
  }
  cpSync(join(SHARED, 'LICENCE-OGL-v3.txt'), join(SOURCE, 'LICENCE-OGL-v3.txt'));
  cpSync(join(SHARED, 'README.md'), join(SOURCE, 'README.md'));
  for (const folder of ['stats', 'twm', 'geo']) {
    cpSync(join(SHARED, folder, 'README.md'), join(SOURCE, `README-${folder}.md`));
  }
  console.log(`refreshed data/source from ${SHARED}`);
}

/** The rows of a source copy, by its path under data/source/. */
export function readSource(path: string): Record<string, string>[] {
  return parseCsv(readFileSync(join(SOURCE, path), 'utf8')).rows;
}

/** The boundary topology of a level (data/geo/, copied, not built). */
export function readBoundaries(level: GeographyLevel): Topology {
  return JSON.parse(readFileSync(join(DATA, boundaryPath(level)), 'utf8')) as Topology;
}

export function field(row: Record<string, string>, column: string): string {
  const value = row[column];
  if (value === undefined) throw new Error(`source column ${column} missing`);
  return value;
}

export function num(row: Record<string, string>, column: string): number {
  const value = Number(field(row, column));
  if (field(row, column).trim() === '' || !Number.isFinite(value)) {
    throw new Error(`source value ${column}="${field(row, column)}" is not a number`);
  }
  return value;
}
