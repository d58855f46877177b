import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/data/csv-reader.ts';
import { describeIssue } from '../../../src/data/issues.ts';

const LIMITS = { maxBytes: 10_000, maxRows: 100 };
const read = (content: string | Uint8Array, required: string[] = []) =>
  readCsv(content, 'f.csv', { limits: LIMITS, required, what: 'test file' });

/** The one-line messages of a refused read. */
function problems(content: string | Uint8Array, required: string[] = []): string[] {
  const result = read(content, required);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.issues.map(describeIssue);
}

describe('the CSV reader', () => {
  it('reads rows with their file lines, also after a quoted line break', () => {
    const result = read(
      '\uFEFFname,note,count\r\nA,"two\r\nlines",1\r\n\r\nB,"say ""hi""",2\nC,,3',
    );
    expect(result).toEqual({
      ok: true,
      table: {
        columns: ['name', 'note', 'count'],
        rows: [
          { line: 2, cells: { name: 'A', note: 'two\r\nlines', count: '1' } },
          { line: 5, cells: { name: 'B', note: 'say "hi"', count: '2' } },
          { line: 6, cells: { name: 'C', note: '', count: '3' } },
        ],
      },
    });
  });

  it('reports an unterminated quote at the line where it opens', () => {
    expect(problems('phase,count\nprimary,1\n"secondary,2\nprimary,3\n')).toEqual([
      'f.csv, line 3, column phase: a quote mark opens a cell on this line and is never closed; close the quoted cell with a quote mark, or remove the quote mark',
    ]);
  });

  it('refuses quote marks that are not around a whole cell', () => {
    expect(problems('a,b\n1,x"y\n')).toEqual([
      'f.csv, line 2, column b: a quote mark is inside a cell that is not quoted; put the whole cell in quote marks and write the quote mark inside it as two ("")',
    ]);
    expect(problems('a,b\n"x\ny"z,1\n')[0]).toMatch(
      /^f\.csv, line 3, column a: there is text after the closing quote mark/,
    );
  });

  it('refuses a row with more or fewer cells than the header, at its file line', () => {
    expect(problems('a,b\n1,2,3\n"x\ny",2\n4\n')).toEqual([
      'f.csv, line 2: the row has 3 cells but the header has 2 columns; remove the extra cells, or put a cell holding a comma in quote marks',
      'f.csv, line 5: the row has 1 cells but the header has 2 columns; add the missing cells',
    ]);
  });

  it('refuses duplicate, blank and missing header names', () => {
    expect(problems('fte,phase,fte\n1,primary,2\n')).toEqual([
      'f.csv, line 1, column fte: the header names column fte twice (cells 1 and 3); remove or rename one of the fte columns',
    ]);
    expect(problems('a,,b\n1,2,3\n')).toEqual([
      'f.csv, line 1: header cell 2 is blank; give every column a name in the header row',
    ]);
    expect(problems('a,b\n1,2\n', ['a', 'phase'])).toEqual([
      'f.csv, line 1, column phase: the header has no phase column; add the phase column',
    ]);
  });

  it('refuses bytes that are not UTF-8, naming the first bad line', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('name,pay\nA,1\n'),
      ...[0x42, 0x2c, 0xa3, 0x35, 0x0a], // "B,£5" in Windows-1252
    ]);
    expect(problems(bytes)).toEqual([
      'f.csv, line 3: this line is not UTF-8 text; save the file as "CSV UTF-8" (or UTF-8 text) and upload it again',
    ]);
    const utf8 = new TextEncoder().encode('name,pay\nB,£5\n');
    expect(read(utf8)).toMatchObject({ ok: true, table: { rows: [{ cells: { pay: '£5' } }] } });
  });

  it('refuses control characters, empty files, headers without rows and oversized files', () => {
    expect(problems('a,b\n1,\u00002\n')[0]).toMatch(/^f\.csv, line 2: this line holds a control/);
    expect(problems(' \n\n')).toEqual([
      'f.csv: the file is empty; upload a test file with a header row and data rows',
    ]);
    expect(problems('a,b\n')).toEqual([
      'f.csv: the file has a header but no rows; upload a test file with data rows',
    ]);
    expect(problems(`a\n${'1\n'.repeat(101)}`)).toEqual([
      'f.csv: the file has 101 rows; the limit for a test file is 100; split the file into files of at most 100 rows',
    ]);
    expect(problems('a\n' + 'x'.repeat(10_000))[0]).toBe(
      'f.csv: the file is larger than 10 KB, the limit for a test file; upload a test file smaller than 10 KB',
    );
  });
});
