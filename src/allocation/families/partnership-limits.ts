/**
 * Per partnership and entry year: total capacity over all its subjects, and mentor
 * (placement) capacity. Trainees on multi-year routes hold a placement in each year of
 * training; cohorts that started before the first entry year are taken to be last year's
 * allocation.
 */
import { addYears } from '../../data/academic-year.ts';
import { ruleId, yearCode, type BuildContext } from '../build-context.ts';
import { routeDurationYears } from '../rules.ts';
import { formatNumber, placesText } from '../words.ts';
import type { ConstraintFamilyEntry } from './family.ts';

/** Plan indices of each partnership with plans, in the problem's partnership order. */
function plansByPartnership(context: BuildContext): [code: string, planIndices: number[]][] {
  const own = new Map<string, number[]>();
  context.plans.forEach((plan, index) => {
    const list = own.get(plan.partnershipCode) ?? [];
    list.push(index);
    own.set(plan.partnershipCode, list);
  });
  return context.problem.partnerships
    .filter((p) => own.has(p.code))
    .map((p) => [p.code, own.get(p.code)!]);
}

export const totalCapacity: ConstraintFamilyEntry = {
  family: 'total-capacity',
  build(context: BuildContext) {
    for (const [code, planIndices] of plansByPartnership(context)) {
      const capacity = context.partnerships.get(code)!.totalCapacity;
      if (capacity === null) continue;
      context.entryYears.forEach((year, yearIndex) => {
        context.addConstraint(
          {
            id: ruleId('total-capacity', code, year),
            family: 'total-capacity',
            limit: capacity,
            partnershipCode: code,
            entryYear: year,
          },
          [
            {
              name: `total_${code}_${yearCode(year)}`,
              lower: -Infinity,
              upper: capacity,
              terms: planIndices.map((i) => [context.placeColumns[i]![yearIndex]!, 1] as const),
            },
          ],
        );
      });
    }
  },
  describe: (info, names) =>
    `Total capacity: ${names.partnership(info.partnershipCode ?? '')} can take at most ${placesText(info.limit)} across all subjects in ${info.entryYear}`,
  bindingWords: [
    'partnership is at its total capacity',
    'partnerships are at their total capacity',
  ],
  policy: true,
  relaxation: (info, names) =>
    `Room for one more trainee in total at ${names.partnership(info.partnershipCode ?? '')} in ${info.entryYear}`,
};

export const mentorCapacity: ConstraintFamilyEntry = {
  family: 'mentor-capacity',
  build(context: BuildContext) {
    const first = context.entryYears[0]!;
    for (const [code, planIndices] of plansByPartnership(context)) {
      const capacity = context.partnerships.get(code)!.mentorCapacity;
      if (capacity === null) continue;
      context.entryYears.forEach((year) => {
        const terms: [number, number][] = [];
        let earlierCohorts = 0;
        for (const planIndex of planIndices) {
          const plan = context.plans[planIndex]!;
          for (let k = 0; k < routeDurationYears(plan.route); k += 1) {
            const cohortYear = addYears(year, -k);
            const cohortIndex = context.entryYears.indexOf(cohortYear);
            if (cohortIndex >= 0) terms.push([context.placeColumns[planIndex]![cohortIndex]!, 1]);
            else if (cohortYear < first) earlierCohorts += plan.lastYearAllocation;
          }
        }
        context.addConstraint(
          {
            id: ruleId('mentor-capacity', code, year),
            family: 'mentor-capacity',
            limit: capacity,
            // Placements already taken by trainees who started before the first entry year.
            detail: earlierCohorts,
            partnershipCode: code,
            entryYear: year,
          },
          [
            {
              name: `mentor_${code}_${yearCode(year)}`,
              lower: -Infinity,
              upper: capacity - earlierCohorts,
              terms,
            },
          ],
        );
      });
    }
  },
  describe: (info, names) => {
    const earlier =
      (info.detail ?? 0) > 0
        ? ` (${formatNumber(info.detail!)} of them taken by trainees already in training)`
        : '';
    return `Mentor capacity: ${names.partnership(info.partnershipCode ?? '')} has school placements for ${formatNumber(info.limit)} trainees in ${info.entryYear}${earlier}`;
  },
  bindingWords: [
    'partnership uses every mentor placement',
    'partnerships use every mentor placement',
  ],
  policy: true,
  relaxation: (info, names) =>
    `One more school placement (a trained mentor) at ${names.partnership(info.partnershipCode ?? '')} in ${info.entryYear}`,
};
