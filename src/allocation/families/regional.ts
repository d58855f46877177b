/**
 * Per subject and entry year: the regional cap and the pool share. Both count places the way
 * the region counts them: each partnership's places times its in-region share, plus the pool.
 *
 * Pool: pool = share x (partnership places in the region + pool), i.e. pool = ratio x
 * partnership places with ratio = share / (1 - share), allowing up to one place over so that
 * whole places can meet it.
 */
import { ruleId, yearCode, nameCode, type BuildContext } from '../build-context.ts';
import { percentText, placesText } from '../words.ts';
import type { ConstraintFamilyEntry } from './family.ts';

/** In-region places of a subject in one year as terms: x times the in-region share. */
function inRegionTerms(
  context: BuildContext,
  subject: string,
  yearIndex: number,
): [number, number][] {
  const terms: [number, number][] = [];
  context.facts.forEach(({ plan, partnership }, planIndex) => {
    if (plan.subject === subject) {
      terms.push([context.placeColumns[planIndex]![yearIndex]!, partnership.inRegionShare]);
    }
  });
  return terms;
}

export const regionalCap: ConstraintFamilyEntry = {
  family: 'regional-cap',
  build(context: BuildContext) {
    for (const cap of context.problem.regionalCaps) {
      const yearIndex = context.entryYears.indexOf(cap.entryYear);
      if (yearIndex < 0 || !context.subjects.includes(cap.subject)) continue;
      const pool = context.poolColumns.get(cap.subject)?.[yearIndex];
      const terms = inRegionTerms(context, cap.subject, yearIndex);
      if (pool !== undefined) terms.push([pool, 1]);
      context.addConstraint(
        {
          id: `regional-cap|${cap.subject}|${cap.entryYear}`,
          family: 'regional-cap',
          limit: cap.places,
          subject: cap.subject,
          entryYear: cap.entryYear,
        },
        [
          {
            name: `regcap_${nameCode(cap.subject)}_${yearCode(cap.entryYear)}`,
            lower: -Infinity,
            upper: cap.places,
            terms,
          },
        ],
      );
    }
  },
  describe: (info) =>
    `Regional cap: at most ${placesText(info.limit)} in ${info.subject} across the region in ${info.entryYear} (partnerships across the boundary count their in-region share)`,
  bindingWords: ['regional cap is reached', 'regional caps are reached'],
  policy: true,
  relaxation: (info) =>
    `Raising the regional cap for ${info.subject} in ${info.entryYear} by one place`,
};

export const poolShare: ConstraintFamilyEntry = {
  family: 'pool-share',
  build(context: BuildContext) {
    const pool = context.problem.pool;
    if (!pool) return;
    const ratio = pool.share / (1 - pool.share);
    for (const [subject, columns] of context.poolColumns) {
      context.entryYears.forEach((year, yearIndex) => {
        const terms: [number, number][] = [
          [columns[yearIndex]!, 1],
          ...inRegionTerms(context, subject, yearIndex).map(
            ([column, share]) => [column, -ratio * share] as [number, number],
          ),
        ];
        const suffix = `${nameCode(subject)}_${yearCode(year)}`;
        context.addConstraint(
          {
            id: ruleId('pool-share', subject, year),
            family: 'pool-share',
            limit: pool.share,
            subject,
            entryYear: year,
          },
          [
            { name: `pool_min_${suffix}`, lower: 0, upper: Infinity, terms },
            { name: `pool_max_${suffix}`, lower: -Infinity, upper: 1, terms },
          ],
        );
      });
    }
  },
  describe: (info) =>
    `Pool share: ${percentText(info.limit)} of ${info.subject} places in ${info.entryYear} are held for schools not engaged with any partnership (rounded up to a whole place)`,
  bindingWords: ['pool share is at its limit', 'pool shares are at their limit'],
  policy: true,
  relaxation: null,
};
