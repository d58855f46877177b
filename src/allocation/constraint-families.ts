/**
 * The registry of constraint families: one entry per kind of rule in the allocation model
 * (DESIGN section 2), in the order the model builds them. Each entry builds its rows, puts a
 * rule in words, says how the binding report counts it, whether the diagnosis may relax it and
 * what relaxing it by one unit means. Adding a rule is one entry here.
 */
import type { ConstraintFamily, ConstraintInfo } from './build-context.ts';
import { balance } from './families/balance.ts';
import { fairness } from './families/fairness.ts';
import type { ConstraintFamilyEntry } from './families/family.ts';
import { minimumCohort } from './families/minimum-cohort.ts';
import { mentorCapacity, totalCapacity } from './families/partnership-limits.ts';
import { fixedPlaces, planCapacity } from './families/plan-limits.ts';
import { poolShare, regionalCap } from './families/regional.ts';
import { change, stabilityDecrease, stabilityIncrease } from './families/stability.ts';
import type { NameLookup } from './words.ts';

export type { ConstraintFamilyEntry };

export const CONSTRAINT_FAMILIES: readonly ConstraintFamilyEntry[] = [
  balance,
  planCapacity,
  fixedPlaces,
  minimumCohort,
  // Change columns before the stability bands that may bound them.
  change,
  stabilityIncrease,
  stabilityDecrease,
  totalCapacity,
  mentorCapacity,
  regionalCap,
  poolShare,
  fairness,
];

const BY_FAMILY = new Map(CONSTRAINT_FAMILIES.map((entry) => [entry.family, entry]));

export function familyEntry(family: ConstraintFamily): ConstraintFamilyEntry {
  const entry = BY_FAMILY.get(family);
  if (!entry) throw new Error(`No constraint family "${family}" in the registry`);
  return entry;
}

/** Families that are rules a manager sets (balance and change rows only define quantities). */
export const POLICY_FAMILIES: readonly ConstraintFamily[] = CONSTRAINT_FAMILIES.filter(
  (entry) => entry.policy,
).map((entry) => entry.family);

/** The rule in words, with its numbers. */
export function constraintText(info: ConstraintInfo, names: NameLookup): string {
  return familyEntry(info.family).describe(info, names);
}
