/**
 * A partnership's NQT demand, derived from the supply model's district forecast through its
 * partner schools' share of each district.
 *
 * Method, per partnership p, subject group s, entry year y:
 *   model[p,s,y] = sum over districts d of w[p,d,phase(s)] x need[d,s,y]
 *   w[p,d,h] = sum over p's partner schools i in d of share[i,p] x pupils[i,h] / pupils[d,h]
 * where pupils[d,h] is the sum of pupils[i,h] over ALL eligible schools of district d, so
 * the weights of the partnerships and of the pool partition each district exactly (sum 1).
 * Secondary subjects use the secondary pupil share: the schools list has no subject detail,
 * so a school's share of secondary need is the same for every subject. A district with no
 * pupils of a phase in the schools list gives its whole need of that phase to the pool.
 *
 * Ranges: P10, P50 and P90 are each scaled by the same weight. This treats the shares as
 * known, and summing P10s (or P90s) over districts is a comonotone approximation: it
 * assumes the districts' errors move together, so the range is if anything too wide.
 *
 * Local intelligence (see intelligence.ts) is added to P10, P50 and P90 alike; results are
 * not clamped at zero, so that every figure still adds up in the amalgamation.
 */
import type { AcademicYear, Phase, School, SubjectGroup } from '../data/types.ts';
import { SUBJECT_GROUPS } from '../data/types.ts';
import {
  phaseOfSubject,
  resolveShares,
  schoolPhasePupils,
  type PartnerSchoolAssignment,
} from './partner-schools.ts';

export interface NeedRange {
  p10: number;
  p50: number;
  p90: number;
}

/**
 * The supply model's NQT need of one district, subject group and ENTRY year: the need of
 * the following academic year, which trainees starting in `year` will meet as NQTs.
 */
export interface DistrictNeed extends NeedRange {
  districtCode: string;
  subject: SubjectGroup;
  year: AcademicYear;
}

export const ZERO_RANGE: NeedRange = Object.freeze({ p10: 0, p50: 0, p90: 0 });

export function addRanges(a: NeedRange, b: NeedRange): NeedRange {
  return { p10: a.p10 + b.p10, p50: a.p50 + b.p50, p90: a.p90 + b.p90 };
}

export function scaleRange(range: NeedRange, factor: number): NeedRange {
  return { p10: range.p10 * factor, p50: range.p50 * factor, p90: range.p90 * factor };
}

export function shiftRange(range: NeedRange, change: number): NeedRange {
  return { p10: range.p10 + change, p50: range.p50 + change, p90: range.p90 + change };
}

export function districtPhaseKey(districtCode: string, phase: Phase): string {
  return `${districtCode}|${phase}`;
}

export function subjectYearKey(subject: string, year: AcademicYear): string {
  return `${subject}|${year}`;
}

/** How each district x phase's need is divided between partnerships and the pool. */
export interface ShareWeights {
  /** Pupils of each district x phase over all eligible schools (key district|phase). */
  districtPupils: ReadonlyMap<string, number>;
  /** Partnership code -> district|phase -> weight w[p,d,h]. */
  partnerships: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** district|phase -> weight of schools not engaged with any partnership (and unassigned shares). */
  pool: ReadonlyMap<string, number>;
}

/**
 * The weights w[p,d,h] and the pool's weight of each district and phase. Throws when a link
 * names a school missing from `schools` (imports check URNs, so that is a programming error).
 */
export function shareWeights(
  assignment: PartnerSchoolAssignment,
  schools: readonly School[],
): ShareWeights {
  const districtPupils = new Map<string, number>();
  const byUrn = new Map<string, School>();
  for (const school of schools) {
    byUrn.set(school.urn, school);
    const pupils = schoolPhasePupils(school);
    for (const phase of ['primary', 'secondary'] as const) {
      if (pupils[phase] <= 0) continue;
      const key = districtPhaseKey(school.districtCode, phase);
      districtPupils.set(key, (districtPupils.get(key) ?? 0) + pupils[phase]);
    }
  }
  const shares = resolveShares(assignment.links);
  for (const urn of shares.keys()) {
    if (!byUrn.has(urn))
      throw new Error(`partner-school link to school ${urn}, which is not in the schools list`);
  }
  const partnerships = new Map<string, Map<string, number>>();
  const pool = new Map<string, number>();
  for (const school of schools) {
    const pupils = schoolPhasePupils(school);
    const schoolShares = shares.get(school.urn) ?? [];
    const assigned = schoolShares.reduce((sum, s) => sum + s.share, 0);
    for (const phase of ['primary', 'secondary'] as const) {
      if (pupils[phase] <= 0) continue;
      const key = districtPhaseKey(school.districtCode, phase);
      const total = districtPupils.get(key) ?? 0;
      for (const { partnershipCode, share } of schoolShares) {
        const weights = partnerships.get(partnershipCode) ?? new Map<string, number>();
        weights.set(key, (weights.get(key) ?? 0) + (share * pupils[phase]) / total);
        partnerships.set(partnershipCode, weights);
      }
      // The pool's part is computed from the schools themselves, not as 1 minus the
      // partnerships' weights, so the reconciliation tests check a real identity.
      const unassigned = Math.max(0, 1 - assigned);
      pool.set(key, (pool.get(key) ?? 0) + (unassigned * pupils[phase]) / total);
    }
  }
  return { districtPupils, partnerships, pool };
}

