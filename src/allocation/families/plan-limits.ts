/**
 * Per plan and entry year: capacity (x <= capacity) and places fixed outside this allocation
 * (x = fixed, e.g. Teach First's national contract). Both stay rows, not column bounds, so
 * their duals (marginal values) and their names reach the report.
 */
import { ruleId, yearCode, type BuildContext } from '../build-context.ts';
import { placesText } from '../words.ts';
import { planLabel, type ConstraintFamilyEntry } from './family.ts';

export const planCapacity: ConstraintFamilyEntry = {
  family: 'plan-capacity',
  build(context: BuildContext) {
    context.facts.forEach(({ plan, key, short }, planIndex) => {
      context.entryYears.forEach((year, yearIndex) => {
        context.addConstraint(
          {
            id: ruleId('plan-capacity', key, year),
            family: 'plan-capacity',
            limit: plan.capacity,
            partnershipCode: plan.partnershipCode,
            subject: plan.subject,
            route: plan.route,
            entryYear: year,
          },
          [
            {
              name: `cap_${short}_${yearCode(year)}`,
              lower: -Infinity,
              upper: plan.capacity,
              terms: [[context.placeColumns[planIndex]![yearIndex]!, 1]],
            },
          ],
        );
      });
    });
  },
  describe: (info, names) =>
    `Capacity: ${planLabel(info, names)} can take at most ${placesText(info.limit)} in ${info.entryYear}`,
  bindingWords: ['plan is at its full capacity', 'plans are at their full capacity'],
  policy: true,
  relaxation: (info, names) =>
    `One more ${info.subject} place at ${names.partnership(info.partnershipCode ?? '')} (${info.route}) in ${info.entryYear}`,
};

export const fixedPlaces: ConstraintFamilyEntry = {
  family: 'fixed-places',
  build(context: BuildContext) {
    context.facts.forEach(({ plan, key, short }, planIndex) => {
      if (plan.fixedPlaces === null) return;
      const fixed = plan.fixedPlaces;
      context.entryYears.forEach((year, yearIndex) => {
        context.addConstraint(
          {
            id: ruleId('fixed-places', key, year),
            family: 'fixed-places',
            limit: fixed,
            partnershipCode: plan.partnershipCode,
            subject: plan.subject,
            route: plan.route,
            entryYear: year,
          },
          [
            {
              name: `fix_${short}_${yearCode(year)}`,
              lower: fixed,
              upper: fixed,
              terms: [[context.placeColumns[planIndex]![yearIndex]!, 1]],
            },
          ],
        );
      });
    });
  },
  describe: (info, names) =>
    `Fixed places: ${planLabel(info, names)} has exactly ${placesText(info.limit)} in ${info.entryYear}`,
  bindingWords: ['allocation is fixed (Teach First)', 'allocations are fixed (Teach First)'],
  policy: true,
  relaxation: (info, names) =>
    `One more fixed ${info.subject} place at ${names.partnership(info.partnershipCode ?? '')} in ${info.entryYear}`,
};
