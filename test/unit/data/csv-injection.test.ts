/**
 * CSV injection (OWASP): a cell that a spreadsheet would read as a formula is written with a
 * leading single quote and quoted, in every download and every CLI output file. Each path
 * below is fed the same hostile cells and its output is read back cell by cell.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../../src/allocation/allocate.ts';
import { allocationTable } from '../../../src/allocation/csv.ts';
import { csvCell, formatCsvRecords, formatCsvRows } from '../../../src/data/csv-writer.ts';
import { formatEesCsv, formatEesMeta, parseCsv, type EesTable } from '../../../src/data/ees.ts';
import { mapDataCsv } from '../../../src/maps/export.ts';
import {
  buildModelInputs,
  defaultParameters,
  forecastColumns,
  forecastToRows,
  resolveParameters,
  runDeterministic,
} from '../../../src/model/index.ts';
import { exportPartnerSchools, exportSubmission } from '../../../src/partnerships/index.ts';
import {
  proposalsToCsv,
  returnsToCsv,
  trackRecordCsv,
  type TrackRecordRow,
} from '../../../src/redistribution/index.ts';
import { fullForecastFiles } from '../../../src/ui/forecast/forecast-files.ts';
import type { ForecastResult } from '../../../src/ui/forecast/run-forecast.ts';
import { HAND_ASSIGNMENT, HAND_PARTNERSHIPS } from '../../fixtures/partnerships/hand-case.ts';
import { HAND_ENTRIES } from '../../fixtures/partnerships/intelligence-context.ts';
import { highsEngine, need, partnership, plan, problem } from '../allocation/fixtures.ts';
import { fixtureDataset, handWorkedOverrides } from '../model/fixtures.ts';
import { fixedClock } from '../../../src/data/clock.ts';

/** Plans are made from a date; the tests fix it. */
const TODAY = fixedClock('2026-12-03')();

/** Hostile cell -> the CSV text it must be written as. */
const HOSTILE: readonly [string, string][] = [
  ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
  ['@SUM(A1)', `"'@SUM(A1)"`],
  ["=cmd|' /C calc'!A0", `"'=cmd|' /C calc'!A0"`],
  ['+1+1', `"'+1+1"`],
  ['-1+1', `"'-1+1"`],
  ['\t=1+1', `"'\t=1+1"`],
  ['\r=1+1', `"'\r=1+1"`],
];
const HOSTILE_CELLS = HOSTILE.map(([cell]) => cell);

/** Cells a spreadsheet must still read as numbers or plain text: written as they are. */
const HARMLESS: readonly [string | number, string][] = [
  [-0.5, '-0.5'],
  ['-0.5', '-0.5'],
  ['-12', '-12'],
  ['1e-7', '1e-7'],
  ['0', '0'],
  ['Sheffield Hallam University', 'Sheffield Hallam University'],
  ['Smith, J', '"Smith, J"'],
  ['x', 'x'],
  ['', ''],
];

/** Every cell of a CSV text that starts like a formula, after parsing it back. */
function formulaCells(text: string): string[] {
  const { columns, rows } = parseCsv(text);
  const cells = [...columns, ...rows.flatMap((row) => Object.values(row))];
  return cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell));
}

/** Checks a writer's output: each hostile cell is present, quoted and prefixed, and none is bare. */
function expectNeutralised(text: string, hostile: readonly string[] = HOSTILE_CELLS): void {
  for (const cell of hostile) {
    expect(text).toContain(csvCell(cell));
  }
  expect(formulaCells(text)).toEqual([]);
}

describe('the one CSV writer', () => {
  it.each(HOSTILE)('writes %j as %s', (cell, written) => {
    expect(csvCell(cell)).toBe(written);
    // Read back, the cell is text that starts with the quote.
    expect(parseCsv(`a\n${written}\n`).rows[0]!.a).toBe(`'${cell}`);
  });

  it.each(HARMLESS)('writes %j unchanged (quoted only for a comma)', (cell, written) => {
    expect(csvCell(cell)).toBe(written);
  });

  it('writes rows and records with the same escaping', () => {
    expect(
      formatCsvRows([
        ['name', 'n'],
        ['=1+1', -3],
      ]),
    ).toBe(`name,n\n"'=1+1",-3`);
    expect(formatCsvRecords([{ name: '@A1', n: '2' }])).toBe(`name,n\n"'@A1",2`);
    expect(formatCsvRecords([{ a: '1' }, { b: '+2' }])).toBe(`a,b\n1,\n,"'+2"`);
  });
});