/** The pool's weight of a district x phase: 1 when the schools list has no pupils there. */
export function poolWeight(weights: ShareWeights, districtCode: string, phase: Phase): number {
  const key = districtPhaseKey(districtCode, phase);
  if (!((weights.districtPupils.get(key) ?? 0) > 0)) return 1;
  return weights.pool.get(key) ?? 0;
}

/** A partnership's weight of a district x phase (0 when it has no partner schools there). */
export function partnershipWeight(
  weights: ShareWeights,
  partnershipCode: string,
  districtCode: string,
  phase: Phase,
): number {
  return weights.partnerships.get(partnershipCode)?.get(districtPhaseKey(districtCode, phase)) ?? 0;
}

/**
 * Checks the district forecast: finite values, P10 <= P50 <= P90, one row per district,
 * subject and year. Throws with the offending row, since the forecast comes from the model.
 */
export function checkDistrictNeed(need: readonly DistrictNeed[]): void {
  const seen = new Set<string>();
  const subjects = new Set<string>(SUBJECT_GROUPS);
  for (const row of need) {
    const label = `district need ${row.districtCode} ${row.subject} ${row.year}`;
    if (!subjects.has(row.subject)) throw new Error(`${label}: unknown subject group`);
    if (![row.p10, row.p50, row.p90].every(Number.isFinite))
      throw new Error(`${label}: a value is not finite`);
    if (!(row.p10 <= row.p50 && row.p50 <= row.p90))
      throw new Error(`${label}: P10 <= P50 <= P90 does not hold`);
    const key = `${row.districtCode}|${subjectYearKey(row.subject, row.year)}`;
    if (seen.has(key)) throw new Error(`${label}: appears twice`);
    seen.add(key);
  }
}

/** The entry years present in a district forecast, in order. */
export function entryYearsOf(need: readonly DistrictNeed[]): AcademicYear[] {
  return [...new Set(need.map((row) => row.year))].sort();
}

/** Subject groups in the dataset's order (Primary first, then the TWM secondary groups). */
export function subjectsOf(need: readonly DistrictNeed[]): SubjectGroup[] {
  const present = new Set(need.map((row) => row.subject));
  return SUBJECT_GROUPS.filter((subject) => present.has(subject));
}

/** Adjustments (signed FTE) of one partnership, by subject|year. */
export type IntelligenceTotals = ReadonlyMap<string, number>;

export interface PartnershipForecastRow {
  partnershipCode: string;
  subject: SubjectGroup;
  year: AcademicYear;
  /** The partnership's share of its in-region partner schools' need (district forecast). */
  model: NeedRange;
  /** Sum of its local-intelligence adjustments (FTE, signed). */
  intelligence: number;
  /** model + intelligence (added to P10, P50 and P90 alike). */
  forecast: NeedRange;
}

/** Model need of one partnership per subject|year (district forecast x its weights). */
export function partnershipModelNeed(
  partnershipCode: string,
  weights: ShareWeights,
  need: readonly DistrictNeed[],
): Map<string, NeedRange> {
  const totals = new Map<string, NeedRange>();
  for (const row of need) {
    const key = subjectYearKey(row.subject, row.year);
    const weight = partnershipWeight(
      weights,
      partnershipCode,
      row.districtCode,
      phaseOfSubject(row.subject),
    );
    totals.set(key, addRanges(totals.get(key) ?? ZERO_RANGE, scaleRange(row, weight)));
  }
  return totals;
}

/**
 * A partnership's NQT demand by subject group x entry year: one row for every subject and
 * year of the district forecast (zero where it has no partner schools of that phase).
 */
export function partnershipForecast(
  partnershipCode: string,
  weights: ShareWeights,
  need: readonly DistrictNeed[],
  intelligence: IntelligenceTotals = new Map(),
): PartnershipForecastRow[] {
  checkDistrictNeed(need);
  const model = partnershipModelNeed(partnershipCode, weights, need);
  const cells = new Set(need.map((row) => subjectYearKey(row.subject, row.year)));
  for (const key of intelligence.keys()) {
    if (!cells.has(key)) {
      throw new Error(
        `local intelligence for ${key.replace('|', ' ')}, which the district forecast does not cover`,
      );
    }
  }
  const rows: PartnershipForecastRow[] = [];
  for (const subject of subjectsOf(need)) {
    for (const year of entryYearsOf(need)) {
      const key = subjectYearKey(subject, year);
      const modelRange = model.get(key) ?? ZERO_RANGE;
      const adjustment = intelligence.get(key) ?? 0;
      rows.push({
        partnershipCode,
        subject,
        year,
        model: { ...modelRange },
        intelligence: adjustment,
        forecast: shiftRange(modelRange, adjustment),
      });
    }
  }
  return rows;
}
