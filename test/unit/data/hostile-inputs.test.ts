/**
 * A corpus of malformed and hostile tabular inputs, one case per class of problem per kind of
 * input where the class applies. Each case starts from a file the input accepts, breaks one
 * thing, and checks that the input is refused with the one sentence a manager would read
 * (file, line, column, what is wrong and what to do) and that nothing loaded or held changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixedClock } from '../../../src/data/clock.ts';
import { describe, expect, it } from 'vitest';
import { needFromForecastCsv } from '../../../src/allocation/csv.ts';
import { parseCsv } from '../../../src/data/ees.ts';
import { replaceWithImportedFile } from '../../../src/data/imports.ts';
import { describeIssue } from '../../../src/data/issues.ts';
import { loadRegionDataset } from '../../../src/data/load.ts';
import { DEFAULT_DATA_DIR } from '../../../src/data/node-reader.ts';
import { DATA_FILES } from '../../../src/data/registry/index.ts';
import type { DataIssue, RegionDataset } from '../../../src/data/types.ts';
import type { FileContent } from '../../../src/data/utf8.ts';
import {
  exportSubmission,
  importPartnerSchools,
  importSubmission,
} from '../../../src/partnerships/index.ts';
import {
  EMPTY_RETURNS,
  importAllocationCsv,
  importReturnsCsv,
} from '../../../src/redistribution/index.ts';
import {
  HAND_ASSIGNMENT,
  HAND_PARTNERSHIPS,
  HAND_SCHOOLS,
} from '../../fixtures/partnerships/hand-case.ts';
import { HAND_CONTEXT, HAND_ENTRIES } from '../../fixtures/partnerships/intelligence-context.ts';
import { loadReal, readerWith } from './helpers.ts';

/** What an input did with a file: its problems, and whether what it held stayed as it was. */
interface Outcome {
  issues: DataIssue[];
  unchanged: boolean;
}

/** One kind of tabular input and the columns the classes of problem break. */
interface Kind {
  name: string;
  file: string;
  /** A file the input accepts; data rows from line 2 (line 3 for a second row). */
  text: () => string;
  /** A numeric column and a value out of its plausible range. */
  number: string;
  tooLarge: string;
  /** A value below the range (negative where counts cannot be). */
  tooSmall: string;
  /** A column any text passes on its own (for a stray byte or a line break). */
  textColumn: string;
  freeText?: boolean;
  /** A code column, a column holding its name, and a name contradicting the code. */
  agree?: { code: string; column: string; value: string };
  level?: boolean;
  /** A blank number cell has a meaning (a partner school's share: split equally). */
  blankAllowed?: boolean;
  /**
   * The classes to run, when not all: a whole-dataset load takes seconds, and the reader and
   * cells are the uploads' own, so only what the loader adds is run again through it.
   */
  only?: readonly string[];
  /** The largest file the input reads, in bytes. */
  maxBytes: number;
  run: (content: FileContent) => Promise<Outcome>;
}

const MB = 1024 * 1024;

let region: RegionDataset;

const real = (path: string) => readFileSync(join(DEFAULT_DATA_DIR, path), 'utf8');