describe('every download and CLI output', () => {
  it('EES tidy files and their meta (forecast, allocation, scenario and partnership downloads)', () => {
    const table: EesTable = {
      columns: ['time_period', 'la_name', 'scenario', 'pupils'],
      meta: [
        { name: 'scenario', type: 'Filter', label: '=1+1' },
        { name: 'pupils', type: 'Indicator', label: 'Pupils', dp: 1, unit: '' },
      ],
      rows: HOSTILE_CELLS.map((cell, i) => ({
        time_period: '202526',
        la_name: cell,
        scenario: cell,
        pupils: -0.5 * i,
      })),
    };
    const csv = formatEesCsv(table);
    expectNeutralised(csv);
    expect(parseCsv(csv).rows.map((r) => r.pupils)).toEqual([
      '0',
      '-0.5',
      '-1',
      '-1.5',
      '-2',
      '-2.5',
      '-3',
    ]);
    expectNeutralised(formatEesMeta(table), ['=1+1']);
  });

  it('the partnership submission download (intelligence text, author, partnership name)', () => {
    const entries = HAND_ENTRIES.filter((e) => e.partnershipCode === 'P1').map((entry, i) => ({
      ...entry,
      reason: HOSTILE_CELLS[i]!,
      author: HOSTILE_CELLS[i + 3]!,
    }));
    const file = exportSubmission({ code: 'P1', name: HOSTILE_CELLS[6]! }, entries, []);
    expectNeutralised(file.csv, HOSTILE_CELLS.slice(0, 6));
  });

  it('the partner-school list download', () => {
    const assignment = {
      ...HAND_ASSIGNMENT,
      links: HAND_ASSIGNMENT.links.map((link) => ({ ...link, partnershipCode: '=P1' })),
    };
    expectNeutralised(exportPartnerSchools(assignment, '=P1'), ['=P1']);
    expect(HAND_PARTNERSHIPS.length).toBeGreaterThan(0);
  });

  it('the in-year proposals, returns and track-record downloads', () => {
    const side = (name: string) => ({
      partnershipCode: 'S21',
      partnershipName: name,
      subject: 'Physics' as const,
    });
    const proposals = HOSTILE_CELLS.map((cell, i) => ({
      id: `p${i}`,
      from: side(cell),
      to: side('University of Sheffield'),
      places: 1,
      expectedGain: -0.5,
      weightedGain: 0.5,
      reason: cell,
    }));
    expectNeutralised(proposalsToCsv(proposals, '202526', 6));
    const returns = HOSTILE_CELLS.map((cell) => ({
      timePeriod: '202526',
      month: 'March' as const,
      monthIndex: 6,
      ...side(cell),
      allocation: 10,
      applications: 3,
      offers: 2,
      recruited: 1,
      withdrawn: 0,
    }));
    expectNeutralised(returnsToCsv(returns));
    const track: TrackRecordRow[] = HOSTILE_CELLS.map((cell) => ({
      time_period: '202526',
      time_identifier: 'Academic year',
      geographic_level: 'Regional',
      country_code: 'E92000001',
      country_name: 'England',
      partnership_code: 'S21',
      partnership_name: cell,
      subject: 'Physics',
      allocation_count: '10',
      recruited_count: '1',
      track_record_ratio: '0.100',
    }));
    expectNeutralised(trackRecordCsv(track));
  });

  it('the map data download', () => {
    const rows = HOSTILE_CELLS.map((cell) => ({
      level: 'district' as const,
      areaCode: 'E08000019',
      areaName: cell,
      districtCode: 'E08000019',
      measure: 'imd',
      measureLabel: cell,
      value: -0.5,
      unit: 'score',
      provenance: 'published' as const,
      source: cell,
    }));
    expectNeutralised(mapDataCsv(rows));
  });

  it('the forecast files (CLI and the Forecast page full download) with hostile district names', () => {
    const dataset = fixtureDataset();
    dataset.districts = dataset.districts.map((d, i) => ({ ...d, name: HOSTILE_CELLS[i]! }));
    const inputs = buildModelInputs(
      dataset,
      resolveParameters(defaultParameters(dataset, TODAY), handWorkedOverrides()),
    );
    const central = runDeterministic(inputs);
    const rows = forecastToRows(inputs, central, { geographicLevel: 'Local authority district' });
    const hostile = HOSTILE_CELLS.slice(0, dataset.districts.length);
    expectNeutralised(formatCsvRecords(rows, forecastColumns()), hostile);
    const [data] = fullForecastFiles(
      { inputs, central, national: false } as unknown as ForecastResult,
      'full',
    );
    expectNeutralised(data.text, hostile);
  });

  it('the allocation download and CLI file with hostile partnership and region names', async () => {
    const base = problem({
      partnerships: [
        partnership('P1', { D1: 1 }, { name: HOSTILE_CELLS[0]! }),
        partnership('P2', { D1: 1 }, { name: HOSTILE_CELLS[1]! }),
      ],
      plans: [plan('P1', 'Mathematics'), plan('P2', 'Mathematics')],
      need: [need('D1', 'Mathematics', '2027/28', 10)],
    });
    const withRegion = { ...base, regionName: HOSTILE_CELLS[2]! };
    const result = allocate(withRegion, await highsEngine());
    expect(result.solution).not.toBeNull();
    expectNeutralised(
      formatEesCsv(allocationTable(withRegion, result.solution!)),
      HOSTILE_CELLS.slice(0, 3),
    );
  });

  it('redistribute --out and --track-record (CLI) with hostile partnership names', () => {
    const folder = mkdtempSync(join(tmpdir(), 'tsp-csv-injection-'));
    const data = join(import.meta.dirname, '../../../data');
    // The first seven partnerships of the illustrative files get a hostile name each.
    const allocationText = readFileSync(join(data, 'illustrative_allocation_202526.csv'), 'utf8');
    const codes = [
      ...new Set(
        allocationText
          .trim()
          .split('\n')
          .slice(1)
          .map((line) => line.split(',')[5]!),
      ),
    ].slice(0, HOSTILE_CELLS.length);
    const rename = (text: string) =>
      text
        .split('\n')
        .map((line) => {
          const cells = line.split(',');
          const index = codes.indexOf(cells[5]!);
          if (index < 0) return line;
          cells[6] = `"${HOSTILE_CELLS[index]!.replaceAll('"', '""')}"`;
          return cells.join(',');
        })
        .join('\n');
    const paths = {
      allocation: join(folder, 'allocation.csv'),
      past: join(folder, 'past.csv'),
      current: join(folder, 'current.csv'),
      out: join(folder, 'proposals.csv'),
      track: join(folder, 'track.csv'),
    };
    writeFileSync(paths.allocation, rename(allocationText));
    for (const [path, name] of [
      [paths.past, 'illustrative_recruitment_returns_202425.csv'],
      [paths.current, 'illustrative_recruitment_returns_202526.csv'],
    ] as const) {
      writeFileSync(path, rename(readFileSync(join(data, name), 'utf8')));
    }
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/redistribute.ts',
        '--allocation',
        paths.allocation,
        '--returns',
        paths.past,
        '--returns',
        paths.current,
        '--out',
        paths.out,
        '--track-record',
        paths.track,
      ],
      { cwd: join(import.meta.dirname, '../../..'), stdio: 'pipe' },
    );
    // The CSV reader trims cells, so the tab- and CR-prefixed names arrive as `=1+1`.
    const trimmed = HOSTILE_CELLS.map((cell) => cell.trim());
    expectNeutralised(readFileSync(paths.track, 'utf8'), trimmed);
    expect(formulaCells(readFileSync(paths.out, 'utf8'))).toEqual([]);
  });
});
