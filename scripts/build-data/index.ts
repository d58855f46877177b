/**
 * Builds the default dataset in data/ from the verbatim source copies in data/source/: one
 * module per output, each returning its tables, written here. Deterministic: the same sources
 * give byte-identical files (the illustrative plans use a fixed seed). Run `npm run data:build`;
 * `npm run data:build -- --refresh-source` first re-copies the sources from ../shared/data.
 *
 * Methods for every estimated figure are written into the files themselves (a `method`
 * column) and summarised in data/SOURCES.md.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toTimePeriod } from '../../src/data/academic-year.ts';
import { formatEesCsv, formatEesMeta } from '../../src/data/ees.ts';
import { DATA_FILES, metaFileOf } from '../../src/data/registry/index.ts';
import {
  buildAllocationRules,
  buildPartnershipLimits,
  buildRegionalCaps,
} from './allocation-settings.ts';
import { buildGcse5ac, buildLait, buildLaitFsm } from './attainment.ts';
import { buildDistricts } from './districts.ts';
import { buildImd } from './imd.ts';
import { buildIttNewEntrants, buildPublishedTraineeNeed, buildQtsAwards } from './itt.ts';
import {
  buildNationalFlows,
  buildNationalPupilProjections,
  buildNationalPupilTeacher,
} from './national.ts';
import { buildNqtFirstPostDistances } from './nqt-distances.ts';
import { buildPartnerships } from './partnerships.ts';
import { buildPlans } from './plans.ts';
import { buildBaselineAndProjections } from './pupils.ts';
import { buildSchools } from './schools.ts';
import { DATA, TWM_FILES, refreshSource } from './source.ts';
import { buildSubjectShares } from './subject-shares.ts';
import type { BuiltFile } from './tables.ts';

function write({ path, table }: BuiltFile): void {
  writeFileSync(join(DATA, path), formatEesCsv(table));
  writeFileSync(join(DATA, metaFileOf(path)), formatEesMeta(table));
  console.log(`wrote data/${path} (${table.rows.length} rows)`);
}

function main(): void {
  if (process.argv.includes('--refresh-source')) refreshSource();
  const national = buildNationalPupilTeacher();
  const baseTimePeriod = toTimePeriod(national.baseYear);
  const { districts, file: districtsFile } = buildDistricts(baseTimePeriod);
  const flows2026 = buildNationalFlows(TWM_FILES.flows2026, DATA_FILES.nationalFlows);
  const flows2025 = buildNationalFlows(TWM_FILES.flows2025, DATA_FILES.nationalFlows2025);
  const pupils = buildBaselineAndProjections(districts, national.byPhaseYear, national.baseYear);
  const subjectShares = buildSubjectShares(flows2026.rows, national.baseYear);
  const itt = buildPartnerships(districts, pupils.base, baseTimePeriod);
  const plans = buildPlans(itt.partnerships, subjectShares.shares);
  const files: BuiltFile[] = [
    national.file,
    districtsFile,
    flows2026.file,
    flows2025.file,
    buildNationalPupilProjections(),
    ...pupils.files,
    subjectShares.file,
    ...itt.files,
    plans,
    buildPartnershipLimits(plans.table.rows),
    buildRegionalCaps(),
    buildAllocationRules(),
    buildNqtFirstPostDistances(itt.partnerships),
    ...buildSchools(districts),
    ...buildImd(districts),
    buildLait(),
    buildLaitFsm(),
    buildGcse5ac(),
    buildIttNewEntrants(),
    buildQtsAwards(),
    buildPublishedTraineeNeed(),
  ];
  files.forEach(write);
}

main();
