/**
 * Infeasibility diagnosis: when no allocation meets every rule, find a small set of rules
 * that cannot hold together and say which, with their numbers.
 *
 * 1. Elastic filter (Chinneck): give every rule penalised slack and minimise the slack. The
 *    rules that needed slack are made hard again and the solve repeated, until the hard set
 *    alone is infeasible. The first round's slack is the smallest total change that makes a
 *    plan possible, reported as a suggestion.
 * 2. Deletion filter over that hard set: drop each rule in turn; if the rest is still
 *    infeasible the rule was not needed. What is left is irreducible: remove any one rule
 *    and a plan exists.
 */
import type { SolverEngine } from '../solver/engine.ts';
import {
  buildAllocationModel,
  constraintText,
  POLICY_FAMILIES,
  type ConstraintFamily,
  type BuildOptions,
} from './build.ts';
import type { AllocationProblem } from './problem.ts';
import { formatNumber, nameLookup } from './words.ts';

export interface ConflictingConstraint {
  id: string;
  family: ConstraintFamily;
  text: string;
}

export interface SuggestedRelaxation {
  id: string;
  text: string;
  /** Places (or teachers) by which the rule had to give way in the elastic solve. */
  amount: number;
}

export interface InfeasibilityDiagnosis {
  /** One paragraph in plain words. */
  summary: string;
  constraints: ConflictingConstraint[];
  relaxations: SuggestedRelaxation[];
  /** True when the deletion filter finished, so no rule in the list can be dropped. */
  irreducible: boolean;
  /** True when the conflict needs whole places or minimum cohorts (the LP alone is feasible). */
  integer: boolean;
  seconds: number;
}

export interface DiagnoseOptions {
  wholePlaces: boolean;
  minimumCohorts: boolean;
  /** Time budget for the whole diagnosis; each solve gets what is left. */
  timeLimitSeconds: number;
}

type Verdict = 'feasible' | 'infeasible' | 'unknown';

export function diagnoseInfeasibility(
  problem: AllocationProblem,
  engine: SolverEngine,
  options: DiagnoseOptions,
): InfeasibilityDiagnosis {
  const started = performance.now();
  const remaining = () => options.timeLimitSeconds - (performance.now() - started) / 1000;
  const integer = options.wholePlaces || options.minimumCohorts;
  const build = (extra: Partial<BuildOptions>) =>
    buildAllocationModel(problem, {
      wholePlaces: options.wholePlaces,
      minimumCohorts: options.minimumCohorts,
      feasibilityOnly: true,
      ...extra,
    });
  const full = build({});
  const names = nameLookup(problem);
  const infoById = new Map(full.constraints.map((c) => [c.id, c]));
  const textOf = (id: string) => {
    const info = infoById.get(id);
    return info ? constraintText(info, names) : id;
  };
  const candidates = full.constraints
    .filter((c) => POLICY_FAMILIES.includes(c.family))
    .map((c) => c.id);

  const verdict = (disabled: Set<string>): Verdict => {
    const time = remaining();
    if (time <= 0) return 'unknown';
    const result = engine.solve(build({ disabled }).model, {
      timeLimitSeconds: time,
      relativeGap: 1,
      lpMethod: 'simplex',
    });
    if (result.status === 'infeasible') return 'infeasible';
    if (result.hasSolution) return 'feasible';
    return 'unknown';
  };

  // 1. Elastic filter.
  const hardened = new Set<string>();
  const relaxations: SuggestedRelaxation[] = [];
  let elasticSetInfeasible = false;
  for (let round = 0; round <= candidates.length && remaining() > 0; round += 1) {
    const elastic = new Set(candidates.filter((id) => !hardened.has(id)));
    const built = build({ elastic });
    const result = engine.solve(built.model, {
      timeLimitSeconds: remaining(),
      relativeGap: 1e-6,
      lpMethod: 'simplex',
    });
    if (result.status === 'infeasible') {
      elasticSetInfeasible = true;
      break;
    }
    if (!result.hasSolution) break;
    const stretched: string[] = [];
    for (const [id, columns] of built.elasticColumns) {
      const amount = columns.reduce((sum, column) => sum + result.colValue[column]!, 0);
      if (amount > 1e-7) {
        stretched.push(id);
        if (round === 0) relaxations.push({ id, text: textOf(id), amount });
      }
    }
    if (stretched.length === 0) break; // feasible without slack: nothing conflicts
    for (const id of stretched) hardened.add(id);
  }

  // 2. Deletion filter over the hardened rules (everything else left out).
  let conflict = elasticSetInfeasible ? [...hardened] : [...candidates];
  let irreducible = false;
  if (elasticSetInfeasible) {
    irreducible = true;
    for (const id of [...conflict]) {
      const trial = conflict.filter((other) => other !== id);
      const disabled = new Set(candidates.filter((other) => !trial.includes(other)));
      const outcome = verdict(disabled);
      if (outcome === 'infeasible') conflict = trial;
      else if (outcome === 'unknown') irreducible = false;
    }
  }

  const constraints = conflict.map((id) => ({
    id,
    family: infoById.get(id)!.family,
    text: textOf(id),
  }));
  relaxations.sort((a, b) => b.amount - a.amount);
  const seconds = (performance.now() - started) / 1000;
  return {
    summary: summarise(constraints, relaxations, elasticSetInfeasible, integer),
    constraints,
    relaxations,
    irreducible,
    integer,
    seconds,
  };
}

function summarise(
  constraints: ConflictingConstraint[],
  relaxations: SuggestedRelaxation[],
  found: boolean,
  integer: boolean,
): string {
  if (!found) {
    return 'No allocation meets every rule, and the diagnosis ran out of time before it could narrow down which rules clash. Check capacities, fixed places, stability limits and regional caps.';
  }
  const count = constraints.length;
  const lines = [
    `No allocation meets every rule. These ${count === 1 ? 'rule cannot' : `${count} rules cannot`} all hold at once${integer ? ' with whole places and minimum cohorts' : ''}:`,
    ...constraints.map((c) => `- ${c.text}.`),
  ];
  if (relaxations.length > 0) {
    lines.push(
      'The smallest change found that makes a plan possible: ' +
        relaxations
          .slice(0, 5)
          .map((r) => `relax "${r.text}" by ${formatNumber(r.amount)}`)
          .join('; ') +
        '.',
    );
  }
  return lines.join('\n');
}
