/**
 * The planning horizon: which years the model projects, which ITT entry years it plans, and
 * how sure each year is. The plan rolls with today's date (the injectable clock, never the
 * data's base year): on 3 December 2026 the recruitment cycle open is entry year 2027/28, so
 * the plan covers entry years 2027/28, 2028/29 and 2029/30, whose postgraduate trainees start
 * work as NQTs in 2028/29 to 2030/31. The model projects every year from the base year to the
 * last of those NQT years.
 *
 * Keys: an ITT entry year is the recruitment year (trainees start in its September); a
 * postgraduate trainee of entry year y is an NQT in year y + 1. Trainee need is keyed by entry
 * year, NQT need by the year the NQTs start work.
 */
import type { AcademicYear, RegionDataset } from '../data/types.ts';
import {
  LATEST_START_YEAR,
  PLANNING_YEARS,
  academicYearStarting,
  addYears,
  cycleOpeningDate,
  yearsBetween,
} from '../data/academic-year.ts';
import type { ModelInputs } from './inputs.ts';

/**
 * How sure a year's figures are: 'recruited' (an entry year whose trainees have started:
 * outturn, not forecast), 'forecast' (from published inputs) or 'extrapolated' (needs inputs
 * beyond the published horizons, extended by EXTRAPOLATION_METHOD).
 */
export type YearStatus = 'recruited' | 'forecast' | 'extrapolated';

/** How the model extends its inputs past the published ones (also in the CSV metadata). */
export const EXTRAPOLATION_METHOD =
  'Years after the published inputs are extrapolated: district (and national) pupils continue at the growth rate of their last projected year; returners and new-to-sector entrants hold their last TWM trajectory value; leaver rates hold the mean of the TWM trajectory; a cohort already recruited but not yet in a TWM publication holds the last postgraduate pipeline figure.';

/** The NQT year of a postgraduate entry year, and the entry year of an NQT year. */
export const nqtYearOfEntry = (entryYear: AcademicYear): AcademicYear => addYears(entryYear, 1);
export const entryYearOfNqt = (nqtYear: AcademicYear): AcademicYear => addYears(nqtYear, -1);

/**
 * The entry years a plan can cover with data of a base year: from the base year itself (its
 * NQTs start work in the first projection year) to the last one whose NQTs start work within
 * MAX_PROJECTION_YEARS of the base year (and in a year this tool can name). `from` and `before` are the dates whose rolling plan stays inside.
 */
export interface PlanningWindow {
  firstEntryYear: AcademicYear;
  lastEntryYear: AcademicYear;
  from: Date;
  before: Date;
}

/** How far past its base year the model projects at most. */
export const MAX_PROJECTION_YEARS = 30;

export function planningWindow(baseYear: AcademicYear): PlanningWindow {
  const lastNameable = academicYearStarting(LATEST_START_YEAR - 1);
  const lastProjectable = addYears(baseYear, MAX_PROJECTION_YEARS - 1);
  const lastEntryYear = lastProjectable < lastNameable ? lastProjectable : lastNameable;
  return {
    firstEntryYear: baseYear,
    lastEntryYear,
    from: cycleOpeningDate(baseYear),
    before: cycleOpeningDate(addYears(lastEntryYear, 2 - PLANNING_YEARS)),
  };
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Why no rolling plan can be made on `today` with data of this base year, or null. */
export function planningDateProblem(baseYear: AcademicYear, today: Date): string | null {
  const window = planningWindow(baseYear);
  if (today < window.from) {
    return `${isoDay(today)} is before this data can plan from: its base year is ${baseYear}, so plan on ${isoDay(window.from)} or later`;
  }
  if (today >= window.before) {
    return `${isoDay(today)} is too far ahead: the plan would reach entry years after ${window.lastEntryYear}, the last this tool plans, so plan on a date before ${isoDay(window.before)}`;
  }
  return null;
}

/**
 * Why entry years `first` onwards (`count` of them) cannot be planned with this data, or null;
 * `field` says which of the two is at fault.
 */
export function entryYearsProblem(
  baseYear: AcademicYear,
  first: AcademicYear,
  count: number,
): { field: 'firstEntryYear' | 'years'; message: string } | null {
  const window = planningWindow(baseYear);
  // The forecast behind a plan always covers a rolling PLANNING_YEARS from its first year.
  const lastFirst = addYears(window.lastEntryYear, 1 - PLANNING_YEARS);
  if (first < window.firstEntryYear || first > lastFirst) {
    return {
      field: 'firstEntryYear',
      message: `${first} is outside the entry years this data can plan from: give one from ${baseYear} (the data's base year) to ${lastFirst}`,
    };
  }
  if (yearsBetween(first, window.lastEntryYear) < count - 1) {
    return {
      field: 'years',
      message: `${count} entry years from ${first} go past ${window.lastEntryYear}, the last entry year this tool plans`,
    };
  }
  return null;
}

/** Projection years from the base year through the NQT year of the last planned entry year. */
export function projectionYearsFor(
  baseYear: AcademicYear,
  entryYears: readonly AcademicYear[],
): number {
  const last = entryYears.at(-1);
  return last === undefined ? 1 : Math.max(1, yearsBetween(baseYear, nqtYearOfEntry(last)));
}

/**
 * The last year every published input covers: the latest TWM publication's flows, national
 * file 1 and every district's pupil projections (the earliest of their last years).
 */
export function lastPublishedYear(dataset: RegionDataset): AcademicYear | null {
  const lastOf = (years: readonly AcademicYear[]) =>
    years.length === 0 ? null : years.reduce((a, b) => (b > a ? b : a));
  const latestPublication = Math.max(...dataset.nationalFlows.map((f) => f.publicationYear));
  const ends = [
    lastOf(
      dataset.nationalFlows
        .filter((f) => f.publicationYear === latestPublication)
        .map((f) => f.year),
    ),
    lastOf(dataset.nationalPupilTeacher.map((row) => row.year)),
    ...dataset.districts.map((district) =>
      lastOf(
        dataset.pupilProjections.filter((p) => p.districtCode === district.code).map((p) => p.year),
      ),
    ),
  ].filter((year): year is AcademicYear => year !== null);
  return ends.length === 0 ? null : ends.reduce((a, b) => (b < a ? b : a));
}

/** Status of each projection year's inputs ('forecast' or 'extrapolated'). */
export function inputYearStatus(
  years: readonly AcademicYear[],
  published: AcademicYear | null,
): ('forecast' | 'extrapolated')[] {
  return years.map((year) =>
    published !== null && year <= published ? 'forecast' : 'extrapolated',
  );
}

/**
 * The status of an ITT entry year: recruited before the plan's first entry year; otherwise
 * as sure as the inputs of the year its NQTs start work.
 */
export function entryYearStatus(
  inputs: Pick<ModelInputs, 'planningEntryYears' | 'years' | 'yearStatus'>,
  entryYear: AcademicYear,
): YearStatus {
  const first = inputs.planningEntryYears[0];
  if (first !== undefined && entryYear < first) return 'recruited';
  const t = inputs.years.indexOf(nqtYearOfEntry(entryYear));
  return t < 0 ? 'extrapolated' : inputs.yearStatus[t]!;
}

/**
 * Projection-year indices (of the NQT year) of the planned entry years, in order: where to
 * read the trainee and NQT need of each. Entry years the model does not reach are left out.
 */
export function plannedYearIndices(
  inputs: Pick<ModelInputs, 'planningEntryYears' | 'years'>,
): number[] {
  return inputs.planningEntryYears
    .map((entry) => inputs.years.indexOf(nqtYearOfEntry(entry)))
    .filter((t) => t >= 0);
}
