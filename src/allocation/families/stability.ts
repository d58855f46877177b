/**
 * Change from the year before and the stability bands on it.
 *
 * With a cost on change (lambda > 0), each plan-year has a change row
 *   x[y] - x[y-1] - up + down = 0   (x[y-1] is last year's allocation in the first year)
 * with lambda on up and down, which are never both positive at an optimum. A stability band
 * is then exactly an upper bound on one of them; as bounds, the bands leave the interior-point
 * solver about a third fewer rows after presolve. Without a cost on change, or when the
 * diagnosis makes a band elastic, the band is a row on x itself.
 */
import { addYears } from '../../data/academic-year.ts';
import {
  ruleId,
  yearCode,
  type BuildContext,
  type ConstraintInfo,
  type ConstraintSpec,
} from '../build-context.ts';
import { placesText, type NameLookup } from '../words.ts';
import { planLabel, type ConstraintFamilyEntry } from './family.ts';

/** True when change carries a cost, so change columns exist and bands can be their bounds. */
const changeCosted = (context: BuildContext) =>
  context.problem.costs.changePerPlace > 0 && !context.options.feasibilityOnly;

/** x[y] - x[y-1] as terms, and the constant on the other side (last year's places in year 1). */
function changeOf(context: BuildContext, planIndex: number, yearIndex: number) {
  const x = context.placeColumns[planIndex]!;
  if (yearIndex === 0) {
    return {
      terms: [[x[0]!, 1]] as [number, number][],
      base: context.plans[planIndex]!.lastYearAllocation,
    };
  }
  return {
    terms: [
      [x[yearIndex]!, 1],
      [x[yearIndex - 1]!, -1],
    ] as [number, number][],
    base: 0,
  };
}

export const change: ConstraintFamilyEntry = {
  family: 'change',
  build(context: BuildContext) {
    if (!changeCosted(context)) return;
    const cost = context.problem.costs.changePerPlace;
    context.facts.forEach(({ plan, key, short }, planIndex) => {
      context.entryYears.forEach((year, yearIndex) => {
        const suffix = `${short}_${yearCode(year)}`;
        const up = context.builder.addColumn(`inc_${suffix}`, cost, 0, Infinity, 'continuous');
        const down = context.builder.addColumn(`dec_${suffix}`, cost, 0, Infinity, 'continuous');
        const { terms, base } = changeOf(context, planIndex, yearIndex);
        context.addConstraint(
          {
            id: ruleId('change', key, year),
            family: 'change',
            limit: 0,
            partnershipCode: plan.partnershipCode,
            subject: plan.subject,
            route: plan.route,
            entryYear: year,
          },
          [
            {
              name: `chg_${suffix}`,
              lower: base,
              upper: base,
              terms: [...terms, [up, -1], [down, 1]],
            },
          ],
        );
        const row = context.builder.numRows - 1;
        context.changeColumns.push({ row, up, down, planIndex, yearIndex });
      });
    });
  },
  describe: (info, names) => `Change in ${planLabel(info, names)} places in ${info.entryYear}`,
  bindingWords: ['change from last year', 'changes from last year'],
  policy: false,
  relaxation: null,
};

function stabilityFamily(direction: 'increase' | 'decrease'): ConstraintFamilyEntry {
  const family = direction === 'increase' ? 'stability-increase' : 'stability-decrease';
  return {
    family,
    build(context: BuildContext) {
      const costed = changeCosted(context);
      const years = context.entryYears.length;
      const changeAt = new Map(
        context.changeColumns.map((c) => [c.planIndex * years + c.yearIndex, c]),
      );
      context.facts.forEach(({ plan, key, short, band }, planIndex) => {
        if (!band || plan.fixedPlaces !== null) return;
        context.entryYears.forEach((year, yearIndex) => {
          const { terms, base } = changeOf(context, planIndex, yearIndex);
          // In the first year a cut larger than last year's places is no limit at all.
          if (direction === 'decrease' && yearIndex === 0 && base - band.decrease <= 0) return;
          const places = direction === 'increase' ? band.increase : band.decrease;
          const id = ruleId(family, key, year);
          const spec: ConstraintSpec = {
            id,
            family,
            limit: places,
            detail: yearIndex === 0 ? plan.lastYearAllocation : null,
            partnershipCode: plan.partnershipCode,
            subject: plan.subject,
            route: plan.route,
            entryYear: year,
          };
          const columns = changeAt.get(planIndex * years + yearIndex);
          if (costed && columns && context.hard(id)) {
            const [column, partner] =
              direction === 'increase' ? [columns.up, columns.down] : [columns.down, columns.up];
            context.builder.setColumnUpper(column, places);
            context.addBoundConstraint(spec, { column, partner });
            return;
          }
          const suffix = `${short}_${yearCode(year)}`;
          context.addConstraint(spec, [
            direction === 'increase'
              ? { name: `stab_up_${suffix}`, lower: -Infinity, upper: base + places, terms }
              : { name: `stab_down_${suffix}`, lower: base - places, upper: Infinity, terms },
          ]);
        });
      });
    },
    describe: (info: ConstraintInfo, names: NameLookup) => {
      const from =
        info.detail !== null
          ? `last year's ${placesText(info.detail)}`
          : `its ${addYears(info.entryYear!, -1)} places`;
      const verb = direction === 'increase' ? 'grow' : 'shrink';
      return `Stability: ${planLabel(info, names)} may ${verb} by at most ${placesText(info.limit)} from ${from} in ${info.entryYear}`;
    },
    bindingWords:
      direction === 'increase'
        ? [
            'plan grows as much as the stability rule allows',
            'plans grow as much as the stability rule allows',
          ]
        : [
            'plan shrinks as much as the stability rule allows',
            'plans shrink as much as the stability rule allows',
          ],
    policy: true,
    relaxation: (info, names) =>
      `Letting ${names.partnership(info.partnershipCode ?? '')} ${direction === 'increase' ? 'grow' : 'cut'} ${info.subject} by one place more than the stability rule allows in ${info.entryYear}`,
  };
}

export const stabilityIncrease = stabilityFamily('increase');
export const stabilityDecrease = stabilityFamily('decrease');
