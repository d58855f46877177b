/**
 * Re-solve benchmark: what a manager waits for after one edit on the Allocation page, in the
 * same code the solver worker runs (warmed HiGHS, the LP kept in its warm slot between solves).
 *
 * Figures per instance, each the median of several edits (a plan's capacity raised by one
 * place, then put back, alternately, so every solve follows a real change):
 * - LP re-solve: HiGHS re-solving the kept LP after the edit, from its last basis (the model
 *   built in JavaScript apart, reported on its own line);
 * - first verdict: what the page shows first after an edit (stages.ts: the LP built and
 *   re-solved, its plan rounded to whole places, checked by the model and the independent
 *   checker, its gap against the LP bound, binding rules and changes), with its parts;
 * - refined result: when the page has the rest (from the edit: the first verdict, then the
 *   search of at most INTERACTIVE_ALLOCATION_OPTIONS' searchSeconds when the first plan is not
 *   within 1%, its check, the marginal values), with its parts.
 * Wall time is shown with the process's CPU time beside it (user + system, all threads), since
 * the machine may be shared. A second table splits the first verdict's CPU time by part, each
 * part run on its own in the order stages.ts runs them (validation, the LP built in JavaScript,
 * HiGHS re-solving the kept LP, rounding and repair, the tables, the two checks, the binding
 * rules and each partnership's change), so the largest part is the one to cut next.
 *
 * Goals (issue 13): re-solve after one edit under 20 ms on the embedded data and under 100 ms
 * on the dense synthetic SCR-size instance; the first verdict is what they are read against.
 * Each table row says which figure it holds.
 *
 *   npx tsx bench/resolve.bench.ts
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import loadHighs from 'highs';
import {
  firstVerdict,
  INTERACTIVE_ALLOCATION_OPTIONS,
  refine,
  runToEnd,
} from '../src/allocation/allocate.ts';
import { buildAllocationModel } from '../src/allocation/build.ts';
import { partnershipChanges } from '../src/allocation/changes.ts';
import { checkAllocation } from '../src/allocation/check.ts';
import { bindingConstraints } from '../src/allocation/explain.ts';
import { readSolution } from '../src/allocation/solution.ts';
import { roundedStart } from '../src/allocation/start.ts';
import { validateProblem } from '../src/allocation/validate.ts';
import { nameLookup } from '../src/allocation/words.ts';
import { checkModelSolution } from '../src/solver/check-model.ts';
import type { AllocationProblem } from '../src/allocation/problem.ts';
import {
  SCR_SIZE,
  syntheticAllocationProblem,
  warmUpAllocation,
} from '../src/allocation/synthetic.ts';
import { buildProblem, parseAllocateArgs } from '../src/cli/allocate.ts';
import type { SolverEngine } from '../src/solver/engine.ts';
import { createHighsEngine } from '../src/solver/highs-engine.ts';
import { modelSize, objectiveValue } from '../src/solver/model.ts';

const EDITS = 8;
const SLOT = 'bench-lp';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const ms = (values: number[]) =>
  `${median(values).toFixed(1)} (${Math.min(...values).toFixed(1)}-${Math.max(...values).toFixed(1)})`;

/** The problem with its largest plan's capacity raised by one on odd edits (put back on even). */
function edited(problem: AllocationProblem, edit: number): AllocationProblem {
  let largest = 0;
  problem.plans.forEach((plan, i) => {
    if (plan.capacity > problem.plans[largest]!.capacity) largest = i;
  });
  const plans = problem.plans.map((plan, i) =>
    i === largest ? { ...plan, capacity: plan.capacity + (edit % 2) } : plan,
  );
  return { ...problem, plans };
}

