/**
 * The data-file registry: its entries are complete and consistent (sources, columns, code
 * sets in reading order, one mapping per dataset field), its join rules name file, row and
 * column of a bad code, and the map indicators of the dataset are the ones it declares.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyDataset, loadRegionDataset } from '../../../src/data/load.ts';
import { DEFAULT_DATA_DIR } from '../../../src/data/node-reader.ts';
import {
  BOUNDARY_FILES,
  DATA_FILES,
  DATA_FILE_REGISTRY,
  FILES_IN_DATA,
  INDICATOR_OFFERS,
  TABLE_FILES,
} from '../../../src/data/registry/index.ts';
import type { AnyTableFile } from '../../../src/data/registry/entry.ts';
import {
  codeSetsUsed,
  joinProblems,
  type ResolvedCodeSet,
} from '../../../src/data/registry/joins.ts';
import { loadReal, readerWith } from './helpers.ts';

const real = (path: string) => readFileSync(join(DEFAULT_DATA_DIR, path), 'utf8');

/** The real file with the cell of `column` in data row `row` (line row + 1) replaced. */
function withCell(path: string, row: number, column: string, value: string): string {
  const lines = real(path).split('\n');
  const header = (lines[0] ?? '').split(',');
  const cells = (lines[row] ?? '').split(',');
  cells[header.indexOf(column)] = value;
  lines[row] = cells.join(',');
  return lines.join('\n');
}

function columnsOf(file: AnyTableFile): string[] {
  return Object.keys((file.table.row as unknown as { shape: Record<string, unknown> }).shape);
}

