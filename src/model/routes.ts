/**
 * Routes into teaching other than postgraduate ITT, and the postgraduate pipeline net of them.
 *
 * The TWM's newly qualified entrant (NQE) series counts entrants from every route. DfE's
 * method takes the NQEs from other sources (undergraduate ITT, assessment only, ...) out of
 * each year's entrant need before converting what is left into postgraduate trainees, so the
 * model does the same, per subject group g and NQT year t (national FTE):
 *   undergraduate NQEs(t)  = UG new entrants(t - 3) x share_g x FTE per head x completion x employment
 *                            (a three-year course: starters of entry year t - 3 start work in t)
 *   assessment-only NQEs(t) = AO QTS awards(t - 1) x share_g x FTE per head
 *                            (candidates already teach in schools, so all of them take a post)
 *   postgraduate pipeline(t) = all-route NQEs(t) - undergraduate NQEs(t) - assessment-only NQEs(t)
 * for the cohorts already recruited. share_g splits a phase-wide count: undergraduate entrants
 * by the assumed primary share (no phase split is published), assessment only by the stock's
 * phase split; within secondary both by the subjects' stock shares. Overseas-trained and
 * Scotland/Wales/Northern Ireland recognitions are not taken out: no rate at which they take
 * posts in English state schools is published (a scenario can add them as international
 * entrants). Deferred NQTs (4-16 months late) are counted, as in the TWM, among new-to-sector
 * entrants. Years past the published figures hold the last one.
 */
import type {
  AcademicYear,
  QtsAwards,
  RegionDataset,
  SecondarySubject,
  SubjectGroup,
} from '../data/types.ts';
import { addYears } from '../data/academic-year.ts';
import { constant } from './constants.ts';
import { entryYearOfNqt } from './horizon.ts';
import { perGroup, type PipelineValues, type YearValues } from './parameter-types.ts';

/** A phase-wide count's share for each subject group, given the primary share. */
function groupShares(
  primaryShare: number,
  stockShares: Readonly<Record<SecondarySubject, number>>,
): Record<SubjectGroup, number> {
  return perGroup((group) =>
    group === 'Primary' ? primaryShare : (1 - primaryShare) * stockShares[group],
  );
}

/** Values by year from `byYear`, for `years`; a year past the last with a value holds it. */
function heldSeries(
  byYear: ReadonlyMap<AcademicYear, number>,
  years: readonly AcademicYear[],
): YearValues {
  const known = [...byYear.keys()].sort();
  const values: YearValues = {};
  for (const year of years) {
    const value = byYear.get(year);
    const last = known.filter((k) => k <= year).at(-1);
    if (value !== undefined) values[year] = value;
    else if (last !== undefined && year > known.at(-1)!) values[year] = byYear.get(last)!;
  }
  return values;
}

/**
 * Undergraduate ITT starters (heads) by entry year and subject group, for the entry years whose
 * NQTs start work in `nqtYears` (three years later).
 */
export function undergraduateStarts(
  dataset: Pick<RegionDataset, 'ittNewEntrants'>,
  stockShares: Readonly<Record<SecondarySubject, number>>,
  nqtYears: readonly AcademicYear[],
): Record<SubjectGroup, YearValues> {
  const entrants = new Map(
    dataset.ittNewEntrants
      .filter((row) => row.courseLevel === 'Undergraduate' && row.phase === 'Total')
      .map((row) => [row.entryYear, row.count]),
  );
  const total = heldSeries(
    entrants,
    nqtYears.map((year) => addYears(year, -3)),
  );
  const shares = groupShares(constant('undergraduatePrimaryShare'), stockShares);
  return perGroup((group) => {
    const values: YearValues = {};
    for (const [year, count] of Object.entries(total) as [AcademicYear, number][]) {
      values[year] = count * shares[group];
    }
    return values;
  });
}

/** Assessment-only newly qualified entrants (FTE) by NQT year and subject group. */
export function assessmentOnlyEntrants(
  dataset: Pick<RegionDataset, 'qtsAwards'>,
  stockShares: Readonly<Record<SecondarySubject, number>>,
  primaryFteShare: number,
  ftePerHead: (group: SubjectGroup) => number,
  nqtYears: readonly AcademicYear[],
): Record<SubjectGroup, YearValues> {
  const awards = new Map(
    dataset.qtsAwards
      .filter((row: QtsAwards) => row.route === ASSESSMENT_ONLY_ROUTE)
      // Awarded during year y: counted among the entrants of year y + 1.
      .map((row) => [addYears(row.year, 1), row.count]),
  );
  const total = heldSeries(awards, nqtYears);
  const shares = groupShares(primaryFteShare, stockShares);
  return perGroup((group) => {
    const values: YearValues = {};
    for (const [year, count] of Object.entries(total) as [AcademicYear, number][]) {
      values[year] = count * shares[group] * ftePerHead(group);
    }
    return values;
  });
}

/** The TRA's name of the assessment-only route. */
export const ASSESSMENT_ONLY_ROUTE = 'Assessment only route';

/**
 * Expected postgraduate NQEs of the cohorts already recruited (entry years before the first
 * planned one): all-route NQEs net of the other routes, never below zero; null for planned
 * years. A recruited cohort past the TWM trajectory holds its last figure (`allRoute`
 * carries it forward).
 */
export function postgraduatePipeline(
  allRoute: YearValues,
  otherRoutes: (year: AcademicYear) => number,
  years: readonly AcademicYear[],
  planningEntryYears: readonly AcademicYear[],
): PipelineValues {
  const first = planningEntryYears[0];
  const pipeline: PipelineValues = {};
  for (const year of years) {
    const recruited = first !== undefined && entryYearOfNqt(year) < first;
    const all = allRoute[year];
    pipeline[year] = recruited && all !== undefined ? Math.max(0, all - otherRoutes(year)) : null;
  }
  return pipeline;
}
