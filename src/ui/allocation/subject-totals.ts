/**
 * Places by subject in one entry year against the year before (last year's allocation for
 * the first entry year): the numbers behind the Allocation page's bar chart, its table and
 * its EES download.
 */
import type { AllocationProblem } from '../../allocation/problem.ts';
import type { AllocationSolution } from '../../allocation/solution.ts';
import {
  ACADEMIC_YEAR,
  SUBJECT_META,
  eesColumns,
  eesLocation,
  type EesRow,
  type EesTable,
} from '../../data/ees.ts';
import { SUBJECT_GROUPS, type SubjectGroup } from '../../data/types.ts';
import { toTimePeriod, type AcademicYear } from '../../data/academic-year.ts';

export interface SubjectTotal {
  subject: SubjectGroup;
  places: number;
  previousPlaces: number;
}

/** Subjects with places either year, in the TWM order; pool places count with their subject. */
export function subjectTotals(
  solution: AllocationSolution,
  entryYear: AcademicYear,
): SubjectTotal[] {
  const totals = new Map<SubjectGroup, SubjectTotal>();
  const add = (subject: SubjectGroup, places: number, previousPlaces: number) => {
    const total = totals.get(subject) ?? { subject, places: 0, previousPlaces: 0 };
    total.places += places;
    total.previousPlaces += previousPlaces;
    totals.set(subject, total);
  };
  for (const row of solution.places)
    if (row.entryYear === entryYear) add(row.subject, row.places, row.previousPlaces);
  for (const row of solution.pool) if (row.entryYear === entryYear) add(row.subject, row.places, 0);
  return SUBJECT_GROUPS.map((subject) => totals.get(subject)).filter(
    (total): total is SubjectTotal =>
      total !== undefined && total.places + total.previousPlaces > 0,
  );
}

export function subjectTotalsTable(
  problem: AllocationProblem,
  totals: readonly SubjectTotal[],
  entryYear: AcademicYear,
): EesTable {
  const all = totals.reduce(
    (sum, total) => ({
      places: sum.places + total.places,
      previousPlaces: sum.previousPlaces + total.previousPlaces,
    }),
    { places: 0, previousPlaces: 0 },
  );
  const rows: EesRow[] = [...totals, { subject: 'Total', ...all }].map((total) => ({
    time_period: toTimePeriod(entryYear),
    time_identifier: ACADEMIC_YEAR,
    ...eesLocation('Regional', { code: 'x', name: problem.regionName }),
    subject: total.subject,
    places_count: total.places,
    previous_places_count: total.previousPlaces,
    change_count: total.places - total.previousPlaces,
  }));
  return {
    columns: [
      ...eesColumns('Regional'),
      'subject',
      'places_count',
      'previous_places_count',
      'change_count',
    ],
    meta: [
      SUBJECT_META,
      { name: 'places_count', type: 'Indicator', label: 'ITT places allocated', dp: 1 },
      {
        name: 'previous_places_count',
        type: 'Indicator',
        label: 'Places the year before (last year’s allocation for the first entry year)',
        dp: 1,
      },
      { name: 'change_count', type: 'Indicator', label: 'Change from the year before', dp: 1 },
    ],
    rows,
  };
}
