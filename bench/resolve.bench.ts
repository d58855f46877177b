/**
 * Re-solve benchmark: what a manager waits for after one edit on the Allocation page, in the
 * same code the solver worker runs (warmed HiGHS, the LP kept in its warm slot between solves).
 *
 * Two figures per instance, each the median of several edits (a plan's capacity raised by one
 * place, then put back, alternately, so every solve follows a real change):
 * - LP re-solve: HiGHS re-solving the kept LP after the edit, from its last basis (the model
 *   built in JavaScript apart, reported on its own line);
 * - quick re-solve: the whole `allocate` call the page makes after an edit (build, LP, the LP
 *   plan rounded to whole places, a search of at most INTERACTIVE_ALLOCATION_OPTIONS'
 *   searchSeconds, the independent check, binding rules, each partnership's change and the
 *   marginal values), with its parts.
 *
 * Goals (issue 13): re-solve after one edit under 20 ms on the embedded data and under 100 ms
 * on the dense synthetic SCR-size instance. Each table row says which figure it holds.
 *
 *   npx tsx bench/resolve.bench.ts
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import loadHighs from 'highs';
import {
  allocate,
  INTERACTIVE_ALLOCATION_OPTIONS,
  type AllocationResult,
} from '../src/allocation/allocate.ts';
import { buildAllocationModel } from '../src/allocation/build.ts';
import type { AllocationProblem } from '../src/allocation/problem.ts';
import {
  SCR_SIZE,
  syntheticAllocationProblem,
  warmUpAllocation,
} from '../src/allocation/synthetic.ts';
import { buildProblem, parseAllocateArgs } from '../src/cli/allocate.ts';
import type { SolverEngine } from '../src/solver/engine.ts';
import { createHighsEngine } from '../src/solver/highs-engine.ts';
import { modelSize } from '../src/solver/model.ts';

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
  quick: number[];
  parts: Record<string, number[]>;
  outcomes: string[];
}

function measure(instance: string, problem: AllocationProblem, engine: SolverEngine): Measured {
  const lp = buildAllocationModel(problem, { wholePlaces: false, minimumCohorts: false });
  const size = modelSize(lp.model);
  const measured: Measured = {
    instance,
    size: `${size.columns} x ${size.rows}`,
    lpBuild: [],
    lpSolve: [],
    quick: [],
    parts: { build: [], lp: [], search: [], check: [], 'binding, changes, marginal values': [] },
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
  allocate(problem, engine, INTERACTIVE_ALLOCATION_OPTIONS);
  for (let edit = 1; edit <= EDITS; edit += 1) {
    const result: AllocationResult = allocate(
      edited(problem, edit),
      engine,
      INTERACTIVE_ALLOCATION_OPTIONS,
    );
    const t = result.timing;
    measured.quick.push(t.totalSeconds * 1000);
    const known = t.buildSeconds + t.lpSeconds + t.milpSeconds + t.checkSeconds;
    measured.parts.build!.push(t.buildSeconds * 1000);
    measured.parts.lp!.push(t.lpSeconds * 1000);
    measured.parts.search!.push(t.milpSeconds * 1000);
    measured.parts.check!.push(t.checkSeconds * 1000);
    measured.parts['binding, changes, marginal values']!.push((t.totalSeconds - known) * 1000);
    measured.outcomes.push(
      `${result.status}${result.gap ? ` ${(result.gap.relative * 100).toFixed(2)}%` : ''}`,
    );
  }
  return measured;
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
    'instance | LP columns x rows | figure | ms | goal',
    '---|---|---|---|---',
  ];
  for (const { name, problem, goalMs } of cases) {
    const m = measure(name, problem, engine);
    const goal = (values: number[]) =>
      `under ${goalMs} ms: ${median(values) < goalMs ? 'met' : 'NOT met'}`;
    lines.push(
      `${name} | ${m.size} | LP re-solve in the warm slot (HiGHS) | ${ms(m.lpSolve)} | ${goal(m.lpSolve)}`,
    );
    lines.push(`${name} | ${m.size} | LP model built in JavaScript | ${ms(m.lpBuild)} |`);
    lines.push(
      `${name} | ${m.size} | quick re-solve, whole allocate call | ${ms(m.quick)} | ${goal(m.quick)}`,
    );
    for (const [part, values] of Object.entries(m.parts)) {
      lines.push(`${name} | | - of which ${part} | ${ms(values)} |`);
    }
    lines.push(`${name} | | outcomes | ${[...new Set(m.outcomes)].join(', ')} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await runResolveBenchmarks());
}
