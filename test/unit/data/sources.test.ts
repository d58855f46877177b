import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../../../src/data/node-reader.ts';
import { FILES_IN_DATA, metaFileOf } from '../../../src/data/registry/index.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(DEFAULT_DATA_DIR, path)];
  });
}

const dataFiles = filesUnder(DEFAULT_DATA_DIR).filter((f) => f !== 'SOURCES.md');

describe('data sources', () => {
  it('lists every file in data/ in the registry (a .meta.csv with its CSV)', () => {
    const listed = new Set(FILES_IN_DATA.flatMap((s) => [s.path, metaFileOf(s.path)]));
    expect(dataFiles.filter((f) => !listed.has(f))).toEqual([]);
  });

  it('lists only files that exist, each once, with every field filled', () => {
    const files = FILES_IN_DATA.map((s) => s.path);
    expect(files.filter((f) => !dataFiles.includes(f))).toEqual([]);
    expect(new Set(files).size).toBe(files.length);
    for (const s of FILES_IN_DATA) {
      for (const value of [s.title, s.source, s.date, s.licence, s.notes])
        expect(value.length).toBeGreaterThan(3);
      expect(s.provenance.length).toBeGreaterThan(0);
    }
  });

  it('gives every tidy CSV in data/ its .meta.csv', () => {
    const csv = dataFiles.filter(
      (f) => !f.startsWith('source/') && f.endsWith('.csv') && !f.endsWith('.meta.csv'),
    );
    expect(csv.filter((f) => !dataFiles.includes(metaFileOf(f)))).toEqual([]);
  });

  it('mentions every file in data/SOURCES.md, with the boundary attribution', () => {
    const text = readFileSync(join(DEFAULT_DATA_DIR, 'SOURCES.md'), 'utf8');
    expect(FILES_IN_DATA.map((s) => s.path).filter((f) => !text.includes(f))).toEqual([]);
    expect(text).toContain('TopoJSON derived from UK-GeoJSON by Martin Chorley (CC BY 4.0)');
  });

  it('marks estimated and illustrative files as such, the illustrative one by name too', () => {
    for (const s of FILES_IN_DATA.filter((x) => x.provenance.includes('illustrative'))) {
      expect(s.path).toMatch(/illustrative/);
      expect(s.title).toMatch(/ILLUSTRATIVE/);
    }
    const estimated = FILES_IN_DATA.filter((x) => x.provenance.includes('estimated')).map(
      (x) => x.path,
    );
    expect(estimated).toEqual(
      expect.arrayContaining([
        'district_phase_baseline.csv',
        'itt_employment_footprints.csv',
        'secondary_subject_shares.csv',
      ]),
    );
  });
});
