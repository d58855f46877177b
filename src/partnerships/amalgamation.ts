/**
 * Amalgamation: the regional request for NQTs as the sum of the partnerships' requests,
 * plus a pool for schools not engaged with any partnership, reconciling EXACTLY to the
 * regional forecast (the sum of district need) before local intelligence.
 *
 * What is counted where, per subject group and entry year:
 * - Every school of the region carries a share pupils[i,h] / pupils[d,h] of its district's
 *   need. Partnership p counts share[i,p] of it for each partner school i; shares of one
 *   school never sum above 1, so a school shared by two partnerships is counted once.
 * - The pool counts what no partnership holds: schools with no partnership, the unassigned
 *   part of schools whose declared shares sum below 1, and the whole need of a district
 *   with no pupils of the phase in the schools list.
 * - Cross-boundary partnerships: the schools list holds only the region's schools, so a
 *   partnership's model need here is all in-region need and is counted in full. Its
 *   `inRegionShare` s describes its ACTIVITY: its whole-activity need is estimated as
 *   in-region need / s, and the out-of-region part, in-region need x (1 - s) / s, is
 *   reported beside it and NOT counted. So "in-region contribution = whole forecast x s"
 *   holds, and the region's need is neither dropped nor counted twice.
 * Hence sum(partnership rows) + pool row = sum of district need, for P10, P50 and P90
 * separately (up to floating-point rounding, which `checks` reports and tests bound by 1e-9).
 *
 * Local intelligence: each accepted entry adds its FTE change to its partnership's request;
 * the adjusted regional total = model total + sum of accepted adjustments, shown as both.
 */
import type { AcademicYear, Partnership, SubjectGroup } from '../data/types.ts';
import { phaseOfSubject } from './partner-schools.ts';
import {
  ZERO_RANGE,
  addRanges,
  checkDistrictNeed,
  entryYearsOf,
  partnershipWeight,
  poolWeight,
  scaleRange,
  shiftRange,
  subjectYearKey,
  subjectsOf,
  type DistrictNeed,
  type NeedRange,
  type ShareWeights,
} from './partnership-forecast.ts';
import type { IntelligenceEntry } from './intelligence.ts';

export type AmalgamationRowKind = 'partnership' | 'pool' | 'total';

/** 'Total' rows add all subject groups of a year (EES: every filter has a Total). */
export type AmalgamationSubject = SubjectGroup | 'Total';

export const POOL_LABEL = 'Pool: schools not engaged with any partnership';
export const TOTAL_LABEL = 'Regional total';

export interface AmalgamationRow {
  kind: AmalgamationRowKind;
  /** Null for the pool and total rows. */
  partnershipCode: string | null;
  label: string;
  subject: AmalgamationSubject;
  year: AcademicYear;
  /** Model need counted in the regional request. Total rows: the regional forecast itself. */
  model: NeedRange;
  /** Accepted local-intelligence adjustments (FTE, signed). */
  intelligence: number;
  /** model + intelligence. */
  request: NeedRange;
  /** Estimated need of the partnership's activity outside the region: NOT counted. Null when it cannot be estimated (in-region share 0) or for pool/total rows. */
  outOfRegion: NeedRange | null;
}

export interface ReconciliationCheck {
  subject: AmalgamationSubject;
  year: AcademicYear;
  /** Sum of district need: the regional forecast. */
  regionalForecast: NeedRange;
  /** Sum of the partnership rows and the pool row. */
  rowsSum: NeedRange;
  /** Largest |rowsSum - regionalForecast| over P10, P50, P90. */
  gap: number;
  intelligence: number;
  /** regionalForecast + intelligence: the regional request. */
  adjustedTotal: NeedRange;
}

export interface Amalgamation {
  /** Per subject (Total last) and year: one row per partnership, the pool, then the total. */
  rows: AmalgamationRow[];
  checks: ReconciliationCheck[];
  /** Largest gap of any check. */
  maxGap: number;
  /** Entries from two or more partnerships about the same school, subject, year and kind. */
  possibleDuplicates: IntelligenceEntry[][];
  method: string;
}

export const AMALGAMATION_METHOD =
  "Each school carries its share of its district's forecast need (its pupils over the district's pupils of the phase). " +
  "A partnership's request is its share of its partner schools' need, a school shared by two partnerships split between them, " +
  'plus its accepted local intelligence. The pool holds the need of schools not engaged with any partnership. ' +
  'A partnership working across the region boundary counts its in-region partner schools only; ' +
  'its estimated need outside the region is shown but not counted. Partnership rows plus the pool equal the regional forecast.';

/** Estimated need of a partnership's activity outside the region, from its in-region need. */
export function outOfRegionEstimate(inRegion: NeedRange, inRegionShare: number): NeedRange | null {
  if (!(inRegionShare > 0)) return null;
  if (inRegionShare >= 1) return { ...ZERO_RANGE };
  return scaleRange(inRegion, (1 - inRegionShare) / inRegionShare);
}

function gapOf(a: NeedRange, b: NeedRange): number {
  return Math.max(Math.abs(a.p10 - b.p10), Math.abs(a.p50 - b.p50), Math.abs(a.p90 - b.p90));
}

