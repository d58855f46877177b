/**
 * Fairness as equal relative change (FairnessSettings). For each subject s and entry year y a
 * common factor g[s,y] >= 0 (the subject's change across the region), and for each plan q of
 * the subject with reference places r[q] (fairnessReference) a row
 *   -1/2 <= x[q,y] - r[q] g[s,y] - above[q,y] + below[q,y] <= 1/2,
 * with `weightPerPlace` on above and below. At an optimum g is about the weighted median of
 * the plans' x / r, and above + below is how far, in places, a plan is from its fair share
 * r[q] g[s,y]: a partnership that grows while others in the subject are cut pays for every
 * place of the difference. Half a place either side is free, since whole places can come no
 * closer.
 */
import { nameCode, ruleId, yearCode, type BuildContext, type PlanFacts } from '../build-context.ts';
import { fairnessReference } from '../rules.ts';
import { formatNumber, placesText } from '../words.ts';
import { planLabel, type ConstraintFamilyEntry } from './family.ts';

/** Half a place either side of the fair share is free. */
export const FAIRNESS_ROUNDING = 0.5;

export const fairness: ConstraintFamilyEntry = {
  family: 'fairness',
  build(context: BuildContext) {
    const settings = context.problem.fairness;
    if (!settings || settings.weightPerPlace <= 0 || context.options.feasibilityOnly) return;
    const { builder } = context;
    const weight = settings.weightPerPlace;
    // Each plan with a reference, grouped by subject once (not one pass over every plan per
    // subject: that was a tenth of an SCR-size build).
    const bySubject = new Map<string, (PlanFacts & { planIndex: number; reference: number })[]>();
    context.facts.forEach((facts, planIndex) => {
      const reference = fairnessReference(facts.plan);
      if (reference === null) return;
      const group = bySubject.get(facts.plan.subject) ?? [];
      group.push({ ...facts, planIndex, reference });
      bySubject.set(facts.plan.subject, group);
    });
    for (const subject of context.subjects) {
      const plans = bySubject.get(subject) ?? [];
      if (plans.length < 2) continue;
      const factors = context.entryYears.map((year, yearIndex) => {
        const factor = builder.addColumn(
          `common_${nameCode(subject)}_${yearCode(year)}`,
          0,
          0,
          Infinity,
          'continuous',
        );
        for (const { plan, key, short, planIndex, reference } of plans) {
          const suffix = `${short}_${yearCode(year)}`;
          const above = builder.addColumn(`fair_up_${suffix}`, weight, 0, Infinity, 'continuous');
          const below = builder.addColumn(`fair_dn_${suffix}`, weight, 0, Infinity, 'continuous');
          context.addConstraint(
            {
              id: ruleId('fairness', key, year),
              family: 'fairness',
              limit: reference,
              detail: weight,
              partnershipCode: plan.partnershipCode,
              subject,
              route: plan.route,
              entryYear: year,
            },
            [
              {
                name: `fair_${suffix}`,
                lower: -FAIRNESS_ROUNDING,
                upper: FAIRNESS_ROUNDING,
                terms: [
                  [context.placeColumns[planIndex]![yearIndex]!, 1],
                  [factor, -reference],
                  [above, -1],
                  [below, 1],
                ],
              },
            ],
          );
          context.fairnessColumns.push({
            row: builder.numRows - 1,
            factor,
            above,
            below,
            planIndex,
            yearIndex,
            reference,
          });
        }
        return factor;
      });
      context.commonFactorColumns.set(subject, factors);
    }
  },
  describe: (info, names) =>
    `Fairness: each place ${planLabel(info, names)} gets in ${info.entryYear} more than half a place above or below its fair share (its ${placesText(info.limit)} changed as ${info.subject} changes across the region) is weighed as ${formatNumber(info.detail ?? 0)} unmet teachers`,
  bindingWords: ['plan is at its fair share', 'plans are at their fair share'],
  policy: false,
  relaxation: null,
};
