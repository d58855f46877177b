/**
 * District pupils and teachers for the model: the base year from the baselines, each
 * projection year from the pupil projections, and years after a district's last projection
 * extrapolated at the growth rate of its last projected year (horizon.ts,
 * EXTRAPOLATION_METHOD). Layout: `(a * 2 + phaseIndex) * Y + t`, base values `a * 2 + phaseIndex`.
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
      const projected = new Map(
        dataset.pupilProjections
          .filter((row) => row.districtCode === district.code && row.phase === phase)
          .map((row) => [row.year, row.pupils]),
      );
      const lastProjected = [...projected.keys()].reduce<AcademicYear | null>(
        (last, year) => (last === null || year > last ? year : last),
        null,
      );
      let previous = baseline.pupils;
      let growth = 1;
      years.forEach((year, t) => {
        const i = (a * 2 + ph) * Y + t;
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
  return { basePupils, baseFte, pupils, extrapolated };
}