/** One CSV line, quoted as RFC 4180 asks but with every cell as typed (no formula escaping). */
const rawLine = (cells: readonly string[]) =>
  cells.map((cell) => (/[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',');

/** The file with the cell of `column` on data row `record` (1 = first row) replaced as typed. */
function withCell(text: string, record: number, column: string, value: string): string {
  const { columns, rows } = parseCsv(text);
  if (!columns.includes(column)) throw new Error(`no column ${column}`);
  rows[record - 1]![column] = value;
  return [columns, ...rows.map((row) => columns.map((c) => row[c] ?? ''))].map(rawLine).join('\n');
}

/** The file with `column` renamed in the header. */
function withHeaderName(text: string, column: string, name: string): string {
  const [header, ...rest] = text.split('\n');
  const cells = header!.split(',');
  if (!cells.includes(column)) throw new Error(`no column ${column}`);
  return [cells.map((cell) => (cell === column ? name : cell)).join(','), ...rest].join('\n');
}

/** Compare a frozen copy before and after. */
async function unchangedBy<T>(held: T, run: () => Promise<{ issues: DataIssue[]; held: T }>) {
  const before = structuredClone(held);
  const result = await run();
  return {
    issues: result.issues,
    unchanged: result.held === held && JSON.stringify(held) === JSON.stringify(before),
  };
}

const returnsHeader =
  'time_period,time_identifier,geographic_level,country_code,country_name,partnership_code,partnership_name,subject,allocation_count,applications_count,offers_count,recruited_count,withdrawn_count';
const returnsContext = {
  partnerships: [
    { code: 'S21', name: 'Sheffield Hallam University' },
    { code: 'S18', name: 'The University of Sheffield' },
  ],
  today: fixedClock('2026-12-03')(),
};
const submission = () => exportSubmission(HAND_PARTNERSHIPS[0]!, HAND_ENTRIES, []).csv;

const KINDS: Kind[] = [
  {
    name: 'default data file (district baseline)',
    only: [
      'duplicate header',
      'out of range',
      'zero teachers for an area with pupils',
      'name contradicting its code',
      'invalid UTF-8',
      'unterminated quote',
      'blank lines before a bad row',
    ],
    maxBytes: 20 * MB,
    file: DATA_FILES.baselines,
    text: () => real(DATA_FILES.baselines),
    number: 'teachers_fte',
    tooLarge: '250000',
    tooSmall: '-5',
    textColumn: 'method',
    freeText: true,
    agree: { code: 'lad_code', column: 'lad_name', value: 'Doncaster' },
    run: async (content) => {
      const { dataset: previous } = await loadReal();
      const before = structuredClone(previous);
      const { dataset, issues } = await loadRegionDataset(
        readerWith({ [DATA_FILES.baselines]: content }),
        previous,
      );
      return {
        issues,
        unchanged:
          JSON.stringify(dataset) === JSON.stringify(before) &&
          JSON.stringify(previous) === JSON.stringify(before),
      };
    },
  },
  {
    name: 'Data sources upload (School Workforce Census FTE)',
    maxBytes: 20 * MB,
    file: 'swc.csv',
    text: () =>
      [
        'time_period,time_identifier,geographic_level,country_code,country_name,lad_code,lad_name,phase,fte',
        '202425,Academic year,Local authority district,E92000001,England,E08000019,Sheffield,Primary,2050.5',
        '202425,Academic year,Local authority district,E92000001,England,E08000019,Sheffield,Secondary,1500',
      ].join('\n'),
    number: 'fte',
    tooLarge: '100000',
    tooSmall: '-5',
    textColumn: 'country_name',
    freeText: true,
    agree: { code: 'lad_code', column: 'lad_name', value: 'Doncaster' },
    level: true,
    run: (content) =>
      unchangedBy(region, async () => {
        const result = replaceWithImportedFile(region, 'swcTeacherFte', content, 'swc.csv');
        return { issues: result.issues, held: result.dataset };
      }),
  },
  {
    name: 'Data sources upload (pupil projections)',
    maxBytes: 20 * MB,
    file: 'projections.csv',
    text: () =>
      [
        'time_period,time_identifier,geographic_level,country_code,country_name,lad_code,lad_name,phase,pupils',
        '202627,Academic year,Local authority district,E92000001,England,E08000019,Sheffield,Primary,43000',
        '202728,Academic year,Local authority district,E92000001,England,E08000019,Sheffield,Primary,42500',
      ].join('\n'),
    number: 'pupils',
    tooLarge: '2000000',
    tooSmall: '-5',
    textColumn: 'country_name',
    freeText: true,
    agree: { code: 'lad_code', column: 'lad_name', value: 'Rotherham' },
    level: true,
    run: (content) =>
      unchangedBy(region, async () => {
        const result = replaceWithImportedFile(
          region,
          'pupilProjectionImport',
          content,
          'projections.csv',
        );
        return { issues: result.issues, held: result.dataset };
      }),
  },
  {
    name: 'In-year returns upload',
    maxBytes: 5 * MB,
    file: 'returns.csv',
    text: () =>
      [
        returnsHeader,
        '202526,October,Regional,E92000001,England,S21,Sheffield Hallam University,Physics,10,4,2,1,0',
        '202526,October,Regional,E92000001,England,S18,The University of Sheffield,Physics,8,6,3,3,0',
      ].join('\n'),
    number: 'recruited_count',
    tooLarge: '100000000000000000000000',
    tooSmall: '-1',
    textColumn: 'country_name',
    freeText: true,
    agree: { code: 'partnership_code', column: 'partnership_name', value: 'EVIL' },
    level: true,
    run: (content) => {
      const held = { returns: [...EMPTY_RETURNS.returns] };
      return unchangedBy(held, async () => {
        const result = importReturnsCsv(held, content, 'returns.csv', returnsContext);
        return { issues: result.ok ? [] : result.issues, held: result.state };
      });
    },
  },
  {
    name: 'In-year allocation file',
    maxBytes: 5 * MB,
    file: 'allocation.csv',
    text: () =>
      [
        'time_period,partnership_code,partnership_name,subject,allocation_count,capacity_count',
        '202526,S21,Sheffield Hallam University,Physics,10,12',
        '202526,S21,Sheffield Hallam University,Chemistry,8,9',
      ].join('\n'),
    number: 'allocation_count',
    tooLarge: '100000',
    tooSmall: '-1',
    textColumn: 'partnership_name',
    agree: {
      code: 'partnership_code',
      column: 'partnership_name',
      value: 'The University of Sheffield',
    },
    run: async (content) => {
      const result = importAllocationCsv(content, 'allocation.csv');
      return { issues: result.ok ? [] : result.issues, unchanged: !result.ok };
    },
  },
  {
    name: 'partner-school list',
    maxBytes: 2 * MB,
    blankAllowed: true,
    file: 'schools.csv',
    text: () => 'partnership_code,school_urn,share\nP1,1,0.5\nP1,2,z',
    number: 'share',
    tooLarge: '1.5',
    tooSmall: '-0.5',
    textColumn: 'school_urn',
    run: (content) =>
      unchangedBy(HAND_ASSIGNMENT, async () => {
        const result = importPartnerSchools(HAND_ASSIGNMENT, content, 'schools.csv', {
          partnerships: HAND_PARTNERSHIPS,
          schools: HAND_SCHOOLS,
        });
        return { issues: result.ok ? [] : result.issues, held: result.assignment };
      }),
  },
  {
    name: 'partnership submission',
    maxBytes: 2 * MB,
    file: 'submission.csv',
    text: submission,
    number: 'fte_change',
    tooLarge: '250',
    tooSmall: '-250',
    textColumn: 'reason',
    freeText: true,
    agree: { code: 'partnership_code', column: 'partnership_name', value: 'Partnership P2' },
    level: true,
    run: (content) => {
      const held = { entries: [...HAND_ENTRIES] };
      return unchangedBy(held, async () => {
        const result = importSubmission(held, content, 'submission.csv', HAND_CONTEXT);
        return { issues: result.ok ? [] : result.issues, held: result.state };
      });
    },
  },
  {
    name: 'forecast file (allocate --need)',
    maxBytes: 50 * MB,
    file: 'forecast.csv',
    text: () =>
      [
        'time_period,lad_code,lad_name,phase,subject,nqt_need_fte_p50',
        '202728,E08000016,Barnsley,Primary,Total,31',
        '202728,E08000016,Barnsley,Secondary,Physics,4.2',
      ].join('\n'),
    number: 'nqt_need_fte_p50',
    tooLarge: '250000',
    tooSmall: '-250000',
    textColumn: 'lad_name',
    freeText: true,
    run: async (content) => {
      const result = needFromForecastCsv(content, 'forecast.csv');
      return { issues: result.issues, unchanged: result.issues.length > 0 };
    },
  },
];

/** A class of problem: how it breaks a kind's file (or null where it does not apply). */
type Breaker = (kind: Kind, text: string) => FileContent | null;

const CLASSES: Record<string, Breaker> = {
  'duplicate header': (kind, text) => {
    const lines = text.split('\n');
    return [`${lines[0]},${kind.number}`, ...lines.slice(1).map((l) => `${l},1`)].join('\n');
  },
  'extra cells': (_, text) => {
    const lines = text.split('\n');
    lines[1] = `${lines[1]},surplus`;
    return lines.join('\n');
  },
  'hex number': (kind, text) => withCell(text, 1, kind.number, '0x10'),
  exponent: (kind, text) => withCell(text, 1, kind.number, '1e308'),
  Infinity: (kind, text) => withCell(text, 1, kind.number, 'Infinity'),
  'thousands separator': (kind, text) => withCell(text, 1, kind.number, '1,000'),
  'out of range': (kind, text) => withCell(text, 1, kind.number, kind.tooLarge),
  'below the range': (kind, text) => withCell(text, 1, kind.number, kind.tooSmall),
  NaN: (kind, text) => withCell(text, 1, kind.number, 'NaN'),
  'blank number': (kind, text) => (kind.blankAllowed ? null : withCell(text, 1, kind.number, '')),
  'formula in a number cell': (kind, text) => withCell(text, 1, kind.number, '=1+1'),
  'formula in a text cell that must be a code': (kind, text) =>
    kind.agree ? withCell(text, 1, kind.agree.code, '=HYPERLINK("http://evil.example","x")') : null,
  'misspelt column name': (kind, text) => withHeaderName(text, kind.number, `${kind.number}s`),
  'column name in capitals': (kind, text) =>
    withHeaderName(text, kind.number, kind.number.toUpperCase()),
  // As Excel saves "CSV" where the decimal mark is a comma.
  'semicolons for commas': (_, text) => text.replaceAll(',', ';'),
  'too few cells': (_, text) => {
    const lines = text.split('\n');
    lines[1] = lines[1]!.slice(0, lines[1]!.lastIndexOf(','));
    return lines.join('\n');
  },
  'blank lines before a bad row': (kind, text) => {
    const lines = withCell(text, 2, kind.number, 'lots').split('\n');
    return [lines[0], lines[1], '', '', ...lines.slice(2)].join('\n');
  },
  'empty file': () => '',
  'header only': (_, text) => `${text.split('\n')[0]}\n`,
  'binary file': () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]),
  'UTF-16 text (Excel "Unicode text")': (_, text) => {
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i += 1) bytes[2 + 2 * i] = text.charCodeAt(i);
    return bytes;
  },
  'unknown geographic level': (kind, text) =>
    kind.level ? withCell(text, 1, 'geographic_level', 'Banana') : null,
  'year beyond the horizon': (_, text) =>
    parseCsv(text).columns.includes('time_period')
      ? withCell(text, 1, 'time_period', '209899')
      : null,
  'year written another way': (_, text) =>
    parseCsv(text).columns.includes('time_period')
      ? withCell(text, 1, 'time_period', '2025-26')
      : null,
  'zero teachers for an area with pupils': (kind, text) =>
    kind.number === 'fte' || kind.number === 'teachers_fte'
      ? withCell(text, 1, kind.number, '0')
      : null,
  'name contradicting its code': (kind, text) =>
    kind.agree ? withCell(text, 2, kind.agree.column, kind.agree.value) : null,
  'invalid UTF-8': (kind, text) => {
    const marked = withCell(text, 2, kind.textColumn, 'MARK');
    const bytes = new TextEncoder().encode(marked);
    const at = marked.indexOf('MARK');
    // "£" as Windows-1252 writes it: one byte that is never valid UTF-8 on its own.
    return new Uint8Array([...bytes.slice(0, at), 0xa3, ...bytes.slice(at + 4)]);
  },
  // On the last line, so nothing after it can close the quote by accident.
  'unterminated quote': (_, text) => `${text.trimEnd()},"never closed\n`,
  'line numbers after a quoted line break': (kind, text) =>
    kind.freeText
      ? withCell(withCell(text, 1, kind.textColumn, 'two\nlines'), 2, kind.number, 'lots')
      : null,
};

