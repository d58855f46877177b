/**
 * Minimum viable cohort: a plan runs with no places or at least its minimum, x = 0 or
 * x >= m, through a binary switch `open` per plan and year: m open <= x <= M open. M is the
 * tightest upper limit the hard rules put on x, which keeps the MILP's relaxation close to its
 * integer hull. A plan held open by a hard floor (fixed places, or last year's places less
 * the stability band) needs no switch, which keeps the MILP smaller.
 */
import { ruleId, yearCode, type BuildContext } from '../build-context.ts';
import { placesText } from '../words.ts';
import { planLabel, type ConstraintFamilyEntry } from './family.ts';

/** Upper limit on x from the hard rules, or a generous bound when none applies. */
function placeLimit(context: BuildContext, planIndex: number, yearIndex: number): number {
  const { plan, partnership, key, band } = context.facts[planIndex]!;
  const year = context.entryYears[yearIndex]!;
  let limit = Infinity;
  if (context.hard(ruleId('plan-capacity', key, year))) limit = Math.min(limit, plan.capacity);
  if (plan.fixedPlaces !== null && context.hard(ruleId('fixed-places', key, year))) {
    limit = Math.min(limit, plan.fixedPlaces);
  }
  if (
    partnership.totalCapacity !== null &&
    context.hard(ruleId('total-capacity', partnership.code, year))
  ) {
    limit = Math.min(limit, partnership.totalCapacity);
  }
  if (
    partnership.mentorCapacity !== null &&
    context.hard(ruleId('mentor-capacity', partnership.code, year))
  ) {
    limit = Math.min(limit, partnership.mentorCapacity);
  }
  if (
    band &&
    plan.fixedPlaces === null &&
    yearIndex === 0 &&
    context.hard(ruleId('stability-increase', key, year))
  ) {
    limit = Math.min(limit, plan.lastYearAllocation + band.increase);
  }
  if (Number.isFinite(limit)) return Math.max(0, limit);
  const totalNeed = context.problem.need.reduce((sum, r) => sum + Math.max(0, r.teachers), 0);
  const largest = Math.max(
    0,
    ...context.plans.map((p) => Math.max(p.capacity, p.lastYearAllocation)),
  );
  return 10 * (totalNeed + largest) + 1000;
}

/** The floor a hard rule already holds x at (0 when none). */
function heldFloor(context: BuildContext, planIndex: number, yearIndex: number): number {
  const { plan, key, band } = context.facts[planIndex]!;
  const year = context.entryYears[yearIndex]!;
  if (plan.fixedPlaces !== null && context.hard(ruleId('fixed-places', key, year))) {
    return plan.fixedPlaces;
  }
  if (band && yearIndex === 0 && context.hard(ruleId('stability-decrease', key, year))) {
    return plan.lastYearAllocation - band.decrease;
  }
  return 0;
}

export const minimumCohort: ConstraintFamilyEntry = {
  family: 'minimum-cohort',
  build(context: BuildContext) {
    const { options, builder } = context;
    context.facts.forEach(({ plan, key, short }, planIndex) => {
      const opens = context.entryYears.map((year, yearIndex) => {
        const needsSwitch =
          options.minimumCohorts &&
          plan.minimumCohort > (options.wholePlaces ? 1 : 0) &&
          heldFloor(context, planIndex, yearIndex) < plan.minimumCohort;
        if (!needsSwitch) return -1;
        const suffix = `${short}_${yearCode(year)}`;
        const open = builder.addColumn(`open_${suffix}`, 0, 0, 1, 'integer');
        const x = context.placeColumns[planIndex]![yearIndex]!;
        const bigM = Math.max(placeLimit(context, planIndex, yearIndex), plan.minimumCohort);
        context.addConstraint(
          {
            id: ruleId('minimum-cohort', key, year),
            family: 'minimum-cohort',
            limit: plan.minimumCohort,
            partnershipCode: plan.partnershipCode,
            subject: plan.subject,
            route: plan.route,
            entryYear: year,
          },
          [
            {
              name: `cohort_min_${suffix}`,
              lower: 0,
              upper: Infinity,
              terms: [
                [x, 1],
                [open, -plan.minimumCohort],
              ],
            },
            {
              name: `cohort_open_${suffix}`,
              lower: -Infinity,
              upper: 0,
              terms: [
                [x, 1],
                [open, -bigM],
              ],
            },
          ],
        );
        return open;
      });
      context.openColumns.push(opens);
    });
  },
  describe: (info, names) =>
    `Minimum cohort: ${planLabel(info, names)} in ${info.entryYear} must have no places or at least ${placesText(info.limit)}`,
  bindingWords: ['plan is held at its minimum cohort', 'plans are held at their minimum cohort'],
  policy: true,
  relaxation: null,
};
