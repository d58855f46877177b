/**
 * What the backtest runs the model on: England as one area, cut at an origin year to what the
 * earlier TWM publication knew, and what the latest publication records happened after it.
 *
 * For an origin B the model sees the earlier publication's flows up to B (and its trajectory
 * when B is that publication's own base year), national teacher FTE up to B, ITT census and
 * QTS figures up to B, and it plans from the April two calendar years after B began (when the
 * TWM publication with base year B comes out). Pupils are the only later figures it sees: the
 * latest file 1's pupils (outturn for past years), so the backtest tests the supply model with
 * the pupil numbers known, and says so.
 */
import type { AcademicYear, Phase, RegionDataset } from '../data/types.ts';
import { addYears, startYearOf } from '../data/academic-year.ts';
import { fixedClock } from '../data/clock.ts';
import { COVID_YEARS } from './calibration.ts';
import { nationalDataset } from './national.ts';

/** The earlier publication's flows known at `origin`: history to it, and its own trajectory. */
function flowsKnownAt(dataset: RegionDataset, origin: AcademicYear) {
  const earlier = dataset.earlierNationalFlows;
  const lastHistoric = lastHistoricYear(earlier);
  return earlier.filter((f) => (f.historic ? f.year <= origin : origin === lastHistoric));
}

function lastHistoricYear(flows: RegionDataset['nationalFlows']): AcademicYear | null {
  return flows
    .filter((f) => f.historic)
    .reduce<AcademicYear | null>(
      (last, f) => (last === null || f.year > last ? f.year : last),
      null,
    );
}

/** England as the earlier publication knew it at `origin` (pupils as since recorded). */
export function datasetAtOrigin(dataset: RegionDataset, origin: AcademicYear): RegionDataset {
  const england = nationalDataset({ ...dataset, baseYear: origin });
  return {
    ...england,
    nationalFlows: flowsKnownAt(dataset, origin),
    earlierNationalFlows: [],
    nationalPupilTeacher: dataset.nationalPupilTeacher.filter((row) => row.year <= origin),
    ittNewEntrants: dataset.ittNewEntrants.filter((row) => row.entryYear <= origin),
    qtsAwards: dataset.qtsAwards.filter((row) => row.year <= origin),
    publishedTraineeNeed: [],
  };
}

/** When the publication with base year `origin` comes out: 1 April, two years after it began. */
export function publicationDate(origin: AcademicYear): Date {
  return fixedClock(`${startYearOf(origin) + 2}-04-01`)();
}

/** What happened, as the latest publication records it (historic values only). */
export interface Outturn {
  stock(phase: Phase, year: AcademicYear): number | undefined;
  flow(phase: Phase, subject: string, type: string, year: AcademicYear): number | undefined;
}

export function outturnOf(dataset: RegionDataset): Outturn {
  const flows = new Map(
    dataset.nationalFlows
      .filter((f) => f.historic)
      .map((f) => [`${f.phase}|${f.subject}|${f.type}|${f.year}`, f.value]),
  );
  return {
    stock: (phase, year) =>
      dataset.nationalPupilTeacher.find(
        (r) => r.phase === phase && r.year === year && !r.projection,
      )?.teacherFte,
    flow: (phase, subject, type, year) => flows.get(`${phase}|${subject}|${type}|${year}`),
  };
}

/**
 * The origins to test: every historic year of the earlier publication from which a year one
 * or two ahead is outturn in the latest publication, leaving out COVID years as origins and as
 * targets, and origins with fewer than three earlier years to calibrate on.
 */
export function backtestOrigins(dataset: RegionDataset): AcademicYear[] {
  const outturn = outturnOf(dataset);
  const historic = [
    ...new Set(dataset.earlierNationalFlows.filter((f) => f.historic).map((f) => f.year)),
  ].sort();
  const first = historic[0];
  if (first === undefined) return [];
  return historic.filter((origin) => {
    if (COVID_YEARS.includes(origin) || origin < addYears(first, 3)) return false;
    return targetYears(origin).some((year) => outturn.stock('primary', year) !== undefined);
  });
}

/** The years scored from an origin: one and two ahead, COVID years left out. */
export function targetYears(origin: AcademicYear): AcademicYear[] {
  return [1, 2].map((h) => addYears(origin, h)).filter((year) => !COVID_YEARS.includes(year));
}