/** The sentence each case must produce (the first issue, as the CLI and logs print it). */
const EXPECTED: Record<string, Record<string, string>> = {
  'default data file (district baseline)': {
    'blank lines before a bad row':
      'district_phase_baseline.csv, line 5, column teachers_fte: "lots" is not a number written in digits; enter a number of teachers (FTE) above 0 and below 100,000',
    'file over the size limit':
      'district_phase_baseline.csv: the file is larger than 20 MB, the limit for a district baseline file; upload a district baseline file smaller than 20 MB',
    'duplicate header':
      'district_phase_baseline.csv, line 1, column teachers_fte: the header names column teachers_fte twice (cells 16 and 17); remove or rename one of the teachers_fte columns',
    'out of range':
      'district_phase_baseline.csv, line 2, column teachers_fte: 250000 is too large to be right; enter a number of teachers (FTE) above 0 and below 100,000',
    'zero teachers for an area with pupils':
      'district_phase_baseline.csv, line 2, column teachers_fte: 0 is too small; enter a number of teachers (FTE) above 0 and below 100,000',
    'name contradicting its code':
      'district_phase_baseline.csv, line 3, column lad_name: "Doncaster" is not the name of E08000016 ("Barnsley"); enter Barnsley, or the code of Doncaster',
    'invalid UTF-8':
      'district_phase_baseline.csv, line 3: this line is not UTF-8 text; save the file as "CSV UTF-8" (or UTF-8 text) and upload it again',
    'unterminated quote':
      'district_phase_baseline.csv, line 19: a quote mark opens a cell on this line and is never closed; close the quoted cell with a quote mark, or remove the quote mark',
  },
  'Data sources upload (School Workforce Census FTE)': {
    'column name in capitals':
      'swc.csv, line 1, column fte: the header has no fte column; rename column FTE to fte',
    'semicolons for commas':
      'swc.csv, line 1: the columns are separated by semicolons, not commas; save the file as "CSV UTF-8 (comma delimited)" and upload it again',
    NaN: 'swc.csv, line 2, column fte: "NaN" is not a number written in digits; enter a number of teachers (FTE) above 0 and below 100,000',
    'UTF-16 text (Excel "Unicode text")':
      'swc.csv, line 1: this line is not UTF-8 text; save the file as "CSV UTF-8" (or UTF-8 text) and upload it again',
    'below the range':
      'swc.csv, line 2, column fte: -5 is too small; enter a number of teachers (FTE) above 0 and below 100,000',
    'binary file':
      'swc.csv, line 1: this line holds a control character, so the file is not a CSV text file; save the file as "CSV UTF-8" and upload it again',
    'blank lines before a bad row':
      'swc.csv, line 5, column fte: "lots" is not a number written in digits; enter a number of teachers (FTE) above 0 and below 100,000',
    'blank number':
      'swc.csv, line 2, column fte: the cell is blank; enter a number of teachers (FTE) above 0 and below 100,000',
    'empty file':
      'swc.csv: the file is empty; upload a School Workforce Census teacher FTE file with a header row and data rows',
    'file over the size limit':
      'swc.csv: the file is larger than 20 MB, the limit for a School Workforce Census teacher FTE file; upload a School Workforce Census teacher FTE file smaller than 20 MB',
    'formula in a number cell':
      'swc.csv, line 2, column fte: "=1+1" is not a number written in digits; enter a number of teachers (FTE) above 0 and below 100,000',
    'formula in a text cell that must be a code':
      'swc.csv, line 2, column lad_code: "=HYPERLINK("http://evil.example","x")" is not a GSS code; enter a GSS code: a letter and 8 digits, like E08000019',
    'header only':
      'swc.csv: the file has a header but no rows; upload a School Workforce Census teacher FTE file with data rows',
    'misspelt column name':
      'swc.csv, line 1, column fte: the header has no fte column; add the fte column',
    'too few cells':
      'swc.csv, line 2: the row has 8 cells but the header has 9 columns; add the missing cells',
    'year written another way':
      'swc.csv, line 2, column time_period: "2025-26" is not an academic year this tool plans; enter the academic year as 6 digits, like 202526 for 2025/26',
    'duplicate header':
      'swc.csv, line 1, column fte: the header names column fte twice (cells 9 and 10); remove or rename one of the fte columns',
    'extra cells':
      'swc.csv, line 2: the row has 10 cells but the header has 9 columns; remove the extra cells, or put a cell holding a comma in quote marks',
    'hex number':
      'swc.csv, line 2, column fte: "0x10" is not a number written in digits; enter a number of teachers (FTE) above 0 and below 100,000',
    exponent:
      'swc.csv, line 2, column fte: "1e308" is not a number written in digits; enter a number of teachers (FTE) above 0 and below 100,000',
    Infinity:
      'swc.csv, line 2, column fte: "Infinity" is not a number written in digits; enter a number of teachers (FTE) above 0 and below 100,000',
    'thousands separator':
      'swc.csv, line 2, column fte: "1,000" has a thousands separator; enter a number of teachers (FTE) above 0 and below 100,000',
    'out of range':
      'swc.csv, line 2, column fte: 100000 is too large to be right; enter a number of teachers (FTE) above 0 and below 100,000',
    'unknown geographic level':
      'swc.csv, line 2, column geographic_level: "Banana" is not a geographic level of Explore Education Statistics; enter a geographic level, such as National or Regional',
    'year beyond the horizon':
      'swc.csv, line 2, column time_period: "209899" is not an academic year this tool plans; enter the academic year as 6 digits, like 202526 for 2025/26',
    'zero teachers for an area with pupils':
      'swc.csv, line 2, column fte: 0 is too small; enter a number of teachers (FTE) above 0 and below 100,000',
    'name contradicting its code':
      'swc.csv, line 3, column lad_name: "Doncaster" is not the name of E08000019 ("Sheffield"); enter Sheffield, or the code of Doncaster',
    'invalid UTF-8':
      'swc.csv, line 3: this line is not UTF-8 text; save the file as "CSV UTF-8" (or UTF-8 text) and upload it again',
    'unterminated quote':
      'swc.csv, line 3: a quote mark opens a cell on this line and is never closed; close the quoted cell with a quote mark, or remove the quote mark',
    'line numbers after a quoted line break':
      'swc.csv, line 4, column fte: "lots" is not a number written in digits; enter a number of teachers (FTE) above 0 and below 100,000',
  },
  'Data sources upload (pupil projections)': {
    'column name in capitals':
      'projections.csv, line 1, column pupils: the header has no pupils column; rename column PUPILS to pupils',
    'semicolons for commas':
      'projections.csv, line 1: the columns are separated by semicolons, not commas; save the file as "CSV UTF-8 (comma delimited)" and upload it again',
    NaN: 'projections.csv, line 2, column pupils: "NaN" is not a number written in digits; enter a number of pupils above 0 and below 1,000,000',
    'UTF-16 text (Excel "Unicode text")':
      'projections.csv, line 1: this line is not UTF-8 text; save the file as "CSV UTF-8" (or UTF-8 text) and upload it again',
    'below the range':
      'projections.csv, line 2, column pupils: -5 is too small; enter a number of pupils above 0 and below 1,000,000',
    'binary file':
      'projections.csv, line 1: this line holds a control character, so the file is not a CSV text file; save the file as "CSV UTF-8" and upload it again',
    'blank lines before a bad row':
      'projections.csv, line 5, column pupils: "lots" is not a number written in digits; enter a number of pupils above 0 and below 1,000,000',
    'blank number':
      'projections.csv, line 2, column pupils: the cell is blank; enter a number of pupils above 0 and below 1,000,000',
    'empty file':
      'projections.csv: the file is empty; upload a pupil projections file with a header row and data rows',
    'file over the size limit':
      'projections.csv: the file is larger than 20 MB, the limit for a pupil projections file; upload a pupil projections file smaller than 20 MB',
    'formula in a number cell':
      'projections.csv, line 2, column pupils: "=1+1" is not a number written in digits; enter a number of pupils above 0 and below 1,000,000',
    'formula in a text cell that must be a code':
      'projections.csv, line 2, column lad_code: "=HYPERLINK("http://evil.example","x")" is not a GSS code; enter a GSS code: a letter and 8 digits, like E08000019',
    'header only':
      'projections.csv: the file has a header but no rows; upload a pupil projections file with data rows',
    'misspelt column name':
      'projections.csv, line 1, column pupils: the header has no pupils column; add the pupils column',
    'too few cells':
      'projections.csv, line 2: the row has 8 cells but the header has 9 columns; add the missing cells',
    'year written another way':
      'projections.csv, line 2, column time_period: "2025-26" is not an academic year this tool plans; enter the academic year as 6 digits, like 202526 for 2025/26',
    'duplicate header':
      'projections.csv, line 1, column pupils: the header names column pupils twice (cells 9 and 10); remove or rename one of the pupils columns',
    'extra cells':
      'projections.csv, line 2: the row has 10 cells but the header has 9 columns; remove the extra cells, or put a cell holding a comma in quote marks',
    'hex number':
      'projections.csv, line 2, column pupils: "0x10" is not a number written in digits; enter a number of pupils above 0 and below 1,000,000',
    exponent:
      'projections.csv, line 2, column pupils: "1e308" is not a number written in digits; enter a number of pupils above 0 and below 1,000,000',
    Infinity:
      'projections.csv, line 2, column pupils: "Infinity" is not a number written in digits; enter a number of pupils above 0 and below 1,000,000',
    'thousands separator':
      'projections.csv, line 2, column pupils: "1,000" has a thousands separator; enter a number of pupils above 0 and below 1,000,000',
    'out of range':
      'projections.csv, line 2, column pupils: 2000000 is too large to be right; enter a number of pupils above 0 and below 1,000,000',
    'unknown geographic level':
      'projections.csv, line 2, column geographic_level: "Banana" is not a geographic level of Explore Education Statistics; enter a geographic level, such as National or Regional',
    'year beyond the horizon':
      'projections.csv, line 2, column time_period: "209899" is not an academic year this tool plans; enter the academic year as 6 digits, like 202526 for 2025/26',
    'name contradicting its code':
      'projections.csv, line 3, column lad_name: "Rotherham" is not the name of E08000019 ("Sheffield"); enter Sheffield, or the code of Rotherham',
    'invalid UTF-8':
      'projections.csv, line 3: this line is not UTF-8 text; save the file as "CSV UTF-8" (or UTF-8 text) and upload it again',
    'unterminated quote':
      'projections.csv, line 3: a quote mark opens a cell on this line and is never closed; close the quoted cell with a quote mark, or remove the quote mark',
    'line numbers after a quoted line break':
      'projections.csv, line 4, column pupils: "lots" is not a number written in digits; enter a number of pupils above 0 and below 1,000,000',
  },
  'In-year returns upload': {
    'column name in capitals':
      'returns.csv, line 1, column recruited_count: the header has no recruited_count column; rename column RECRUITED_COUNT to recruited_count',
    'semicolons for commas':
      'returns.csv, line 1: the columns are separated by semicolons, not commas; save the file as "CSV UTF-8 (comma delimited)" and upload it again',
    NaN: 'returns.csv, line 2, column recruited_count: "NaN" is not a number written in digits; enter a whole number of trainees recruited from 0 to 99,999',
    'UTF-16 text (Excel "Unicode text")':
      'returns.csv, line 1: this line is not UTF-8 text; save the file as "CSV UTF-8" (or UTF-8 text) and upload it again',
    'below the range':
      'returns.csv, line 2, column recruited_count: -1 is too small; enter a whole number of trainees recruited from 0 to 99,999',
    'binary file':
      'returns.csv, line 1: this line holds a control character, so the file is not a CSV text file; save the file as "CSV UTF-8" and upload it again',
    'blank lines before a bad row':
      'returns.csv, line 5, column recruited_count: "lots" is not a number written in digits; enter a whole number of trainees recruited from 0 to 99,999',
    'blank number':
      'returns.csv, line 2, column recruited_count: the cell is blank; enter a whole number of trainees recruited from 0 to 99,999',
    'empty file':
      'returns.csv: the file is empty; upload a returns file with a header row and data rows',
    'file over the size limit':
      'returns.csv: the file is larger than 5 MB, the limit for a returns file; upload a returns file smaller than 5 MB',
    'formula in a number cell':
      'returns.csv, line 2, column recruited_count: "=1+1" is not a number written in digits; enter a whole number of trainees recruited from 0 to 99,999',
    'formula in a text cell that must be a code':
      'returns.csv, line 2, column partnership_code: "=HYPERLINK("http://evil.example","x")" is not a partnership of the region; enter the code of one of the region\'s partnerships, such as S21',
    'header only':
      'returns.csv: the file has a header but no rows; upload a returns file with data rows',
    'misspelt column name':
      'returns.csv, line 1, column recruited_count: the header has no recruited_count column; add the recruited_count column',
    'too few cells':
      'returns.csv, line 2: the row has 12 cells but the header has 13 columns; add the missing cells',
    'year written another way':
      'returns.csv, line 2, column time_period: "2025-26" is not an academic year this tool plans; enter the academic year as 6 digits, like 202526 for 2025/26',
    'duplicate header':
      'returns.csv, line 1, column recruited_count: the header names column recruited_count twice (cells 12 and 14); remove or rename one of the recruited_count columns',
    'extra cells':
      'returns.csv, line 2: the row has 14 cells but the header has 13 columns; remove the extra cells, or put a cell holding a comma in quote marks',
    'hex number':
      'returns.csv, line 2, column recruited_count: "0x10" is not a number written in digits; enter a whole number of trainees recruited from 0 to 99,999',
    exponent:
      'returns.csv, line 2, column recruited_count: "1e308" is not a number written in digits; enter a whole number of trainees recruited from 0 to 99,999',
    Infinity:
      'returns.csv, line 2, column recruited_count: "Infinity" is not a number written in digits; enter a whole number of trainees recruited from 0 to 99,999',
    'thousands separator':
      'returns.csv, line 2, column recruited_count: "1,000" has a thousands separator; enter a whole number of trainees recruited from 0 to 99,999',
    'out of range':
      'returns.csv, line 2, column recruited_count: 100000000000000000000000 is too large to be right; enter a whole number of trainees recruited from 0 to 99,999',
    'unknown geographic level':
      'returns.csv, line 2, column geographic_level: "Banana" is not a geographic level of Explore Education Statistics; enter Regional',
    'year beyond the horizon':
      'returns.csv, line 2, column time_period: "209899" is not an academic year this tool plans; enter the academic year as 6 digits, like 202526 for 2025/26',
    'name contradicting its code':
      'returns.csv, line 3, column partnership_name: "EVIL" is not the name of S18 ("The University of Sheffield"); enter The University of Sheffield, or the code of EVIL',
    'invalid UTF-8':
      'returns.csv, line 3: this line is not UTF-8 text; save the file as "CSV UTF-8" (or UTF-8 text) and upload it again',
    'unterminated quote':
      'returns.csv, line 3: a quote mark opens a cell on this line and is never closed; close the quoted cell with a quote mark, or remove the quote mark',
    'line numbers after a quoted line break':
      'returns.csv, line 4, column recruited_count: "lots" is not a number written in digits; enter a whole number of trainees recruited from 0 to 99,999',
  },
  'In-year allocation file': {
    'column name in capitals':
      'allocation.csv, line 1, column allocation_count: the header has no allocation_count column; rename column ALLOCATION_COUNT to allocation_count',
    'semicolons for commas':
      'allocation.csv, line 1: the columns are separated by semicolons, not commas; save the file as "CSV UTF-8 (comma delimited)" and upload it again',
    NaN: 'allocation.csv, line 2, column allocation_count: "NaN" is not a number written in digits; enter a whole number of places from 0 to 99,999',
    'UTF-16 text (Excel "Unicode text")':
      'allocation.csv, line 1: this line is not UTF-8 text; save the file as "CSV UTF-8" (or UTF-8 text) and upload it again',
    'below the range':
      'allocation.csv, line 2, column allocation_count: -1 is too small; enter a whole number of places from 0 to 99,999',
    'binary file':
      'allocation.csv, line 1: this line holds a control character, so the file is not a CSV text file; save the file as "CSV UTF-8" and upload it again',
    'blank lines before a bad row':
      'allocation.csv, line 5, column allocation_count: "lots" is not a number written in digits; enter a whole number of places from 0 to 99,999',
    'blank number':
      'allocation.csv, line 2, column allocation_count: the cell is blank; enter a whole number of places from 0 to 99,999',
    'empty file':
      'allocation.csv: the file is empty; upload an allocation file with a header row and data rows',
    'file over the size limit':
      'allocation.csv: the file is larger than 5 MB, the limit for an allocation file; upload an allocation file smaller than 5 MB',
    'formula in a number cell':
      'allocation.csv, line 2, column allocation_count: "=1+1" is not a number written in digits; enter a whole number of places from 0 to 99,999',
    'formula in a text cell that must be a code':
      'allocation.csv, line 2, column partnership_code: "=HYPERLINK("http://evil.example","x")" is not a provider code; enter the partnership’s provider code: 2 to 4 capital letters or digits, like S21',
    'header only':
      'allocation.csv: the file has a header but no rows; upload an allocation file with data rows',
    'misspelt column name':
      'allocation.csv, line 1, column allocation_count: the header has no allocation_count column; add the allocation_count column',
    'too few cells':
      'allocation.csv, line 2: the row has 5 cells but the header has 6 columns; add the missing cells',
    'year written another way':
      'allocation.csv, line 2, column time_period: "2025-26" is not an academic year this tool plans; enter the academic year as 6 digits, like 202526 for 2025/26',
    'duplicate header':
      'allocation.csv, line 1, column allocation_count: the header names column allocation_count twice (cells 5 and 7); remove or rename one of the allocation_count columns',
    'extra cells':
      'allocation.csv, line 2: the row has 7 cells but the header has 6 columns; remove the extra cells, or put a cell holding a comma in quote marks',
    'hex number':
      'allocation.csv, line 2, column allocation_count: "0x10" is not a number written in digits; enter a whole number of places from 0 to 99,999',
    exponent:
      'allocation.csv, line 2, column allocation_count: "1e308" is not a number written in digits; enter a whole number of places from 0 to 99,999',
    Infinity:
      'allocation.csv, line 2, column allocation_count: "Infinity" is not a number written in digits; enter a whole number of places from 0 to 99,999',
    'thousands separator':
      'allocation.csv, line 2, column allocation_count: "1,000" has a thousands separator; enter a whole number of places from 0 to 99,999',
    'out of range':
      'allocation.csv, line 2, column allocation_count: 100000 is too large to be right; enter a whole number of places from 0 to 99,999',
    'year beyond the horizon':
      'allocation.csv, line 2, column time_period: "209899" is not an academic year this tool plans; enter the academic year as 6 digits, like 202526 for 2025/26',
    'name contradicting its code':
      'allocation.csv, line 3, column partnership_name: "The University of Sheffield" is not the name line 2 gives S21 ("Sheffield Hallam University"); enter Sheffield Hallam University, or the code of The University of Sheffield',
    'invalid UTF-8':
      'allocation.csv, line 3: this line is not UTF-8 text; save the file as "CSV UTF-8" (or UTF-8 text) and upload it again',
    'unterminated quote':
      'allocation.csv, line 3: a quote mark opens a cell on this line and is never closed; close the quoted cell with a quote mark, or remove the quote mark',
  },
  'partner-school list': {
    'column name in capitals':
      'schools.csv, line 1, column share: the header has no share column; rename column SHARE to share',
    'semicolons for commas':
      'schools.csv, line 1: the columns are separated by semicolons, not commas; save the file as "CSV UTF-8 (comma delimited)" and upload it again',
    NaN: 'schools.csv, line 2, column share: "NaN" is not a number written in digits; enter a share of the school above 0 and at most 1',
    'UTF-16 text (Excel "Unicode text")':
      'schools.csv, line 1: this line is not UTF-8 text; save the file as "CSV UTF-8" (or UTF-8 text) and upload it again',
    'below the range':
      'schools.csv, line 2, column share: -0.5 is too small; enter a share of the school above 0 and at most 1',
    'binary file':
      'schools.csv, line 1: this line holds a control character, so the file is not a CSV text file; save the file as "CSV UTF-8" and upload it again',
    'blank lines before a bad row':
      'schools.csv, line 5, column share: "lots" is not a number written in digits; enter a share of the school above 0 and at most 1',
    'empty file':
      'schools.csv: the file is empty; upload a partner-school list with a header row and data rows',
    'file over the size limit':
      'schools.csv: the file is larger than 2 MB, the limit for a partner-school list; upload a partner-school list smaller than 2 MB',
    'formula in a number cell':
      'schools.csv, line 2, column share: "=1+1" is not a number written in digits; enter a share of the school above 0 and at most 1',
    'header only':
      'schools.csv: the file has a header but no rows; upload a partner-school list with data rows',
    'misspelt column name':
      'schools.csv, line 1, column share: the header has no share column; add the share column',
    'too few cells':
      'schools.csv, line 2: the row has 2 cells but the header has 3 columns; add the missing cells',
    'duplicate header':
      'schools.csv, line 1, column share: the header names column share twice (cells 3 and 4); remove or rename one of the share columns',
    'extra cells':
      'schools.csv, line 2: the row has 4 cells but the header has 3 columns; remove the extra cells, or put a cell holding a comma in quote marks',
    'hex number':
      'schools.csv, line 2, column share: "0x10" is not a number written in digits; enter a share of the school above 0 and at most 1',
    exponent:
      'schools.csv, line 2, column share: "1e308" is not a number written in digits; enter a share of the school above 0 and at most 1',
    Infinity:
      'schools.csv, line 2, column share: "Infinity" is not a number written in digits; enter a share of the school above 0 and at most 1',
    'thousands separator':
      'schools.csv, line 2, column share: "1,000" has a thousands separator; enter a share of the school above 0 and at most 1',
    'out of range':
      'schools.csv, line 2, column share: 1.5 is too large to be right; enter a share of the school above 0 and at most 1',
    'invalid UTF-8':
      'schools.csv, line 3: this line is not UTF-8 text; save the file as "CSV UTF-8" (or UTF-8 text) and upload it again',
    'unterminated quote':
      'schools.csv, line 3: a quote mark opens a cell on this line and is never closed; close the quoted cell with a quote mark, or remove the quote mark',
  },
  'partnership submission': {
    'column name in capitals':
      'submission.csv, line 1, column fte_change: the header has no fte_change column; rename column FTE_CHANGE to fte_change',
    'semicolons for commas':
      'submission.csv, line 1: the columns are separated by semicolons, not commas; save the file as "CSV UTF-8 (comma delimited)" and upload it again',
    NaN: 'submission.csv, line 2, column fte_change: "NaN" is not a number written in digits; enter an FTE change from -100 to 100, with up to 2 decimal places, such as 1 or -0.5',
    'UTF-16 text (Excel "Unicode text")':
      'submission.csv, line 1: this line is not UTF-8 text; save the file as "CSV UTF-8" (or UTF-8 text) and upload it again',
    'below the range':
      'submission.csv, line 2, column fte_change: -250 is too small; enter an FTE change from -100 to 100, with up to 2 decimal places, such as 1 or -0.5',
    'binary file':
      'submission.csv, line 1: this line holds a control character, so the file is not a CSV text file; save the file as "CSV UTF-8" and upload it again',
    'blank lines before a bad row':
      'submission.csv, line 5, column fte_change: "lots" is not a number written in digits; enter an FTE change from -100 to 100, with up to 2 decimal places, such as 1 or -0.5',
    'blank number':
      'submission.csv, line 2, column fte_change: the cell is blank; enter an FTE change from -100 to 100, with up to 2 decimal places, such as 1 or -0.5',
    'empty file':
      'submission.csv: the file is empty; upload a submission with a header row and data rows',
    'file over the size limit':
      'submission.csv: the file is larger than 2 MB, the limit for a submission; upload a submission smaller than 2 MB',
    'formula in a number cell':
      'submission.csv, line 2, column fte_change: "=1+1" is not a number written in digits; enter an FTE change from -100 to 100, with up to 2 decimal places, such as 1 or -0.5',
    'formula in a text cell that must be a code':
      'submission.csv, line 2, column partnership_code: "=HYPERLINK("http://evil.example","x")" is not a partnership of the region; enter the code of one of the region\'s partnerships',
    'header only':
      'submission.csv: the file has a header but no rows; upload a submission with data rows',
    'misspelt column name':
      'submission.csv, line 1, column fte_change: the header has no fte_change column; add the fte_change column',
    'too few cells':
      'submission.csv, line 2: the row has 17 cells but the header has 18 columns; add the missing cells',
    'year written another way':
      'submission.csv, line 2, column time_period: "2025-26" is not an academic year this tool plans; enter the academic year as 6 digits, like 202526 for 2025/26',
    'duplicate header':
      'submission.csv, line 1, column fte_change: the header names column fte_change twice (cells 15 and 19); remove or rename one of the fte_change columns',
    'extra cells':
      'submission.csv, line 2: the row has 19 cells but the header has 18 columns; remove the extra cells, or put a cell holding a comma in quote marks',
    'hex number':
      'submission.csv, line 2, column fte_change: "0x10" is not a number written in digits; enter an FTE change from -100 to 100, with up to 2 decimal places, such as 1 or -0.5',
    exponent:
      'submission.csv, line 2, column fte_change: "1e308" is not a number written in digits; enter an FTE change from -100 to 100, with up to 2 decimal places, such as 1 or -0.5',
    Infinity:
      'submission.csv, line 2, column fte_change: "Infinity" is not a number written in digits; enter an FTE change from -100 to 100, with up to 2 decimal places, such as 1 or -0.5',
    'thousands separator':
      'submission.csv, line 2, column fte_change: "1,000" has a thousands separator; enter an FTE change from -100 to 100, with up to 2 decimal places, such as 1 or -0.5',
    'out of range':
      'submission.csv, line 2, column fte_change: 250 is too large to be right; enter an FTE change from -100 to 100, with up to 2 decimal places, such as 1 or -0.5',
    'unknown geographic level':
      'submission.csv, line 2, column geographic_level: "Banana" is not a geographic level of Explore Education Statistics; enter one of: School or Regional',
    'year beyond the horizon':
      'submission.csv, line 2, column time_period: "209899" is not an academic year this tool plans; enter the academic year as 6 digits, like 202526 for 2025/26',
    'name contradicting its code':
      'submission.csv, line 3, column partnership_name: "Partnership P2" is not the name of P1 ("Partnership P1"); enter Partnership P1',
    'invalid UTF-8':
      'submission.csv, line 3: this line is not UTF-8 text; save the file as "CSV UTF-8" (or UTF-8 text) and upload it again',
    'unterminated quote':
      'submission.csv, line 5: a quote mark opens a cell on this line and is never closed; close the quoted cell with a quote mark, or remove the quote mark',
    'line numbers after a quoted line break':
      'submission.csv, line 4, column fte_change: "lots" is not a number written in digits; enter an FTE change from -100 to 100, with up to 2 decimal places, such as 1 or -0.5',
  },
  'forecast file (allocate --need)': {
    'column name in capitals':
      'forecast.csv, line 1, column nqt_need_fte_p50: the header has neither nqt_need_fte_p50 nor nqt_need_fte; give the forecast file written by npm run forecast',
    'semicolons for commas':
      'forecast.csv, line 1: the columns are separated by semicolons, not commas; save the file as "CSV UTF-8 (comma delimited)" and upload it again',
    NaN: 'forecast.csv, line 2, column nqt_need_fte_p50: "NaN" is not a number written in digits; enter an NQT need in FTE at least -100,000 and below 100,000, or a symbol for a missing value (x, z, c, low or u)',
    'UTF-16 text (Excel "Unicode text")':
      'forecast.csv, line 1: this line is not UTF-8 text; save the file as "CSV UTF-8" (or UTF-8 text) and upload it again',
    'below the range':
      'forecast.csv, line 2, column nqt_need_fte_p50: -250000 is too small; enter an NQT need in FTE at least -100,000 and below 100,000, or a symbol for a missing value (x, z, c, low or u)',
    'binary file':
      'forecast.csv, line 1: this line holds a control character, so the file is not a CSV text file; save the file as "CSV UTF-8" and upload it again',
    'blank lines before a bad row':
      'forecast.csv, line 5, column nqt_need_fte_p50: "lots" is not a number written in digits; enter an NQT need in FTE at least -100,000 and below 100,000, or a symbol for a missing value (x, z, c, low or u)',
    'blank number':
      'forecast.csv, line 2, column nqt_need_fte_p50: the cell is blank; enter an NQT need in FTE at least -100,000 and below 100,000, or a symbol for a missing value (x, z, c, low or u)',
    'empty file':
      'forecast.csv: the file is empty; upload a forecast file with a header row and data rows',
    'file over the size limit':
      'forecast.csv: the file is larger than 50 MB, the limit for a forecast file; upload a forecast file smaller than 50 MB',
    'formula in a number cell':
      'forecast.csv, line 2, column nqt_need_fte_p50: "=1+1" is not a number written in digits; enter an NQT need in FTE at least -100,000 and below 100,000, or a symbol for a missing value (x, z, c, low or u)',
    'header only':
      'forecast.csv: the file has a header but no rows; upload a forecast file with data rows',
    'misspelt column name':
      'forecast.csv, line 1, column nqt_need_fte_p50: the header has neither nqt_need_fte_p50 nor nqt_need_fte; give the forecast file written by npm run forecast',
    'too few cells':
      'forecast.csv, line 2: the row has 5 cells but the header has 6 columns; add the missing cells',
    'year written another way':
      'forecast.csv, line 2, column time_period: "2025-26" is not an academic year this tool plans; enter the academic year as 6 digits, like 202526 for 2025/26',
    'duplicate header':
      'forecast.csv, line 1, column nqt_need_fte_p50: the header names column nqt_need_fte_p50 twice (cells 6 and 7); remove or rename one of the nqt_need_fte_p50 columns',
    'extra cells':
      'forecast.csv, line 2: the row has 7 cells but the header has 6 columns; remove the extra cells, or put a cell holding a comma in quote marks',
    'hex number':
      'forecast.csv, line 2, column nqt_need_fte_p50: "0x10" is not a number written in digits; enter an NQT need in FTE at least -100,000 and below 100,000, or a symbol for a missing value (x, z, c, low or u)',
    exponent:
      'forecast.csv, line 2, column nqt_need_fte_p50: "1e308" is not a number written in digits; enter an NQT need in FTE at least -100,000 and below 100,000, or a symbol for a missing value (x, z, c, low or u)',
    Infinity:
      'forecast.csv, line 2, column nqt_need_fte_p50: "Infinity" is not a number written in digits; enter an NQT need in FTE at least -100,000 and below 100,000, or a symbol for a missing value (x, z, c, low or u)',
    'thousands separator':
      'forecast.csv, line 2, column nqt_need_fte_p50: "1,000" has a thousands separator; enter an NQT need in FTE at least -100,000 and below 100,000, or a symbol for a missing value (x, z, c, low or u)',
    'out of range':
      'forecast.csv, line 2, column nqt_need_fte_p50: 250000 is too large to be right; enter an NQT need in FTE at least -100,000 and below 100,000, or a symbol for a missing value (x, z, c, low or u)',
    'year beyond the horizon':
      'forecast.csv, line 2, column time_period: "209899" is not an academic year this tool plans; enter the academic year as 6 digits, like 202526 for 2025/26',
    'invalid UTF-8':
      'forecast.csv, line 3: this line is not UTF-8 text; save the file as "CSV UTF-8" (or UTF-8 text) and upload it again',
    'unterminated quote':
      'forecast.csv, line 3: a quote mark opens a cell on this line and is never closed; close the quoted cell with a quote mark, or remove the quote mark',
    'line numbers after a quoted line break':
      'forecast.csv, line 4, column nqt_need_fte_p50: "lots" is not a number written in digits; enter an NQT need in FTE at least -100,000 and below 100,000, or a symbol for a missing value (x, z, c, low or u)',
  },
};

