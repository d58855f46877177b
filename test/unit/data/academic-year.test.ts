import { describe, expect, it } from 'vitest';
import {
  academicYear,
  academicYearOf,
  academicYearStarting,
  addYears,
  byAcademicYear,
  consecutiveYears,
  fromTimePeriod,
  isAcademicYear,
  isTimePeriod,
  nextAcademicYear,
  parseAcademicYear,
  planningEntryYears,
  previousAcademicYear,
  recruitingEntryYear,
  startYearOf,
  toTimePeriod,
  yearsBetween,
} from '../../../src/data/academic-year.ts';
import { fixedClock } from '../../../src/data/clock.ts';

describe('academic years', () => {
  it('reads labels and EES time periods, and refuses anything else', () => {
    expect(academicYear('2025/26')).toBe('2025/26');
    expect(parseAcademicYear('202526')).toBe('2025/26');
    expect(parseAcademicYear(' 2025/26 ')).toBe('2025/26');
    for (const bad of ['2025/27', '2025-26', '202527', '2025', '', 'x', '2098/99', '1066/67']) {
      expect(parseAcademicYear(bad)).toBeNull();
    }
    expect(() => academicYear('202526')).toThrow(/not an academic year like 2025\/26/);
    expect(() => fromTimePeriod('2025/26')).toThrow(/time period like 202526/);
    expect(isAcademicYear('1999/00')).toBe(true);
    expect(isTimePeriod('199900')).toBe(true);
    expect(isTimePeriod('2025/26')).toBe(false);
  });

  it('converts to and from EES time periods and steps across a century', () => {
    expect(toTimePeriod(academicYear('2024/25'))).toBe('202425');
    expect(fromTimePeriod('199900')).toBe('1999/00');
    expect(nextAcademicYear(academicYear('1999/00'))).toBe('2000/01');
    expect(previousAcademicYear(academicYear('2000/01'))).toBe('1999/00');
    expect(addYears(academicYear('2024/25'), -3)).toBe('2021/22');
    expect(startYearOf(academicYearStarting(2031))).toBe(2031);
    expect(consecutiveYears(academicYear('2027/28'), 3)).toEqual(['2027/28', '2028/29', '2029/30']);
    expect(yearsBetween(academicYear('2024/25'), academicYear('2027/28'))).toBe(3);
    expect(() => academicYearStarting(2098)).toThrow(/outside the years/);
  });

  it('checks the keys of a year-keyed record', () => {
    expect(byAcademicYear({ '2025/26': 1 })).toEqual({ '2025/26': 1 });
    expect(() => byAcademicYear({ '2025-26': 1 })).toThrow(/2025-26/);
  });
});

describe('the calendar', () => {
  // Academic years start on 1 September; ITT recruitment cycles open in October, eleven
  // months before their trainees start.
  it.each([
    ['2026-08-31', '2025/26', '2026/27'],
    ['2026-09-01', '2026/27', '2026/27'],
    ['2026-09-30', '2026/27', '2026/27'],
    ['2026-10-01', '2026/27', '2027/28'],
    ['2026-12-03', '2026/27', '2027/28'],
    ['2027-01-15', '2026/27', '2027/28'],
  ])(
    'on %s the academic year is %s and the cycle open recruits entry year %s',
    (day, year, entry) => {
      const today = fixedClock(day)();
      expect(academicYearOf(today)).toBe(year);
      expect(recruitingEntryYear(today)).toBe(entry);
    },
  );

  it('plans the next three entry years from today, and the horizon moves with the date', () => {
    expect(planningEntryYears(fixedClock('2026-12-03')())).toEqual([
      '2027/28',
      '2028/29',
      '2029/30',
    ]);
    expect(planningEntryYears(fixedClock('2027-10-02')())).toEqual([
      '2028/29',
      '2029/30',
      '2030/31',
    ]);
  });

  it('refuses a clock date that is not a calendar date', () => {
    expect(() => fixedClock('2026-02-30')).toThrow(/not a date/);
    expect(() => fixedClock('3 Dec 2026')).toThrow(/not a date/);
  });
});
