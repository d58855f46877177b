/**
 * The ITT recruitment cycle. Applications open in October and courses start in September,
 * so the cycle for trainees starting in academic year 2025/26 (EES `time_period` 202526)
 * runs from October 2024 to September 2025. Months are numbered 1 (October) to 12 (September).
 */
import { cycleOpeningDate } from '../data/academic-year.ts';
import type { AcademicYear, DataIssue } from '../data/types.ts';

export const CYCLE_MONTHS = [
  'October',
  'November',
  'December',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
] as const;
export type CycleMonth = (typeof CYCLE_MONTHS)[number];

/** 1 for October ... 12 for September, or undefined when the text is not an English month name. */
export function cycleMonthIndex(month: string): number | undefined {
  const wanted = month.trim().toLowerCase();
  const index = CYCLE_MONTHS.findIndex((name) => name.toLowerCase() === wanted);
  return index < 0 ? undefined : index + 1;
}

/** The month name for a cycle index 1..12. */
export function cycleMonthName(index: number): CycleMonth {
  const name = CYCLE_MONTHS[index - 1];
  if (name === undefined) throw new RangeError(`cycle month index ${index} is not 1..12`);
  return name;
}

/** The first day of a cycle month: month 1 of 2025/26 is 1 October 2024 (UTC). */
export function cycleMonthStart(entryYear: AcademicYear, monthIndex: number): Date {
  const opening = cycleOpeningDate(entryYear);
  return new Date(Date.UTC(opening.getUTCFullYear(), opening.getUTCMonth() + monthIndex - 1, 1));
}

const longDate = (date: Date) =>
  date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** Why a return's cycle or month cannot have a return yet on `today`, or null. */
export function notBegun(
  entryYear: AcademicYear,
  monthIndex: number,
  today: Date,
): Pick<DataIssue, 'column' | 'message' | 'fix'> | null {
  const opens = cycleOpeningDate(entryYear);
  if (opens > today) {
    return {
      column: 'time_period',
      message: `the ${entryYear} cycle has not opened yet: its recruitment opens on ${longDate(opens)}`,
      fix: 'Enter the time_period of a cycle that has opened, like 202526 for 2025/26',
    };
  }
  const begins = cycleMonthStart(entryYear, monthIndex);
  if (begins > today) {
    return {
      column: 'time_identifier',
      message: `${CYCLE_MONTHS[monthIndex - 1]} ${begins.getUTCFullYear()} has not begun yet (today is ${longDate(today)})`,
      fix: 'Enter a month that has begun: a return counts recruitment to date',
    };
  }
  return null;
}
