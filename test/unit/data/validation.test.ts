/**
 * Each validation rule has a small malformed fixture (test/fixtures/data/). Loading the
 * default dataset with one file swapped for the fixture must (a) report the specific problem
 * naming file, row and column and (b) leave the previously loaded dataset exactly as it was.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FILES } from '../../../src/data/registry/index.ts';
import { loadRegionDataset, validateFile } from '../../../src/data/load.ts';
import { DEFAULT_DATA_DIR } from '../../../src/data/node-reader.ts';
import { MAX_FILE_BYTES } from '../../../src/data/schemas.ts';
import { describeIssue } from '../../../src/data/issues.ts';
import { fixture, loadReal, readerWith } from './helpers.ts';

interface Case {
  rule: string;
  target: string;
  fixture: string;
  message: string;
}

const CASES: Case[] = [
  {
    rule: 'missing column',
    target: DATA_FILES.districts,
    fixture: 'districts_missing_column.csv',
    message:
      'districts.csv, line 1, column lad_code: the header has no lad_code column; add the lad_code column',
  },
  {
    rule: 'bad GSS code',
    target: DATA_FILES.districts,
    fixture: 'districts_bad_gss.csv',
    message:
      'districts.csv, line 4, column lad_code: "E0800001" is not a GSS code; enter a GSS code: a letter and 8 digits, like E08000019',
  },
  {
    rule: 'duplicate key',
    target: DATA_FILES.districts,
    fixture: 'districts_duplicate_key.csv',
    message:
      'districts.csv, line 10, column lad_code: E08000016 is also on line 2; keep one row for each lad_code',
  },
  {
    rule: 'non-numeric value',
    target: DATA_FILES.baselines,
    fixture: 'baseline_non_numeric.csv',
    message:
      'district_phase_baseline.csv, line 3, column pupils: "about 13k" is not a number written in digits; enter a number of pupils above 0 and below 1,000,000',
  },
  {
    rule: 'negative value',
    target: DATA_FILES.baselines,
    fixture: 'baseline_negative.csv',
    message:
      'district_phase_baseline.csv, line 5, column teachers_fte: -12.5 is too small; enter a number of teachers (FTE) above 0 and below 100,000',
  },
  {
    rule: 'unknown district in a join',
    target: DATA_FILES.baselines,
    fixture: 'baseline_unknown_district.csv',
    message:
      'district_phase_baseline.csv, line 2, column lad_code: "E08000099" is not a district of the region (districts.csv)',
  },
  {
    rule: 'blank cell instead of an EES symbol',
    target: DATA_FILES.pupilProjections,
    fixture: 'projections_blank_cell.csv',
    message:
      'district_pupil_projections.csv, line 6, column pupils: the cell is blank; enter a number of pupils above 0 and below 1,000,000',
  },
  {
    rule: 'shares not summing to 1',
    target: DATA_FILES.subjectShares,
    fixture: 'subject_shares_bad_sum.csv',
    message:
      'secondary_subject_shares.csv, line 2, column teaching_share: teaching shares sum to 1.1000, not 1',
  },
  {
    rule: 'footprint not summing to 1',
    target: DATA_FILES.employmentFootprints,
    fixture: 'footprints_bad_sum.csv',
    message:
      'itt_employment_footprints.csv, line 12, column footprint_share: footprint shares of S21 sum to 1.1000, not 1',
  },
  {
    rule: 'minimum cohort above capacity',
    target: DATA_FILES.partnershipPlans,
    fixture: 'plans_min_cohort_above_capacity.csv',
    message:
      'illustrative_partnership_subject_plans.csv, line 40, column minimum_cohort: 21 exceeds the capacity 16',
  },
  {
    rule: 'unknown partnership in a join',
    target: DATA_FILES.trainingPartners,
    fixture: 'partners_unknown_partnership.csv',
    message:
      'itt_training_partners.csv, line 2, column partnership_code: "ZZ9" is not a partnership in itt_partnerships.csv',
  },
  {
    rule: 'impossible academic year',
    target: DATA_FILES.nationalFlows,
    fixture: 'flows_bad_time_period.csv',
    message:
      'national_teacher_flows_2026_publication.csv, line 2, column time_period: "201113" is not an academic year this tool plans; enter the academic year as 6 digits, like 202526 for 2025/26',
  },
];

describe('each validation rule rejects its fixture and keeps the loaded dataset', () => {
  for (const c of CASES) {
    it(`${c.rule}: ${c.fixture}`, async () => {
      const { dataset: previous } = await loadReal();
      const before = structuredClone(previous);
      const { dataset, issues } = await loadRegionDataset(
        readerWith({ [c.target]: fixture(c.fixture) }),
        previous,
      );
      // The one sentence a manager reads: file, line, column, reason and what to do.
      const found = issues.find((i) => describeIssue(i) === c.message);
      expect(found, issues.map(describeIssue).join('\n')).toBeDefined();
      expect(found?.file).toBe(c.target);
      expect(dataset).toEqual(before);
      expect(previous).toEqual(before);
    });
  }

  it('names the row and column in the structured issue too', () => {
    const issues = validateFile('districts', fixture('districts_bad_gss.csv'), 'districts.csv');
    expect(issues).toEqual([
      {
        file: 'districts.csv',
        row: 4,
        column: 'lad_code',
        message: '"E0800001" is not a GSS code',
        fix: 'Enter a GSS code: a letter and 8 digits, like E08000019',
      },
    ]);
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const huge = `lad_code\n${'E08000019\n'.repeat(Math.ceil(MAX_FILE_BYTES / 10) + 1)}`;
    const { dataset: previous } = await loadReal();
    const before = structuredClone(previous);
    const { dataset, issues } = await loadRegionDataset(
      readerWith({ [DATA_FILES.districts]: huge }),
      previous,
    );
    expect(issues.map(describeIssue)).toEqual([
      'districts.csv: the file is larger than 20 MB, the limit for a districts file; upload a districts file smaller than 20 MB',
    ]);
    expect(dataset).toEqual(before);
  });

  it('without a previous dataset, a rejected file leaves its table empty and the rest loads', async () => {
    const { dataset, issues } = await loadRegionDataset(
      readerWith({ [DATA_FILES.subjectShares]: fixture('subject_shares_bad_sum.csv') }),
    );
    expect(issues).toHaveLength(1);
    expect(dataset.subjectShares).toEqual([]);
    expect(dataset.baselines).toHaveLength(18);
  });

  it('checks district names against the boundary file and reports a refused districts file once', async () => {
    const real = readFileSync(join(DEFAULT_DATA_DIR, DATA_FILES.districts), 'utf8');
    const swapped = real.replace('E08000016,Barnsley', 'E08000016,Doncaster');
    expect(swapped).not.toBe(real);
    const { dataset, issues } = await loadRegionDataset(
      readerWith({ [DATA_FILES.districts]: swapped }),
    );
    // Only the districts file is named: the files joining to it are not each reported against
    // an empty list of districts.
    expect(issues.map(describeIssue)).toEqual([
      'districts.csv, line 2, column lad_name: "Doncaster" is not the name of E08000016 ("Barnsley"); enter Barnsley, or the code of Doncaster',
    ]);
    expect(dataset.districts).toEqual([]);
  });

  it('reports an unreadable file and keeps the previous table', async () => {
    const { dataset: previous } = await loadReal();
    const missing = await loadRegionDataset((path) => {
      if (path === DATA_FILES.schoolsKs4) return Promise.reject(new Error('ENOENT'));
      return readerWith({})(path);
    }, previous);
    expect(missing.issues.map(describeIssue)).toEqual([
      'ks4_schools_2018_19.csv: could not be read (Error: ENOENT)',
    ]);
    expect(missing.dataset.schools).toEqual(previous.schools);
  });
});
