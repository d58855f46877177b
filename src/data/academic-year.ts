/**
 * Academic years, the one way: labels ('2025/26'), EES time periods ('202526'), arithmetic,
 * and the calendar (which year a date falls in, which ITT entry year is being recruited).
 *
 * An academic year runs from 1 September to 31 August. An ITT recruitment cycle opens in
 * October, eleven months before its trainees start: the cycle open in December 2026 recruits
 * trainees who start in September 2027, entry year 2027/28. A postgraduate trainee of entry
 * year y becomes a newly qualified teacher (NQT/ECT) in year y + 1.
 */

/** An academic year label like '2025/26'. Made only by this module, so every one is valid. */
export type AcademicYear = string & { readonly __academicYear: unique symbol };

const LABEL = /^(\d{4})\/(\d{2})$/;
const TIME_PERIOD = /^(\d{4})(\d{2})$/;
/** Years outside this range are typing slips, not plans (a 2098/99 cycle, a 1066/67 census). */
export const EARLIEST_START_YEAR = 1990;
export const LATEST_START_YEAR = 2060;

function fromParts(first: string, second: string): AcademicYear | null {
  const start = Number(first);
  if ((start + 1) % 100 !== Number(second)) return null;
  if (start < EARLIEST_START_YEAR || start > LATEST_START_YEAR) return null;
  return first.concat('/', second) as AcademicYear;
}

/** '2025/26' or the EES time period '202526' as an academic year; null for anything else. */
export function parseAcademicYear(text: string): AcademicYear | null {
  const trimmed = text.trim();
  const match = LABEL.exec(trimmed) ?? TIME_PERIOD.exec(trimmed);
  return match ? fromParts(match[1]!, match[2]!) : null;
}

/** True for a label like '2025/26' (not the time-period form). */
export function isAcademicYear(text: string): text is AcademicYear {
  const match = LABEL.exec(text);
  return match !== null && fromParts(match[1]!, match[2]!) !== null;
}

/** True for an EES academic-year time period like '202526'. */
export function isTimePeriod(text: string): boolean {
  const match = TIME_PERIOD.exec(text);
  return match !== null && fromParts(match[1]!, match[2]!) !== null;
}

/** The academic year of a label like '2025/26'; throws RangeError for anything else. */
export function academicYear(label: string): AcademicYear {
  if (!isAcademicYear(label)) {
    throw new RangeError(`"${label}" is not an academic year like 2025/26`);
  }
  return label;
}

/** '202526' -> '2025/26'; throws RangeError for anything else. */
export function fromTimePeriod(timePeriod: string): AcademicYear {
  const match = TIME_PERIOD.exec(timePeriod.trim());
  const year = match ? fromParts(match[1]!, match[2]!) : null;
  if (year === null) {
    throw new RangeError(`"${timePeriod}" is not an academic-year time period like 202526`);
  }
  return year;
}

/** '2025/26' -> '202526'. */
export function toTimePeriod(year: AcademicYear): string {
  return year.slice(0, 4) + year.slice(5, 7);
}

/** The academic year that starts in September of `startYear`: 2025 -> '2025/26'. */
export function academicYearStarting(startYear: number): AcademicYear {
  if (!Number.isInteger(startYear)) throw new RangeError(`${startYear} is not a whole year`);
  const year = fromParts(String(startYear), String((startYear + 1) % 100).padStart(2, '0'));
  if (year === null) {
    throw new RangeError(
      `${startYear} is outside the years this tool plans (${EARLIEST_START_YEAR}-${LATEST_START_YEAR})`,
    );
  }
  return year;
}

/** 2025 for '2025/26'. */
export function startYearOf(year: AcademicYear): number {
  return Number(year.slice(0, 4));
}

/** The year `step` years after `year` (before it when negative). */
export function addYears(year: AcademicYear, step: number): AcademicYear {
  return academicYearStarting(startYearOf(year) + step);
}

export const nextAcademicYear = (year: AcademicYear): AcademicYear => addYears(year, 1);
export const previousAcademicYear = (year: AcademicYear): AcademicYear => addYears(year, -1);

/** `count` consecutive years from `first`. */
export function consecutiveYears(first: AcademicYear, count: number): AcademicYear[] {
  return Array.from({ length: count }, (_, i) => addYears(first, i));
}

/** Whole years from `from` to `to` (negative when `to` is earlier). */
export function yearsBetween(from: AcademicYear, to: AcademicYear): number {
  return startYearOf(to) - startYearOf(from);
}

/** The academic year a date falls in (1 September to 31 August, UTC). */
export function academicYearOf(date: Date): AcademicYear {
  const year = date.getUTCFullYear();
  return academicYearStarting(date.getUTCMonth() >= 8 ? year : year - 1);
}

/** The ITT entry year whose recruitment cycle is open on a date (cycles open in October). */
export function recruitingEntryYear(date: Date): AcademicYear {
  const year = date.getUTCFullYear();
  return academicYearStarting(date.getUTCMonth() >= 9 ? year + 1 : year);
}

/** The day an entry year's recruitment cycle opens (1 October the year before, UTC). */
export function cycleOpeningDate(entryYear: AcademicYear): Date {
  return new Date(Date.UTC(startYearOf(entryYear) - 1, 9, 1));
}

/** How many entry years the rolling plan covers. */
export const PLANNING_YEARS = 3;

/**
 * The entry years to plan on a date: the cycle open now and the ones after it. In December
 * 2026 that is 2027/28, 2028/29 and 2029/30; their NQTs start work a year later each.
 */
export function planningEntryYears(date: Date, count = PLANNING_YEARS): AcademicYear[] {
  return consecutiveYears(recruitingEntryYear(date), count);
}

/** Values keyed by academic-year labels, each key checked: for JSON input and literals. */
export function byAcademicYear<T>(values: Readonly<Record<string, T>>): Record<AcademicYear, T> {
  for (const key of Object.keys(values)) academicYear(key);
  return values as Record<AcademicYear, T>;
}
