/**
 * District indicators from the supply model and the allocation, scaled by pupils so that a big
 * district and a small one can be compared on one map: forecast NQT need per 1,000 pupils, and
 * the NQTs the allocation is expected to supply and the need it leaves unmet, per 1,000 pupils.
 *
 * Pure: takes the model's need records and the allocation's district outcomes, returns
 * `AreaIndicator`s that the maps and the cold-spot index take like any published indicator.
 */
import type { NeedRecord } from '../allocation/problem.ts';
import type { DistrictOutcome } from '../allocation/solution.ts';
import type {
  AreaIndicator,
  District,
  DistrictPhaseBaseline,
  Phase,
  Provenance,
  PupilProjection,
} from '../data/types.ts';
import { toTimePeriod, type AcademicYear } from '../data/academic-year.ts';

/** Pupils of one district, phase and academic year ('2026/27'). */
export interface PupilCount {
  districtCode: string;
  phase: Phase;
  year: string;
  pupils: number;
  provenance: Provenance;
}

/** Base-year pupils and projections as one list, so any year the data holds can be looked up. */
export function pupilCounts(
  baselines: readonly DistrictPhaseBaseline[],
  projections: readonly PupilProjection[],
): PupilCount[] {
  return [
    ...baselines.map((b) => ({
      districtCode: b.districtCode,
      phase: b.phase,
      year: b.baseYear,
      pupils: b.pupils,
      provenance: b.pupilsProvenance,
    })),
    ...projections.map((p) => ({
      districtCode: p.districtCode,
      phase: p.phase,
      year: p.year,
      pupils: p.pupils,
      provenance: p.provenance,
    })),
  ];
}

const PHASES: readonly Phase[] = ['primary', 'secondary'];

/**
 * Pupils of the district in the year, over the phases asked for; null unless every phase has a
 * positive count (a district missing its secondary pupils would otherwise look needier).
 */
function districtPupils(
  pupils: readonly PupilCount[],
  districtCode: string,
  year: string,
  phases: readonly Phase[],
): number | null {
  let total = 0;
  for (const phase of phases) {
    const row = pupils.find(
      (p) => p.districtCode === districtCode && p.phase === phase && p.year === year,
    );
    if (!row || !(row.pupils > 0)) return null;
    total += row.pupils;
  }
  return total;
}

/** Teachers per 1,000 pupils, or null when the pupils are unknown. */
function per1000(teachers: number, pupils: number | null): number | null {
  return pupils === null ? null : (1000 * teachers) / pupils;
}

const phaseWords = (phase: Phase | undefined) =>
  phase === undefined
    ? { label: '', pupils: 'primary and secondary pupils', id: 'all' }
    : { label: ` (${phase})`, pupils: `${phase} pupils`, id: phase };

/**
 * Forecast NQT need (FTE) per 1,000 pupils by district in one NQT year: the sum of the model's
 * need over the subject groups of the phase (all groups when no phase is given), divided by the
 * district's pupils of that phase in the same year. Need can be below 0 where returners and
 * other routes more than replace leavers; it is shown as it is, not clipped. Estimated: the
 * model rests on estimated district teacher numbers.
 */
export function nqtNeedPer1000Pupils(
  districts: readonly Pick<District, 'code'>[],
  need: readonly NeedRecord[],
  pupils: readonly PupilCount[],
  nqtYear: AcademicYear,
  phase?: Phase,
): AreaIndicator {
  const year = nqtYear;
  const words = phaseWords(phase);
  const inPhase = (subject: string) =>
    phase === undefined || (phase === 'primary') === (subject === 'Primary');
  const phases = phase === undefined ? PHASES : [phase];
  return {
    id: `model_nqt_need_per_1000_${words.id}_${toTimePeriod(nqtYear)}`,
    label: `Forecast NQT need per 1,000 pupils${words.label}, ${year}`,
    level: 'district',
    higherIsWorse: true,
    unit: 'NQTs (FTE) per 1,000 pupils',
    source:
      `Teacher Supply Planner supply model, default scenario, central projection, NQT year ${year}, ` +
      `divided by the district's ${words.pupils} in ${year}; inputs partly estimated`,
    provenance: 'estimated',
    values: districts.map((district) => {
      const teachers = need
        .filter(
          (record) =>
            record.districtCode === district.code &&
            record.nqtYear === nqtYear &&
            inPhase(record.subject),
        )
        .reduce((sum, record) => sum + record.teachers, 0);
      return {
        areaCode: district.code,
        value: per1000(teachers, districtPupils(pupils, district.code, year, phases)),
      };
    }),
  };
}

/**
 * What the allocation does for each district in one NQT year, per 1,000 pupils (primary and
 * secondary): the NQTs its places are expected to supply (places x completion x employment,
 * spread by each partnership's employment footprint) and the need it leaves unmet. Summed over
 * subjects from the solution's district outcomes, the same figures the Allocation page shows.
 * `provenance` is that of the allocation's inputs: illustrative partnership plans make the
 * result illustrative.
 */
export function allocationIndicators(
  districts: readonly Pick<District, 'code'>[],
  outcomes: readonly DistrictOutcome[],
  pupils: readonly PupilCount[],
  nqtYear: AcademicYear,
  provenance: Provenance,
): AreaIndicator[] {
  const year = nqtYear;
  const source =
    `Teacher Supply Planner allocation of ITT places (default settings) against the supply model's ` +
    `central projection, NQT year ${year}, divided by the district's primary and secondary pupils in ${year}; ` +
    `inputs partly estimated${provenance === 'illustrative' ? ', partnership capacities illustrative' : ''}`;
  const sumBy = (districtCode: string, key: 'supply' | 'unmet') =>
    outcomes
      .filter((o) => o.districtCode === districtCode && o.nqtYear === nqtYear)
      .reduce((sum, o) => sum + o[key], 0);
  const indicator = (
    key: 'supply' | 'unmet',
    id: string,
    label: string,
    higherIsWorse: boolean,
  ): AreaIndicator => ({
    id: `${id}_${toTimePeriod(nqtYear)}`,
    label: `${label}, ${year}`,
    level: 'district',
    higherIsWorse,
    unit: 'NQTs (FTE) per 1,000 pupils',
    source,
    provenance,
    values: districts.map((district) => ({
      areaCode: district.code,
      value: per1000(
        sumBy(district.code, key),
        districtPupils(pupils, district.code, year, PHASES),
      ),
    })),
  });
  return [
    indicator(
      'supply',
      'allocation_expected_nqts_per_1000',
      'Expected NQTs from the allocation per 1,000 pupils',
      false,
    ),
    indicator(
      'unmet',
      'allocation_unmet_need_per_1000',
      'Unmet NQT need after the allocation per 1,000 pupils',
      true,
    ),
  ];
}
