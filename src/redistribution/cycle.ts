/**
 * The ITT recruitment cycle. Applications open in October and courses start in September,
 * so the cycle for trainees starting in academic year 2025/26 (EES `time_period` 202526)
 * runs from October 2024 to September 2025. Months are numbered 1 (October) to 12 (September).
 */
import { cycleOpeningDate } from '../data/academic-year.ts';
import type { AcademicYear } from '../data/types.ts';

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
