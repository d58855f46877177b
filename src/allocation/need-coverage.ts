/**
 * Need the allocation reaches but the forecast does not cover: NQT years past the supply
 * model's projection, or cells a need file leaves out. Such cells get no balance row (need
 * that is not known is never read as zero), and the result says so in words.
 */
import type { AcademicYear } from '../data/academic-year.ts';
import type { SubjectGroup } from '../data/types.ts';
import type { MissingNeedCell } from './build-context.ts';
import type { AllocationProblem } from './problem.ts';
import { nqtYearOf } from './rules.ts';

export interface MissingNeed {
  nqtYear: AcademicYear;
  /** Entry years whose places would supply NQTs in that year. */
  entryYears: AcademicYear[];
  subjects: SubjectGroup[];
  /** Districts without a figure (all of them when the year is not projected at all). */
  districtCount: number;
}

export function summariseMissingNeed(
  problem: AllocationProblem,
  cells: readonly MissingNeedCell[],
): MissingNeed[] {
  const byYear = new Map<AcademicYear, { subjects: Set<SubjectGroup>; districts: Set<string> }>();
  for (const cell of cells) {
    const entry = byYear.get(cell.nqtYear) ?? { subjects: new Set(), districts: new Set() };
    entry.subjects.add(cell.subject);
    entry.districts.add(cell.districtCode);
    byYear.set(cell.nqtYear, entry);
  }
  return [...byYear]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([nqtYear, { subjects, districts }]) => ({
      nqtYear,
      entryYears: problem.entryYears.filter((entryYear) =>
        problem.plans.some(
          (plan) => subjects.has(plan.subject) && nqtYearOf(plan.route, entryYear) === nqtYear,
        ),
      ),
      subjects: [...subjects],
      districtCount: districts.size,
    }));
}

const list = (items: readonly string[]) =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** One sentence for the verdict, or '' when the forecast covers every year the plan reaches. */
export function missingNeedText(missing: readonly MissingNeed[]): string {
  if (missing.length === 0) return '';
  const years = list(missing.map((m) => m.nqtYear));
  const entryYears = list([...new Set(missing.flatMap((m) => m.entryYears))].sort());
  return `The NQT need forecast has no figures for ${years}, so places of entry year${entryYears.includes(' and ') ? 's' : ''} ${entryYears} are not matched to need there: they are set by the other rules (last year's places, stability, minimum cohorts). That need is not read as zero.`;
}
