/** illustrative_partnership_subject_plans.csv: ILLUSTRATIVE capacities and last year's figures (seeded). */
import { randomLcg } from 'd3-random';
import { ACADEMIC_YEAR, eesColumns, eesLocation, type EesRow } from '../../src/data/ees.ts';
import { DATA_FILES } from '../../src/data/registry/index.ts';
import {
  SECONDARY_SUBJECTS,
  SUBJECT_GROUPS,
  type SecondarySubject,
  type SubjectGroup,
} from '../../src/data/types.ts';
import type { PartnershipBuild, PartnershipTypeName } from './partnerships.ts';
import { builtFile, filter, indicator, type BuiltFile } from './tables.ts';

const PLAN_SEED = 20260423;

/** Illustrative total places by partnership type and location: [minimum, maximum]. */
const TOTAL_PLACES: Record<string, [number, number]> = {
  'HEI|in region': [250, 600],
  'SCITT|in region': [30, 90],
  'HEI|outside': [10, 40],
  'SCITT|outside': [8, 30],
  'Teach First|outside': [15, 35],
};
const PRIMARY_SHARE: Record<PartnershipTypeName, number> = {
  HEI: 0.45,
  SCITT: 0.35,
  'Teach First': 0.2,
};

export function buildPlans(
  partnerships: PartnershipBuild[],
  shares: Map<SecondarySubject, number>,
): BuiltFile {
  const random = randomLcg(PLAN_SEED);
  const between = (lo: number, hi: number) => lo + (hi - lo) * random();
  const rows: EesRow[] = [];
  for (const p of partnerships) {
    const [lo, hi] = TOTAL_PLACES[`${p.type}|${p.homeDistrict ? 'in region' : 'outside'}`] as [
      number,
      number,
    ];
    const total = Math.round(between(lo, hi));
    // A specialist SCITT (e.g. mathematics and physics) trains only the subjects in its name.
    const specialist = SECONDARY_SUBJECTS.filter((s) =>
      p.partners.some((x) => x.name.toLowerCase().includes(s.toLowerCase())),
    );
    const primaryShare = specialist.length > 0 ? 0 : PRIMARY_SHARE[p.type];
    const secondaryPool: readonly SecondarySubject[] =
      specialist.length > 0 ? specialist : SECONDARY_SUBJECTS;
    const poolShare = secondaryPool.reduce((a: number, s) => a + (shares.get(s) ?? 0), 0);
    for (const subject of SUBJECT_GROUPS) {
      const expected =
        subject === 'Primary'
          ? total * primaryShare
          : secondaryPool.includes(subject as SecondarySubject)
            ? (total * (1 - primaryShare) * (shares.get(subject as SecondarySubject) ?? 0)) /
              poolShare
            : 0;
      const minimumCohort =
        subject === 'Primary' ? (p.type === 'HEI' ? 10 : 4) : p.type === 'HEI' ? 3 : 2;
      // A course below its minimum viable cohort would not run: capacity is 0 or at least that.
      const drawn = expected < 1.5 ? 0 : Math.round(expected * between(0.8, 1.25));
      const capacity = drawn === 0 ? 0 : Math.max(drawn, minimumCohort);
      const lastYearAllocation =
        capacity === 0 ? 0 : Math.min(capacity, Math.round(capacity * between(0.6, 0.95)));
      const lastYearRecruited = Math.min(
        capacity,
        Math.round(lastYearAllocation * between(0.55, 1.1)),
      );
      rows.push({
        time_period: '202526',
        time_identifier: ACADEMIC_YEAR,
        ...eesLocation('Provider', { code: p.ukprn, name: p.name }),
        partnership_code: p.code,
        subject: subject as SubjectGroup,
        provenance: 'illustrative',
        capacity,
        // ...and a course that ran last year ran at or above its minimum viable cohort.
        minimum_cohort:
          capacity === 0
            ? 0
            : lastYearAllocation > 0
              ? Math.min(minimumCohort, lastYearAllocation)
              : minimumCohort,
        last_year_allocation: lastYearAllocation,
        last_year_recruited: lastYearRecruited,
      });
    }
  }
  return builtFile(DATA_FILES.partnershipPlans, {
    columns: [
      ...eesColumns('Provider'),
      'partnership_code',
      'subject',
      'provenance',
      'capacity',
      'minimum_cohort',
      'last_year_allocation',
      'last_year_recruited',
    ],
    meta: [
      filter('partnership_code', 'Accredited provider code'),
      filter('subject', 'Subject group (Primary or a TWM secondary subject)'),
      filter(
        'provenance',
        'Provenance: illustrative (made up for demonstration, not real figures)',
      ),
      indicator('capacity', 'Training places the partnership can offer (ILLUSTRATIVE)', 0),
      indicator('minimum_cohort', 'Minimum viable cohort (ILLUSTRATIVE)', 0),
      indicator('last_year_allocation', 'Places allocated last cycle (ILLUSTRATIVE)', 0),
      indicator('last_year_recruited', 'Trainees recruited last cycle (ILLUSTRATIVE)', 0),
    ],
    rows,
  });
}