describe('hostile tabular inputs are refused whole, with file, line, column and reason', () => {
  it('every kind accepts its starting file, also as Excel saves "CSV UTF-8" (byte-order mark, CRLF)', async () => {
    region = (await loadReal()).dataset;
    for (const kind of KINDS) {
      const text = kind.text();
      const excel = new TextEncoder().encode(`\uFEFF${text.replaceAll('\n', '\r\n')}\r\n`);
      for (const content of [text, excel]) {
        const outcome = await kind.run(content);
        expect(outcome.issues.map(describeIssue), kind.name).toEqual([]);
      }
    }
  });

  // Made one at a time (up to 50 MB), not held for the whole run like the other cases.
  for (const kind of KINDS) {
    it(`${kind.name}: file over the size limit`, async () => {
      region ??= (await loadReal()).dataset;
      const text = kind.text();
      const outcome = await kind.run(`${text}\n${'9'.repeat(kind.maxBytes - text.length)}`);
      const first = outcome.issues[0];
      expect(first && describeIssue(first)).toBe(EXPECTED[kind.name]?.['file over the size limit']);
      expect(outcome.unchanged).toBe(true);
    });
  }

  for (const kind of KINDS) {
    for (const [problem, breaker] of Object.entries(CLASSES)) {
      if (kind.only && !kind.only.includes(problem)) continue;
      const content = breaker(kind, kind.text());
      if (content === null) continue;
      it(`${kind.name}: ${problem}`, async () => {
        region ??= (await loadReal()).dataset;
        const outcome = await kind.run(content);
        const first = outcome.issues[0];
        expect(first && describeIssue(first)).toBe(EXPECTED[kind.name]?.[problem]);
        expect(outcome.unchanged).toBe(true);
      });
    }
  }
});
