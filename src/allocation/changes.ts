/**
 * Each partnership's change from last year, in places and per cent, and why, in words: the
 * rules that hold its plans where they are, the regional caps reached in its subjects, and
 * how its places compare with the common change in each subject (fairness). Also the largest
 * cut any partnership takes. Read from the plan's tables and the model's common factors.
 */
import type { AcademicYear } from '../data/academic-year.ts';
import type { SubjectGroup } from '../data/types.ts';
import type { AllocationModel, ConstraintFamily } from './build.ts';
import { familyEntry } from './constraint-families.ts';
import type { BindingConstraint } from './explain.ts';
import type { AllocationProblem } from './problem.ts';
import { fairnessReference } from './rules.ts';
import type { AllocationSolution } from './solution.ts';
import { formatNumber, placesText } from './words.ts';

export interface SubjectChange {
  subject: SubjectGroup;
  entryYear: AcademicYear;
  /** The common change factor of the fairness rule, as a percentage (-10 = 10% fewer). */
  percent: number;
}

export interface PartnershipChange {
  partnershipCode: string;
  partnershipName: string;
  entryYear: AcademicYear;
  places: number;
  lastYear: number;
  /** Change from last year's allocation in per cent; null when it had none. */
  percent: number | null;
  /** Its fair share: each plan's reference places times its subject's common change. */
  fairShare: number | null;
  /** Why, in short phrases. */
  reasons: string[];
  text: string;
}

export interface ChangeReport {
  partnerships: PartnershipChange[];
  subjects: SubjectChange[];
  largestCut: PartnershipChange | null;
  /** One sentence on the largest cut and the fairness rule. */
  summary: string;
}

const percentText = (value: number) =>
  `${formatNumber(Math.abs(value))}% ${value < 0 ? 'fewer' : 'more'}`;

export function partnershipChanges(
  problem: AllocationProblem,
  built: AllocationModel,
  colValue: ArrayLike<number>,
  solution: AllocationSolution,
  binding: readonly BindingConstraint[],
): ChangeReport {
  const factor = new Map<string, number>();
  const subjects: SubjectChange[] = [];
  for (const [subject, columns] of built.commonFactorColumns) {
    columns.forEach((column, yearIndex) => {
      const entryYear = built.entryYears[yearIndex]!;
      factor.set(`${subject}|${entryYear}`, colValue[column]!);
      subjects.push({ subject, entryYear, percent: 100 * (colValue[column]! - 1) });
    });
  }
  // Binding rules by partnership and year, and regional caps by subject and year.
  const bindingByKey = new Map<string, BindingConstraint[]>();
  for (const rule of binding) {
    const key =
      rule.partnershipCode !== null
        ? `${rule.partnershipCode}|${rule.entryYear}`
        : rule.family === 'regional-cap'
          ? `${rule.subject}|${rule.entryYear}`
          : null;
    if (key !== null) bindingByKey.set(key, [...(bindingByKey.get(key) ?? []), rule]);
  }
  const plans = new Map(
    problem.plans.map((p) => [`${p.partnershipCode}|${p.subject}|${p.route}`, p]),
  );
  const partnerships: PartnershipChange[] = [];
  for (const partnership of problem.partnerships) {
    for (const entryYear of built.entryYears) {
      const rows = solution.places.filter(
        (row) => row.partnershipCode === partnership.code && row.entryYear === entryYear,
      );
      if (rows.length === 0) continue;
      const places = rows.reduce((sum, row) => sum + row.places, 0);
      let lastYear = 0;
      let fairShare: number | null = null;
      const subjectsHere = new Set<SubjectGroup>();
      for (const row of rows) {
        const plan = plans.get(`${row.partnershipCode}|${row.subject}|${row.route}`)!;
        lastYear += plan.lastYearAllocation;
        subjectsHere.add(row.subject);
        const reference = fairnessReference(plan);
        const g = factor.get(`${row.subject}|${entryYear}`);
        fairShare =
          (fairShare ?? 0) + (reference !== null && g !== undefined ? reference * g : row.places);
      }
      if (factor.size === 0) fairShare = null;
      const reasons = reasonsFor(partnership.code, entryYear, subjectsHere, bindingByKey);
      if (fairShare !== null) {
        reasons.push(
          `its fair share at the common change in its subjects is ${formatNumber(fairShare)}`,
        );
      }
      const percent = lastYear > 0 ? (100 * (places - lastYear)) / lastYear : null;
      const change =
        percent === null
          ? 'no places last year'
          : Math.abs(percent) < 0.05
            ? `the same as last year's ${placesText(lastYear)}`
            : `${percentText(percent)} than last year's ${placesText(lastYear)}`;
      partnerships.push({
        partnershipCode: partnership.code,
        partnershipName: partnership.name,
        entryYear,
        places,
        lastYear,
        percent,
        fairShare,
        reasons,
        text: `${partnership.name}, ${entryYear}: ${placesText(places)}, ${change}${reasons.length > 0 ? `. Why: ${reasons.join('; ')}` : ''}.`,
      });
    }
  }
  const cuts = partnerships.filter((p) => p.percent !== null && p.percent < -0.05);
  const largestCut = cuts.reduce<PartnershipChange | null>(
    (worst, p) => (worst === null || p.percent! < worst.percent! ? p : worst),
    null,
  );
  const fairness = problem.fairness;
  const rule = fairness
    ? ` Fairness: every place a partnership has more than half a place away from the common change in a subject is weighed as ${formatNumber(fairness.weightPerPlace)} unmet teacher${fairness.weightPerPlace === 1 ? '' : 's'}.`
    : ' No fairness rule is set: need alone decides where places go.';
  const summary = largestCut
    ? `The largest cut from last year is ${formatNumber(-largestCut.percent!)}%, at ${largestCut.partnershipName} in ${largestCut.entryYear}.${rule}`
    : `No partnership has fewer places than last year.${rule}`;
  return { partnerships, subjects, largestCut, summary };
}

/** The binding rules on a partnership's plans in a year, and the caps reached in its subjects. */
function reasonsFor(
  code: string,
  entryYear: AcademicYear,
  subjects: ReadonlySet<SubjectGroup>,
  bindingByKey: ReadonlyMap<string, BindingConstraint[]>,
): string[] {
  const own = bindingByKey.get(`${code}|${entryYear}`) ?? [];
  const counts = new Map<ConstraintFamily, number>();
  for (const rule of own) counts.set(rule.family, (counts.get(rule.family) ?? 0) + 1);
  const reasons = [...counts].map(([family, count]) => {
    const words = familyEntry(family).bindingWords;
    return `${formatNumber(count)} ${words[count === 1 ? 0 : 1]}`;
  });
  const capped = [...subjects].filter((subject) => bindingByKey.has(`${subject}|${entryYear}`));
  if (capped.length > 0) reasons.push(`the regional cap is reached in ${capped.join(', ')}`);
  return reasons;
}