interface Measured {
  instance: string;
  size: string;
  lpBuild: number[];
  lpSolve: number[];
  first: number[];
  firstCpu: number[];
  refined: number[];
  refinedCpu: number[];
  parts: Record<string, number[]>;
  outcomes: string[];
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

function measure(instance: string, problem: AllocationProblem, engine: SolverEngine): Measured {
  const lp = buildAllocationModel(problem, { wholePlaces: false, minimumCohorts: false });
  const size = modelSize(lp.model);
  const measured: Measured = {
    instance,
    size: `${size.columns} x ${size.rows}`,
    lpBuild: [],
    lpSolve: [],
    first: [],
    firstCpu: [],
    refined: [],
    refinedCpu: [],
    parts: {
      'first verdict: LP model built': [],
      'first verdict: LP re-solved': [],
      'first verdict: rounded, checked, explained': [],
      'refinement: search (MILP built apart)': [],
      'refinement: the rest (MILP build, check, marginal values)': [],
    },
    outcomes: [],
  };
  // The slot holds the unedited LP first, as it would after the page's first solve.
  engine.solve(lp.model, { timeLimitSeconds: 60, lpMethod: 'simplex', warmSlot: SLOT });
  for (let edit = 1; edit <= EDITS; edit += 1) {
    const started = performance.now();
    const model = buildAllocationModel(edited(problem, edit), {
      wholePlaces: false,
      minimumCohorts: false,
    }).model;
    measured.lpBuild.push(performance.now() - started);
    const result = engine.solve(model, {
      timeLimitSeconds: 60,
      lpMethod: 'simplex',
      warmSlot: SLOT,
    });
    if (result.status !== 'optimal') throw new Error(`${instance}: LP re-solve ${result.status}`);
    measured.lpSolve.push(result.seconds * 1000);
  }
  engine.releaseWarmSlots?.();
  const once = firstVerdict(problem, engine, INTERACTIVE_ALLOCATION_OPTIONS);
  runToEnd(refine(once, engine), once);
  for (let edit = 1; edit <= EDITS; edit += 1) {
    const cpu = process.cpuUsage();
    const stage = firstVerdict(edited(problem, edit), engine, INTERACTIVE_ALLOCATION_OPTIONS);
    measured.firstCpu.push(cpuMs(cpu));
    const refined = runToEnd(refine(stage, engine), stage);
    measured.refinedCpu.push(cpuMs(cpu));
    const first = stage.result.timing;
    const t = refined.timing;
    measured.first.push(first.firstVerdictSeconds * 1000);
    measured.refined.push(t.totalSeconds * 1000);
    const { parts } = measured;
    parts['first verdict: LP model built']!.push(first.buildSeconds * 1000);
    parts['first verdict: LP re-solved']!.push(first.lpSeconds * 1000);
    parts['first verdict: rounded, checked, explained']!.push(
      (first.firstVerdictSeconds - first.buildSeconds - first.lpSeconds) * 1000,
    );
    parts['refinement: search (MILP built apart)']!.push(t.milpSeconds * 1000);
    parts['refinement: the rest (MILP build, check, marginal values)']!.push(
      (t.totalSeconds - t.firstVerdictSeconds - t.milpSeconds) * 1000,
    );
    const gap = (result: typeof refined) =>
      result.gap ? ` ${(result.gap.relative * 100).toFixed(2)}%` : '';
    measured.outcomes.push(
      `${stage.result.status}${gap(stage.result)} -> ${refined.status}${gap(refined)}`,
    );
  }
  return measured;
}

/** The first verdict's parts after each edit, each timed in CPU ms on its own. */
function firstVerdictParts(problem: AllocationProblem, engine: SolverEngine) {
  const parts: Record<string, number[]> = {};
  const timed = <T>(part: string, work: () => T): T => {
    const cpu = process.cpuUsage();
    const value = work();
    (parts[part] ??= []).push(cpuMs(cpu));
    return value;
  };
  const rules = { wholePlaces: true, minimumCohorts: true };
  engine.releaseWarmSlots?.();
  engine.solve(buildAllocationModel(problem, { wholePlaces: false, minimumCohorts: false }).model, {
    timeLimitSeconds: 60,
    warmSlot: SLOT,
  });
  for (let edit = 1; edit <= EDITS; edit += 1) {
    const next = edited(problem, edit);
    timed('validation', () => validateProblem(next));
    const lp = timed('LP built in JavaScript', () =>
      buildAllocationModel(next, { wholePlaces: false, minimumCohorts: false }),
    );
    const solved = timed('LP re-solved in the kept HiGHS model', () =>
      engine.solve(lp.model, { timeLimitSeconds: 60, warmSlot: SLOT }),
    );
    const plan = timed('rounded to whole places and repaired', () =>
      roundedStart(next, lp, lp, solved.colValue, rules),
    );
    if (!plan) throw new Error('bench: the rounded plan broke a rule');
    const reported = objectiveValue(lp.model, plan);
    const tables = timed('plan read into tables', () => readSolution(next, lp, plan));
    timed('independent check', () =>
      checkAllocation(next, tables, { ...rules, reportedObjective: reported }),
    );
    timed('model check', () =>
      checkModelSolution(lp.model, plan, { integer: false, reportedObjective: reported }),
    );
    const binding = timed('binding rules', () =>
      bindingConstraints(lp, plan, lp, solved, nameLookup(next)),
    );
    timed("each partnership's change", () => partnershipChanges(next, lp, plan, tables, binding));
  }
  engine.releaseWarmSlots?.();
  return parts;
}

export async function runResolveBenchmarks(): Promise<string> {
  const engine = createHighsEngine(await loadHighs());
  const warmSeconds = warmUpAllocation(engine);
  const embedded = await buildProblem(parseAllocateArgs(['--out', 'unused.csv']));
  const cases = [
    { name: 'SCR data (embedded)', problem: embedded, goalMs: 20 },
    {
      name: 'SCR (20 x 19 x 3 x 9), dense synthetic',
      problem: syntheticAllocationProblem(SCR_SIZE),
      goalMs: 100,
    },
  ];
  const lines = [
    `Re-solve after one edit (a plan's capacity +1, then back), median (range) of ${EDITS} edits, in ms. HiGHS warmed in ${warmSeconds.toFixed(2)} s first.`,
    '',
    'instance | LP columns x rows | figure | ms: median (range) | goal',
    '---|---|---|---|---',
  ];
  for (const { name, problem, goalMs } of cases) {
    const m = measure(name, problem, engine);
    const goal = (values: number[]) =>
      `under ${goalMs} ms: ${median(values) < goalMs ? 'met' : 'NOT met'}`;
    const cpu = (values: number[]) => `CPU ${median(values).toFixed(1)}`;
    lines.push(
      `${name} | ${m.size} | LP re-solve in the warm slot (HiGHS) | ${ms(m.lpSolve)} | |`,
      `${name} | ${m.size} | LP model built in JavaScript | ${ms(m.lpBuild)} | |`,
      `${name} | ${m.size} | **first verdict** after the edit | ${ms(m.first)}, ${cpu(m.firstCpu)} | ${goal(m.first)}`,
    );
    for (const [part, values] of Object.entries(m.parts)) {
      if (part.startsWith('first')) lines.push(`${name} | | - ${part} | ${ms(values)} |`);
    }
    lines.push(
      `${name} | ${m.size} | **refined result** after the edit | ${ms(m.refined)}, ${cpu(m.refinedCpu)} | |`,
    );
    for (const [part, values] of Object.entries(m.parts)) {
      if (part.startsWith('refinement')) lines.push(`${name} | | - ${part} | ${ms(values)} |`);
    }
    lines.push(
      `${name} | | outcomes (first verdict -> refined, gap) | ${[...new Set(m.outcomes)].join('; ')} |`,
    );
  }
  lines.push(
    '',
    `The first verdict by part, in CPU ms, each part run on its own after the same ${EDITS} edits: median (range).`,
    '',
    `part | ${cases.map((c) => c.name).join(' | ')}`,
    `---|${cases.map(() => '---').join('|')}`,
  );
  const byCase = cases.map(({ problem }) => firstVerdictParts(problem, engine));
  for (const part of Object.keys(byCase[0]!)) {
    lines.push(`${part} | ${byCase.map((parts) => ms(parts[part]!)).join(' | ')}`);
  }
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await runResolveBenchmarks());
}