/** Entries grouped by school, subject, year and kind where two or more partnerships made them. */
export function findPossibleDuplicates(
  entries: readonly IntelligenceEntry[],
): IntelligenceEntry[][] {
  const groups = new Map<string, IntelligenceEntry[]>();
  for (const entry of entries) {
    const key = `${entry.schoolUrn}|${entry.subject}|${entry.year}|${entry.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.values()].filter(
    (group) => new Set(group.map((e) => e.partnershipCode)).size > 1,
  );
}

/**
 * The regional request table. `entries` are the ACCEPTED intelligence entries; an entry of
 * a partnership not in `partnerships` throws (it would silently leave the total).
 */
export function amalgamate(
  partnerships: readonly Pick<Partnership, 'code' | 'name' | 'inRegionShare'>[],
  weights: ShareWeights,
  need: readonly DistrictNeed[],
  entries: readonly IntelligenceEntry[] = [],
): Amalgamation {
  checkDistrictNeed(need);
  const codes = new Set(partnerships.map((p) => p.code));
  if (codes.size !== partnerships.length)
    throw new Error('a partnership code appears twice in the amalgamation');
  const intelligence = new Map<string, number>();
  const cells = new Set(need.map((row) => subjectYearKey(row.subject, row.year)));
  for (const entry of entries) {
    if (!cells.has(subjectYearKey(entry.subject, entry.year))) {
      throw new Error(
        `intelligence entry ${entry.id} is for ${entry.subject} ${entry.year}, which the district forecast does not cover`,
      );
    }
    if (!codes.has(entry.partnershipCode)) {
      throw new Error(
        `intelligence entry ${entry.id} is from ${entry.partnershipCode}, which is not among the partnerships`,
      );
    }
    const key = `${entry.partnershipCode}|${subjectYearKey(entry.subject, entry.year)}`;
    intelligence.set(key, (intelligence.get(key) ?? 0) + entry.fteChange);
  }

  // Model need per cell: partnerships, pool and the regional forecast, summed over districts.
  const model = new Map<string, NeedRange>();
  const add = (owner: string, cell: string, range: NeedRange) => {
    const key = `${owner}|${cell}`;
    model.set(key, addRanges(model.get(key) ?? ZERO_RANGE, range));
  };
  for (const row of need) {
    const phase = phaseOfSubject(row.subject);
    for (const cell of [subjectYearKey(row.subject, row.year), subjectYearKey('Total', row.year)]) {
      for (const partnership of partnerships) {
        add(
          partnership.code,
          cell,
          scaleRange(row, partnershipWeight(weights, partnership.code, row.districtCode, phase)),
        );
      }
      add(' pool', cell, scaleRange(row, poolWeight(weights, row.districtCode, phase)));
      add(' region', cell, row);
    }
  }

  const rows: AmalgamationRow[] = [];
  const checks: ReconciliationCheck[] = [];
  const subjects: AmalgamationSubject[] = [...subjectsOf(need), 'Total'];
  for (const subject of subjects) {
    for (const year of entryYearsOf(need)) {
      const cell = subjectYearKey(subject, year);
      let rowsSum: NeedRange = ZERO_RANGE;
      let intelligenceSum = 0;
      for (const partnership of partnerships) {
        const inRegion = model.get(`${partnership.code}|${cell}`) ?? ZERO_RANGE;
        const adjustment =
          subject === 'Total'
            ? subjectsOf(need).reduce(
                (sum, s) =>
                  sum + (intelligence.get(`${partnership.code}|${subjectYearKey(s, year)}`) ?? 0),
                0,
              )
            : (intelligence.get(`${partnership.code}|${cell}`) ?? 0);
        rows.push({
          kind: 'partnership',
          partnershipCode: partnership.code,
          label: partnership.name,
          subject,
          year,
          model: inRegion,
          intelligence: adjustment,
          request: shiftRange(inRegion, adjustment),
          outOfRegion: outOfRegionEstimate(inRegion, partnership.inRegionShare),
        });
        rowsSum = addRanges(rowsSum, inRegion);
        intelligenceSum += adjustment;
      }
      const pool = model.get(` pool|${cell}`) ?? ZERO_RANGE;
      rows.push({
        kind: 'pool',
        partnershipCode: null,
        label: POOL_LABEL,
        subject,
        year,
        model: pool,
        intelligence: 0,
        request: pool,
        outOfRegion: null,
      });
      rowsSum = addRanges(rowsSum, pool);
      const regionalForecast = model.get(` region|${cell}`) ?? ZERO_RANGE;
      const adjustedTotal = shiftRange(regionalForecast, intelligenceSum);
      rows.push({
        kind: 'total',
        partnershipCode: null,
        label: TOTAL_LABEL,
        subject,
        year,
        model: regionalForecast,
        intelligence: intelligenceSum,
        request: adjustedTotal,
        outOfRegion: null,
      });
      checks.push({
        subject,
        year,
        regionalForecast,
        rowsSum,
        gap: gapOf(rowsSum, regionalForecast),
        intelligence: intelligenceSum,
        adjustedTotal,
      });
    }
  }
  return {
    rows,
    checks,
    maxGap: checks.reduce((max, check) => Math.max(max, check.gap), 0),
    possibleDuplicates: findPossibleDuplicates(entries),
    method: AMALGAMATION_METHOD,
  };
}
