/**
 * What an allocation result says in words: the verdict's message for a plan, and for a plan
 * the independent check refused.
 */
import type { AllocationOptions, AllocationResult, AllocationStatus } from './allocation-result.ts';
import type { CheckReport } from './check.ts';
import { gapText } from './gap.ts';
import { missingNeedText } from './need-coverage.ts';
import type { AllocationProblem } from './problem.ts';
import { formatNumber } from './words.ts';

const PLAN_WORDS: Partial<Record<AllocationStatus, string>> = {
  optimal: 'Plan',
  provisional: 'First plan',
};

export function failedCheckMessage(check: CheckReport): string {
  const worst = [...check.violations].sort((a, b) => b.amount - a.amount)[0]!;
  const count = check.violations.length;
  return `The solver's answer failed the independent check (${count} rule${count === 1 ? '' : 's'} broken, worst: ${worst.text}), so it is not shown as a valid plan.`;
}

export function verdictMessage(
  problem: AllocationProblem,
  result: AllocationResult,
  options: AllocationOptions,
  searchStopped: string,
): string {
  const solution = result.solution!;
  const unmet = solution.outcomes.reduce((sum, o) => sum + o.unmet, 0);
  const places = solution.places.reduce((sum, p) => sum + p.inRegionPlaces, 0);
  const years = problem.entryYears.length;
  const notes = [
    `${PLAN_WORDS[result.status] ?? 'Best plan found'}: ${formatNumber(places)} places in the region over ${years} entry year${years === 1 ? '' : 's'}, leaving ${formatNumber(unmet)} teachers of need unmet; ${result.gap ? gapText(result.gap) : 'no bound on the best possible is known'}. Checked against every rule.`,
  ];
  if (result.status === 'time-limit') {
    const limit =
      searchStopped !== 'Time limit reached'
        ? `A search limit (${searchStopped.toLowerCase()})`
        : options.searchSeconds !== null
          ? `The quick search's ${formatNumber(options.searchSeconds)} s`
          : `The time limit of ${formatNumber(options.timeLimitSeconds)} s`;
    const target = Number((options.relativeGap * 100).toPrecision(2));
    notes.push(
      `${limit} stopped the search before the plan was proved within ${target}% of the best possible.`,
    );
  }
  if (result.status === 'provisional') {
    const target = Number((options.relativeGap * 100).toPrecision(2));
    notes.push(
      `This is the linear programme's plan rounded to whole places; the search for a plan within ${target}% of the best possible is still running.`,
    );
  }
  if (result.status === 'fractional') {
    notes.push(
      `No whole-place plan with minimum cohorts was found within ${formatNumber(options.timeLimitSeconds)} s. The plan shown is the linear programme's, with fractional places and minimum cohorts not enforced: allow more time to get whole places.`,
    );
  }
  const missing = missingNeedText(result.missingNeed);
  if (missing) notes.push(missing);
  return notes.join(' ');
}
