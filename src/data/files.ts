/**
 * The default dataset's files, relative to data/. The build script writes them, the loader
 * reads them, `npm run data:check` validates them and DATA_SOURCES describes them.
 */
export const DATA_FILES = {
  districts: 'districts.csv',
  nationalPupilTeacher: 'national_pupil_teacher_numbers.csv',
  nationalFlows: 'national_teacher_flows_2026_publication.csv',
  nationalFlows2025: 'national_teacher_flows_2025_publication.csv',
  baselines: 'district_phase_baseline.csv',
  pupilProjections: 'district_pupil_projections.csv',
  subjectShares: 'secondary_subject_shares.csv',
  partnerships: 'itt_partnerships.csv',
  trainingPartners: 'itt_training_partners.csv',
  employmentFootprints: 'itt_employment_footprints.csv',
  partnershipPlans: 'illustrative_partnership_subject_plans.csv',
  schoolsGias: 'schools_gias_2018.csv',
  schoolsKs4: 'ks4_schools_2018_19.csv',
  imd2015Lsoa: 'imd2015_lsoa.csv',
  imd2019Lsoa: 'imd2019_lsoa.csv',
  imd2015Msoa: 'imd2015_msoa_derived.csv',
  imd2015Lad: 'imd2015_lad_derived.csv',
  laitKs4: 'lait_la_attainment.csv',
  gcse5ac: 'gcse_5ac_la_2010_2015.csv',
} as const;

export type DataFileKey = keyof typeof DATA_FILES;

/** TopoJSON boundaries (copied, not built), relative to data/. */
export const BOUNDARY_FILES = {
  districts: 'geo/scr_lad.topo.json',
  msoas: 'geo/scr_msoa.topo.json',
  lsoas: 'geo/scr_lsoa.topo.json',
} as const;

/** The `.meta.csv` beside a tidy CSV file. */
export function metaFileOf(path: string): string {
  return path.replace(/\.csv$/, '.meta.csv');
}
