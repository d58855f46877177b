import { describe, expect, it } from 'vitest';
import { replaceWithImportedFile } from '../../../src/data/imports.ts';
import { describeIssue } from '../../../src/data/issues.ts';
import { fixture, loadReal } from './helpers.ts';

describe('bring your own data', () => {
  it('replaces estimated teacher FTE from a School Workforce Census file', async () => {
    const { dataset } = await loadReal();
    const before = structuredClone(dataset);
    const { dataset: next, issues } = replaceWithImportedFile(
      dataset,
      'swcTeacherFte',
      fixture('swc_teacher_fte_valid.csv'),
      'swc_teacher_fte_valid.csv',
    );
    expect(issues).toEqual([]);
    expect(dataset).toEqual(before);
    const fte = (code: string, phase: string) =>
      next.baselines.find((b) => b.districtCode === code && b.phase === phase);
    // District row: Sheffield primary takes the file's 2,050.5 FTE.
    expect(fte('E08000019', 'primary')).toMatchObject({
      teacherFte: 2050.5,
      teacherFteProvenance: 'imported',
    });
    // LA row for Derbyshire secondary: 2,500 FTE / 40,000 pupils = 1 teacher per 16 pupils,
    // applied to each Derbyshire district: Bolsover 4,005 / 16 = 250.3125, Chesterfield 6,757 / 16 = 422.3125.
    expect(fte('E07000033', 'secondary')?.teacherFte).toBeCloseTo(250.3125, 6);
    expect(fte('E07000034', 'secondary')?.teacherFte).toBeCloseTo(422.3125, 6);
    expect(fte('E07000034', 'secondary')?.method).toMatch(/pupil:teacher ratio \(16\.00\)/);
    // Untouched: the 2023/24 row (not the base year), Bassetlaw (not in the file), City of London (outside).
    expect(fte('E08000019', 'secondary')).toEqual(
      before.baselines.find((b) => b.districtCode === 'E08000019' && b.phase === 'secondary'),
    );
    expect(fte('E07000171', 'primary')?.teacherFteProvenance).toBe('estimated');
  });

  it('refuses a county LA row without pupils and changes nothing', async () => {
    const { dataset } = await loadReal();
    const before = structuredClone(dataset);
    const result = replaceWithImportedFile(
      dataset,
      'swcTeacherFte',
      fixture('swc_teacher_fte_missing_pupils.csv'),
      'swc.csv',
    );
    expect(result.dataset).toBe(dataset);
    expect(dataset).toEqual(before);
    expect(result.issues.map(describeIssue)).toEqual([
      "swc.csv, line 3, column pupils: Derbyshire's teacher FTE covers several districts, so the LA's primary pupils are needed to split it; enter the LA's primary pupils in a pupils column",
    ]);
  });

  it('refuses a file with a bad cell before looking at areas', async () => {
    const { dataset } = await loadReal();
    const text =
      'time_period,geographic_level,lad_code,phase,fte\n202425,Local authority district,E08000019,Primary,lots\n';
    const result = replaceWithImportedFile(dataset, 'swcTeacherFte', text, 'swc.csv');
    expect(result.dataset).toBe(dataset);
    expect(result.issues.map(describeIssue)).toEqual([
      'swc.csv, line 2, column fte: "lots" is not a number written in digits; enter a number of teachers (FTE) above 0 and below 100,000',
    ]);
  });

  it('refuses a file without an area column', async () => {
    const { dataset } = await loadReal();
    const text = 'time_period,geographic_level,phase,fte\n202425,Local authority,Primary,100\n';
    const result = replaceWithImportedFile(dataset, 'swcTeacherFte', text, 'swc.csv');
    expect(result.issues.map(describeIssue)).toEqual([
      'swc.csv, line 1, column lad_code: the header has neither lad_code nor new_la_code; add a lad_code column for district rows, or new_la_code for local authority rows',
    ]);
  });

  it('replaces and adds pupil projections, and refuses years not after the base year', async () => {
    const { dataset } = await loadReal();
    const valid = replaceWithImportedFile(
      dataset,
      'pupilProjectionImport',
      fixture('pupil_projections_import_valid.csv'),
      'p.csv',
    );
    expect(valid.issues).toEqual([]);
    const sheffield = valid.dataset.pupilProjections.filter(
      (p) => p.districtCode === 'E08000019' && p.phase === 'primary',
    );
    expect(sheffield.map((p) => [p.year, p.pupils, p.provenance])).toEqual([
      ['2025/26', 43000, 'imported'],
      ['2026/27', 43363, 'estimated'],
      ['2027/28', 43605, 'derived'],
      ['2028/29', 43848, 'estimated'],
      ['2029/30', 41000, 'imported'],
    ]);
    const before = structuredClone(dataset);
    const bad = replaceWithImportedFile(
      dataset,
      'pupilProjectionImport',
      fixture('pupil_projections_import_bad_year.csv'),
      'p.csv',
    );
    expect(bad.dataset).toBe(dataset);
    expect(dataset).toEqual(before);
    expect(bad.issues.map(describeIssue)).toEqual([
      'p.csv, line 3, column time_period: 202324 is outside the years a projection can cover (from 202526 to 203940); enter a year from 202526 to 203940',
    ]);
  });
});
