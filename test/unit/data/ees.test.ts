import { describe, expect, it } from 'vitest';
import {
  formatEesCsv,
  formatEesMeta,
  formatNumber,
  parseCsv,
  type EesTable,
} from '../../../src/data/ees.ts';

describe('EES cells', () => {
  it('writes numbers without trailing zeros, exponents or negative zero', () => {
    expect(formatNumber(2181.7700001, 1)).toBe('2181.8');
    expect(formatNumber(916, 1)).toBe('916');
    expect(formatNumber(-0.00001, 2)).toBe('0');
    expect(formatNumber(1e-7, 6)).toBe('0');
    expect(() => formatNumber(Number.NaN, 2)).toThrow();
  });
});

describe('EES files', () => {
  const table: EesTable = {
    columns: ['time_period', 'geographic_level', 'lad_code', 'phase', 'pupils'],
    meta: [
      { name: 'phase', type: 'Filter', label: 'Phase' },
      { name: 'pupils', type: 'Indicator', label: 'Pupils', dp: 0, unit: '' },
    ],
    rows: [
      {
        time_period: '202425',
        geographic_level: 'Local authority district',
        lad_code: 'E08000019',
        phase: 'Primary',
        pupils: 44174,
      },
      {
        time_period: '202425',
        geographic_level: 'Local authority district',
        lad_code: 'E08000019',
        phase: 'Secondary, Y7-11',
        pupils: 'x',
      },
    ],
  };

  it('formats a tidy CSV that parses back to the same cells (quoting commas)', () => {
    const text = formatEesCsv(table);
    expect(text.split('\n')[2]).toBe(
      '202425,Local authority district,E08000019,"Secondary, Y7-11",x',
    );
    const parsed = parseCsv(text);
    expect(parsed.columns).toEqual(table.columns);
    expect(parsed.rows[0]?.pupils).toBe('44174');
  });

  it('describes only filters and indicators in the meta file', () => {
    expect(formatEesMeta(table)).toBe(
      'col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column\n' +
        'phase,Filter,Phase,,,,,\n' +
        'pupils,Indicator,Pupils,,,0,,\n',
    );
  });

  it('refuses to write a blank cell or an undeclared column', () => {
    expect(() =>
      formatEesCsv({ ...table, rows: [{ ...table.rows[0], phase: ' ' }] as EesTable['rows'] }),
    ).toThrow('column phase is blank');
    expect(() => formatEesCsv({ ...table, columns: [...table.columns, 'mystery'] })).toThrow(
      'mystery',
    );
  });
});
