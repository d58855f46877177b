/**
 * The pupil projection error of the Monte Carlo ranges, estimated from DfE's own national pupil
 * projections against what happened (TWM file 1's pupil outturn). For a release r with base
 * year J (its actual figure) and a projected year J + h that is now outturn:
 *   err(r, h) = [O(J + h) / O(J)] / [P_r(J + h) / P_r(J)] - 1
 * growth from the base year in both series, so their coverage, which differs (the TWM counts
 * sixth forms and attached nurseries its own way), cancels. The Monte Carlo draws a projection
 * as pupils x (1 + e h) with e ~ N(0, sd) (monte-carlo.ts), so each release's error per year
 * is the least-squares slope through the origin
 *   e(r) = sum_h h err(r, h) / sum_h h^2
 * and a phase's sd per year is the root mean square of e(r) over its releases (the mean error
 * is taken as 0: two releases cannot tell a bias from chance). Every outturn year counts,
 * COVID years included: pupils were counted as usual then, so their projection errors are real.
 */
import type {
  AcademicYear,
  NationalPupilProjection,
  NationalPupilTeacher,
  Phase,
} from '../data/types.ts';
import { yearsBetween } from '../data/academic-year.ts';

/** One release's error per year of horizon, and the horizons it rests on. */
export interface ReleaseError {
  publicationYear: number;
  baseYear: AcademicYear;
  /** err(r, h) by horizon h (years after the base year). */
  errors: { horizon: number; year: AcademicYear; error: number }[];
  errorPerYear: number;
}

export interface PupilProjectionErrorEstimate {
  releases: ReleaseError[];
  /** Root mean square of the releases' errors per year; undefined with no release to score. */
  sdPerYear: number | undefined;
}

/** The estimate for one phase, from the releases that have at least one year of outturn. */
export function pupilProjectionError(
  projections: readonly NationalPupilProjection[],
  outturn: readonly NationalPupilTeacher[],
  phase: Phase,
): PupilProjectionErrorEstimate {
  const observed = new Map(
    outturn.filter((r) => r.phase === phase && !r.projection).map((r) => [r.year, r.pupils]),
  );
  const ofPhase = projections.filter((p) => p.phase === phase);
  const releases: ReleaseError[] = [];
  for (const publicationYear of [...new Set(ofPhase.map((p) => p.publicationYear))].sort()) {
    const release = ofPhase.filter((p) => p.publicationYear === publicationYear);
    const base = release.find((p) => p.actual);
    const baseOutturn = base && observed.get(base.year);
    if (!base || !baseOutturn) continue;
    const errors = release
      .filter((p) => !p.actual && p.year > base.year && observed.has(p.year))
      .map((p) => ({
        horizon: yearsBetween(base.year, p.year),
        year: p.year,
        error: observed.get(p.year)! / baseOutturn / (p.pupils / base.pupils) - 1,
      }))
      .sort((a, b) => a.horizon - b.horizon);
    if (errors.length === 0) continue;
    const weighted = errors.reduce((sum, e) => sum + e.horizon * e.error, 0);
    const squares = errors.reduce((sum, e) => sum + e.horizon ** 2, 0);
    releases.push({
      publicationYear,
      baseYear: base.year,
      errors,
      errorPerYear: weighted / squares,
    });
  }
  const sdPerYear =
    releases.length === 0
      ? undefined
      : Math.sqrt(releases.reduce((sum, r) => sum + r.errorPerYear ** 2, 0) / releases.length);
  return { releases, sdPerYear };
}
