/**
 * District pupils and teachers for the model: the base year from the baselines, each
 * projection year from the pupil projections, and years after a district's last projection
 * extrapolated at the growth rate of its last projected year (horizon.ts,
 * EXTRAPOLATION_METHOD). Layout: `(a * 2 + phaseIndex) * Y + t`, base values `a * 2 + phaseIndex`.
 *
 * Each year also carries how many years it lies after the last census count of its district
 * and phase (the base year is a count; so is a row marked counted): 0 for a counted year, 1 for
 * the first projected year, and so on. The Monte Carlo grows pupil projection error with it.
 */
import type { AcademicYear, Phase, RegionDataset } from '../data/types.ts';
import { ModelInputError } from './errors.ts';
import { PHASES } from './parameter-types.ts';

export const phaseIndex = (phase: Phase): 0 | 1 => (phase === 'primary' ? 0 : 1);

export function requireFinite(path: string, value: number, what = 'a non-negative number') {
  if (!Number.isFinite(value) || value < 0) {
    throw new ModelInputError(path, `must be ${what} (got ${value})`);
  }
}

export interface DistrictPupils {
  basePupils: Float64Array;
  baseFte: Float64Array;
  pupils: Float64Array;
  /** 1 where the pupils of (district, phase, year) are extrapolated, not projected. */
  extrapolated: Uint8Array;
  /** Years since the last census count of (district, phase) at or before the year; 0 if counted. */
  yearsSinceCount: Uint8Array;
}

/**
 * Throws ModelInputError when a district has no baseline, or a projection year is missing
 * before the district's last projection (a gap is an error; only the end is extended).
 */
export function districtPupils(
  dataset: RegionDataset,
  years: readonly AcademicYear[],
): DistrictPupils {
  const A = dataset.districts.length;
  const Y = years.length;
  const basePupils = new Float64Array(A * 2);
  const baseFte = new Float64Array(A * 2);
  const pupils = new Float64Array(A * 2 * Y);
  const extrapolated = new Uint8Array(A * 2 * Y);
  const yearsSinceCount = new Uint8Array(A * 2 * Y);
  dataset.districts.forEach((district, a) => {
    for (const phase of PHASES) {
      const ph = phaseIndex(phase);
      const path = `baselines.${district.code}.${phase}`;
      const baseline = dataset.baselines.find(
        (b) => b.districtCode === district.code && b.phase === phase,
      );
      if (!baseline)
        throw new ModelInputError(path, `no ${phase} baseline for district ${district.name}`);
      requireFinite(`${path}.pupils`, baseline.pupils);
      requireFinite(`${path}.teacherFte`, baseline.teacherFte);
      basePupils[a * 2 + ph] = baseline.pupils;
      baseFte[a * 2 + ph] = baseline.teacherFte;
      const rows = dataset.pupilProjections.filter(
        (row) => row.districtCode === district.code && row.phase === phase,
      );
      const projected = new Map(rows.map((row) => [row.year, row.pupils]));
      const counted = new Set(rows.filter((row) => row.counted).map((row) => row.year));
      const lastProjected = [...projected.keys()].reduce<AcademicYear | null>(
        (last, year) => (last === null || year > last ? year : last),
        null,
      );
      let previous = baseline.pupils;
      let growth = 1;
      let sinceCount = 0; // the base year is a census count
      years.forEach((year, t) => {
        const i = (a * 2 + ph) * Y + t;
        sinceCount = counted.has(year) ? 0 : sinceCount + 1;
        yearsSinceCount[i] = sinceCount;
        const projection = projected.get(year);
        const projectionPath = `pupilProjections.${district.code}.${phase}.${year}`;
        if (projection === undefined) {
          if (lastProjected === null || year < lastProjected) {
            throw new ModelInputError(projectionPath, `no pupil projection for ${district.name}`);
          }
          pupils[i] = previous * growth;
          extrapolated[i] = 1;
        } else {
          requireFinite(projectionPath, projection);
          pupils[i] = projection;
          growth = previous > 0 ? projection / previous : 1;
        }
        previous = pupils[i]!;
      });
    }
  });
  return { basePupils, baseFte, pupils, extrapolated, yearsSinceCount };
}

/**
 * The years whose pupils are census counts in every one of the districts (all when none is
 * given) for the phase: the base year, then each year every district's row marks counted.
 */
export function countedPupilYears(
  dataset: Pick<RegionDataset, 'baseYear' | 'districts' | 'pupilProjections'>,
  phase: Phase,
  districtCodes: readonly string[] = dataset.districts.map((d) => d.code),
): AcademicYear[] {
  const counted = new Map<AcademicYear, number>();
  for (const row of dataset.pupilProjections) {
    if (row.phase === phase && row.counted && districtCodes.includes(row.districtCode)) {
      counted.set(row.year, (counted.get(row.year) ?? 0) + 1);
    }
  }
  const everywhere = [...counted]
    .filter(([, districts]) => districts === districtCodes.length)
    .map(([year]) => year);
  return [...(dataset.baseYear === null ? [] : [dataset.baseYear]), ...everywhere].sort();
}

/** Says which years' pupils are counted and that the rest are projections, for CSV and page. */
export function countedPupilYearsText(counted: Record<Phase, readonly AcademicYear[]>): string {
  const list = (years: readonly AcademicYear[]) =>
    years.length < 2
      ? (years[0] ?? 'no year')
      : `${years.slice(0, -1).join(', ')} and ${years.at(-1)}`;
  const same = counted.primary.join() === counted.secondary.join();
  const which = same
    ? `Pupils in ${list(counted.primary)} are`
    : `Primary pupils in ${list(counted.primary)} and secondary pupils in ${list(counted.secondary)} are`;
  return `${which} school census counts (outturn); later years are projections, and the ranges draw pupil projection error only for them, growing with each year after the last count.`;
}