describe('data-file registry', () => {
  it('gives every entry a key, a title and a source, keys and paths each once', () => {
    const keys = DATA_FILE_REGISTRY.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    const paths = DATA_FILE_REGISTRY.flatMap((entry) => ('path' in entry ? [entry.path] : []));
    expect(new Set(paths).size).toBe(paths.length);
    for (const entry of DATA_FILE_REGISTRY) {
      expect(entry.title.length, entry.key).toBeGreaterThan(3);
      expect(entry.source.length, entry.key).toBeGreaterThan(10);
    }
    expect(DATA_FILE_REGISTRY.filter((e) => e.role === 'import').map((e) => e.key)).toEqual([
      'swcTeacherFte',
      'pupilProjectionImport',
    ]);
  });

  it('describes every file on the Data sources page without a path outside the repository', () => {
    for (const file of FILES_IN_DATA) {
      const words = [file.title, file.source, file.date, file.licence, file.notes ?? ''];
      expect(words.join(' '), file.path).not.toMatch(/\.\.\/|\bshared\//);
    }
  });

  it('names only columns of the file in its key, joins and indicators', () => {
    for (const file of TABLE_FILES) {
      const columns = columnsOf(file);
      const named = [
        ...(file.table.key ?? []),
        ...(file.joins ?? []).flatMap((rule) =>
          'column' in rule
            ? [rule.column, ...('per' in rule ? (rule.per ?? []).map((p) => p.column) : [])]
            : [],
        ),
        ...(file.codes ? [file.codes.column, file.codes.nameColumn ?? file.codes.column] : []),
        ...(file.indicators
          ? [file.indicators.area, ...file.indicators.columns.map((c) => c.column)]
          : []),
      ];
      expect(
        named.filter((c) => !columns.includes(c)),
        file.key,
      ).toEqual([]);
    }
  });

  it('reads each file after the files whose codes it joins to', () => {
    const provided = new Set(BOUNDARY_FILES.flatMap((b) => (b.codes ? [b.codes.name] : [])));
    for (const file of TABLE_FILES) {
      expect(
        codeSetsUsed(file.joins ?? []).filter((name) => !provided.has(name)),
        file.key,
      ).toEqual([]);
      if (file.codes) provided.add(file.codes.name);
      for (const other of file.dataset?.alsoReads ?? []) expect(TABLE_FILES).toContain(other);
    }
  });

  it('maps every dataset field from exactly one file (indicators from the indicator specs)', () => {
    const fields = TABLE_FILES.flatMap((file) => file.dataset?.fields ?? []);
    expect([...fields, 'indicators'].sort()).toEqual(Object.keys(emptyDataset()).sort());
  });

  it('lists as map indicators exactly those the registry declares, in its order', async () => {
    const { dataset } = await loadReal();
    expect(dataset.indicators.map((i) => i.id)).toEqual(INDICATOR_OFFERS.map((o) => o.id));
    for (const [index, offer] of INDICATOR_OFFERS.entries()) {
      const indicator = dataset.indicators[index];
      expect(indicator?.label.startsWith(offer.label)).toBe(true);
      expect(indicator).toMatchObject({
        level: offer.level,
        unit: offer.unit,
        higherIsWorse: offer.higherIsWorse,
      });
    }
  });
});

describe('join rules', () => {
  const districts: ResolvedCodeSet = {
    description: 'a district of the region (districts.csv)',
    codes: new Set(['E1', 'E2']),
    names: new Map([['E1', 'One']]),
  };
  const lookup = (name: string) => (name === 'districts' ? districts : null);
  type Row = { lad_code: string | null; phase: string; region: string };
  const rows = [
    { line: 2, value: { lad_code: 'E1', phase: 'primary', region: 'A' } },
    { line: 3, value: { lad_code: 'E9', phase: 'primary', region: 'A' } },
    { line: 4, value: { lad_code: null, phase: 'secondary', region: 'B' } },
    { line: 5, value: { lad_code: 'outside', phase: 'secondary', region: 'A' } },
  ];

  it('refuses a code outside the set, naming the line and column; z and allowed extras pass', () => {
    expect(
      joinProblems<Row>(
        [{ column: 'lad_code', in: 'districts', orAlso: ['outside'] }],
        rows,
        lookup,
        emptyDataset(),
      ),
    ).toEqual([
      {
        line: 3,
        column: 'lad_code',
        reason: '"E9" is not a district of the region (districts.csv) or "outside"',
      },
    ]);
  });

  it('names every code of the set without a row for each combination', () => {
    const problems = joinProblems<Row>(
      [
        {
          column: 'lad_code',
          covers: 'districts',
          what: 'baseline',
          per: [{ column: 'phase', values: ['primary', 'secondary'] }],
        },
      ],
      rows,
      lookup,
      emptyDataset(),
    );
    // E1 has primary only; E2 has no row at all.
    expect(problems.map((p) => p.reason)).toEqual([
      'no baseline row for E1 (One), secondary',
      'no baseline row for E2, primary',
      'no baseline row for E2, secondary',
    ]);
  });

  it('refuses a column that should hold one value', () => {
    expect(
      joinProblems<Row>([{ column: 'region', oneValue: 'region' }], rows, lookup, emptyDataset()),
    ).toEqual([{ line: null, column: 'region', reason: 'holds more than one region (A, B)' }]);
  });

  it('skips rules on a code set that could not be read', () => {
    expect(
      joinProblems<Row>(
        [{ column: 'lad_code', in: 'districtBoundaries' }],
        rows,
        lookup,
        emptyDataset(),
      ),
    ).toEqual([]);
  });
});

describe('the loader follows the registry', () => {
  it('rejects a footprint to an unknown district, naming file, row and column, and keeps the previous partnerships', async () => {
    const { dataset: previous } = await loadReal();
    const path = DATA_FILES.employmentFootprints;
    const { dataset, issues } = await loadRegionDataset(
      readerWith({ [path]: withCell(path, 3, 'destination_code', 'E08000099') }),
      previous,
    );
    expect(issues).toEqual([
      {
        file: path,
        row: 4,
        column: 'destination_code',
        message: '"E08000099" is not a district of the region (districts.csv) or "outside"',
      },
    ]);
    expect(dataset.partnerships).toEqual(previous.partnerships);
  });

  it('rejects a baseline file missing a district and phase', async () => {
    const path = DATA_FILES.baselines;
    const lines = real(path).split('\n');
    const sheffieldSecondary = lines.findIndex(
      (line) => line.includes('E08000019,Sheffield') && line.includes(',Secondary,'),
    );
    lines.splice(sheffieldSecondary, 1);
    const { dataset, issues } = await loadRegionDataset(readerWith({ [path]: lines.join('\n') }));
    expect(issues.map((i) => i.message)).toEqual([
      'no baseline row for E08000019 (Sheffield), secondary',
    ]);
    expect(dataset.baselines).toEqual([]);
    expect(dataset.baseYear).toBeNull();
  });

  it('on a first load, shows the schools of the GIAS file when the KS4 file cannot be read', async () => {
    const { dataset, issues } = await loadRegionDataset((path) =>
      path === DATA_FILES.schoolsKs4 ? Promise.reject(new Error('ENOENT')) : readerWith({})(path),
    );
    expect(issues).toHaveLength(1);
    expect(dataset.schools.length).toBeGreaterThan(500);
    expect(dataset.schools.every((school) => school.ks4 === undefined)).toBe(true);
  });
});
