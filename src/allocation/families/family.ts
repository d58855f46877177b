/** The shape of one entry in the registry of constraint families (constraint-families.ts). */
import type { BuildContext, ConstraintFamily, ConstraintInfo } from '../build-context.ts';
import type { NameLookup } from '../words.ts';

export interface ConstraintFamilyEntry {
  family: ConstraintFamily;
  /** Adds the family's rows, and any columns only it needs, to the model. */
  build(context: BuildContext): void;
  /** The rule in words with its numbers, e.g. "Capacity: ... can take at most 12 places in 2027/28". */
  describe(info: ConstraintInfo, names: NameLookup): string;
  /** "1 plan is at its full capacity" / "3 plans are at their full capacity". */
  bindingWords: readonly [one: string, many: string];
  /**
   * A rule the manager sets: reported when it binds and open to the infeasibility diagnosis.
   * False for rows that only define quantities (district balance, change, fairness).
   */
  policy: boolean;
  /**
   * What relaxing the rule by one unit means, e.g. "One more Physics place at X (SCITT) in
   * 2027/28", for its marginal value; null when no marginal value is reported.
   */
  relaxation: ((info: ConstraintInfo, names: NameLookup) => string) | null;
}

/** "X Physics (SCITT)" for a rule on one plan. */
export function planLabel(info: ConstraintInfo, names: NameLookup): string {
  return names.plan(info.partnershipCode ?? '', info.subject ?? '', info.route ?? '');
}
