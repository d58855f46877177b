/**
 * Recruitment rules the manager can switch on, as DfE used in 2016-2019:
 * - over-recruitment: a partnership that has filled at least 90% of its allocation in a
 *   subject may recruit up to 125% of it;
 * - tolerance bands: a partnership may recruit a few places over its allocation, by size of
 *   allocation: 1-14 places +1, 15-24 +2, and (our continuation) +1 more for each further
 *   10 places: 25-34 +3, 35-44 +4, ...;
 * - stop notice: recruitment to a subject closes five working days after notice is given
 *   (weekends skipped; England and Wales bank holidays skipped when supplied).
 * When several rules apply the partnership may recruit to the highest limit.
 */

export interface StopNotice {
  subject: string;
  /** null: the notice applies to every partnership recruiting to the subject. */
  partnershipCode: string | null;
  /** ISO date (YYYY-MM-DD) the notice was given. */
  noticeDate: string;
}

export interface RedistributionRules {
  overRecruitment: boolean;
  toleranceBands: boolean;
  stopNotices: readonly StopNotice[];
  /** ISO dates skipped when counting working days (e.g. ENGLAND_BANK_HOLIDAYS). */
  holidays: readonly string[];
}

export const NO_RULES: RedistributionRules = {
  overRecruitment: false,
  toleranceBands: false,
  stopNotices: [],
  holidays: [],
};

export const OVER_RECRUITMENT_TRIGGER = 0.9;
export const OVER_RECRUITMENT_LIMIT = 1.25;
export const STOP_NOTICE_WORKING_DAYS = 5;

/**
 * England and Wales bank holidays 2024-2027 (gov.uk/bank-holidays), including substitute
 * days when Christmas or Boxing Day falls at a weekend.
 */
export const ENGLAND_BANK_HOLIDAYS: readonly string[] = [
  '2024-01-01',
  '2024-03-29',
  '2024-04-01',
  '2024-05-06',
  '2024-05-27',
  '2024-08-26',
  '2024-12-25',
  '2024-12-26',
  '2025-01-01',
  '2025-04-18',
  '2025-04-21',
  '2025-05-05',
  '2025-05-26',
  '2025-08-25',
  '2025-12-25',
  '2025-12-26',
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
  '2027-01-01',
  '2027-03-26',
  '2027-03-29',
  '2027-05-03',
  '2027-05-31',
  '2027-08-30',
  '2027-12-27',
  '2027-12-28',
];

/** Extra places allowed over an allocation by the tolerance bands (0 for no allocation). */
export function tolerancePlaces(allocation: number): number {
  if (allocation <= 0) return 0;
  if (allocation <= 14) return 1;
  return 2 + Math.floor((allocation - 15) / 10);
}

/** How many a partnership may recruit to in a subject under the rules switched on. */
export function recruitmentLimit(
  allocation: number,
  recruited: number,
  rules: RedistributionRules,
): number {
  let limit = allocation;
  if (rules.toleranceBands) limit = Math.max(limit, allocation + tolerancePlaces(allocation));
  if (
    rules.overRecruitment &&
    allocation > 0 &&
    recruited >= OVER_RECRUITMENT_TRIGGER * allocation
  ) {
    limit = Math.max(limit, Math.floor(OVER_RECRUITMENT_LIMIT * allocation));
  }
  return limit;
}

function parseIsoDate(iso: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso))
    throw new RangeError(`"${iso}" is not a date like 2025-01-31`);
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
    throw new RangeError(`"${iso}" is not a real date`);
  }
  return date;
}

/** The date `days` working days after `iso` (weekends and the given holidays skipped). */
export function addWorkingDays(
  iso: string,
  days: number,
  holidays: readonly string[] = [],
): string {
  const skip = new Set(holidays);
  const date = parseIsoDate(iso);
  let counted = 0;
  while (counted < days) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !skip.has(date.toISOString().slice(0, 10))) counted += 1;
  }
  return date.toISOString().slice(0, 10);
}

/** The day recruitment closes under a stop notice given on `noticeDate` (no recruits from that day). */
export function stopDate(noticeDate: string, holidays: readonly string[] = []): string {
  return addWorkingDays(noticeDate, STOP_NOTICE_WORKING_DAYS, holidays);
}

/** The stop notice closing a cell's recruitment on or before `asOf` (ISO date), if any. */
export function closingNotice(
  partnershipCode: string,
  subject: string,
  asOf: string,
  rules: RedistributionRules,
): { notice: StopNotice; stopDate: string } | null {
  for (const notice of rules.stopNotices) {
    if (notice.subject !== subject) continue;
    if (notice.partnershipCode !== null && notice.partnershipCode !== partnershipCode) continue;
    const stop = stopDate(notice.noticeDate, rules.holidays);
    if (stop <= asOf) return { notice, stopDate: stop };
  }
  return null;
}

/** ISO date of the last day of a cycle month: time period 202526, month 4 (January) -> 2025-01-31. */
export function endOfCycleMonth(timePeriod: string, monthIndex: number): string {
  const startYear = Number(timePeriod.slice(0, 4));
  // October-December belong to the calendar year before the course starts.
  const calendarMonth = ((monthIndex + 8) % 12) + 1;
  const year = monthIndex <= 3 ? startYear - 1 : startYear;
  const last = new Date(Date.UTC(year, calendarMonth, 0));
  return last.toISOString().slice(0, 10);
}
