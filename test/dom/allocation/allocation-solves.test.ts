import { describe, expect, it } from 'vitest';
import { emptyResult, type AllocationResult } from '../../../src/allocation/allocate.ts';
import type { AllocationProblem } from '../../../src/allocation/problem.ts';
import { AllocationSolves } from '../../../src/ui/allocation/allocation-solves.ts';

/** A result of the given problem (its region name) at the given stage. */
const resultOf = (problem: AllocationProblem, complete: boolean): AllocationResult => ({
  ...emptyResult('optimal', `${problem.regionName}${complete ? ' refined' : ' first'}`),
  complete,
});

/**
 * A solver stand-in: each call waits until the test settles it. A first verdict's ticket is its
 * call number; a refinement answers null when settled stale, as the worker does once a newer
 * call has come in.
 */
function fakeSolver() {
  const calls: {
    kind: string;
    name: string;
    options: object;
    settle: (stale?: boolean) => void;
  }[] = [];
  const log: string[] = [];
  const problems: AllocationProblem[] = [];
  return {
    calls,
    log,
    solver: {
      warm: () => {
        log.push('warm');
        return Promise.resolve(0.1);
      },
      allocate: (problem: AllocationProblem, options: object) =>
        new Promise<AllocationResult>((resolve) => {
          calls.push({
            kind: 'final',
            name: problem.regionName,
            options,
            settle: () => resolve(resultOf(problem, true)),
          });
        }),
      firstVerdict: (problem: AllocationProblem, options: object) =>
        new Promise<{ result: AllocationResult; ticket: number | null }>((resolve) => {
          problems.push(problem);
          const ticket = problems.length - 1;
          calls.push({
            kind: 'first',
            name: problem.regionName,
            options,
            settle: () => resolve({ result: resultOf(problem, false), ticket }),
          });
        }),
      refine: (ticket: number) =>
        new Promise<AllocationResult | null>((resolve) => {
          const problem = problems[ticket]!;
          calls.push({
            kind: 'refine',
            name: problem.regionName,
            options: {},
            settle: (stale = false) => resolve(stale ? null : resultOf(problem, true)),
          });
        }),
      dispose: () => log.push('disposed'),
    },
  };
}

const host = () => ({ addController: () => {}, requestUpdate: () => {} }) as never;
const problem = (name: string) => ({ regionName: name }) as AllocationProblem;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const kinds = (fake: ReturnType<typeof fakeSolver>) => fake.calls.map((c) => `${c.kind} ${c.name}`);

describe('AllocationSolves', () => {
  it('warms the worker before any solve, shows the first verdict at once and then its refinement', async () => {
    const fake = fakeSolver();
    const solves = new AllocationSolves(host(), () => fake.solver);
    solves.warm();
    expect(fake.log).toEqual(['warm']);
    solves.quick({ problem: problem('a'), options: { relativeGap: 0.001 } });
    expect(fake.calls[0]!.options).toMatchObject({ relativeGap: 0.01, searchSeconds: 0.25 });
    fake.calls[0]!.settle();
    await tick();
    expect(solves.shown?.result.message).toBe('a first');
    expect(solves.shown?.mode).toBe('quick');
    expect(solves.running).toBeNull();
    expect(solves.refining).toBe(true);
    expect(kinds(fake)).toEqual(['first a', 'refine a']);
    fake.calls[1]!.settle();
    await tick();
    expect(solves.shown?.result.message).toBe('a refined');
    expect(solves.refining).toBe(false);
    expect(solves.solved).toBe(2);
  });

  it('solves an edit made while a refinement runs at once, and never shows the stale refinement', async () => {
    const fake = fakeSolver();
    const solves = new AllocationSolves(host(), () => fake.solver);
    solves.quick({ problem: problem('a'), options: {} });
    fake.calls[0]!.settle();
    await tick();
    solves.quick({ problem: problem('b'), options: {} });
    expect(kinds(fake)).toEqual(['first a', 'refine a', 'first b']);
    // The worker can still finish a's refinement before it reads b: it must not be shown.
    fake.calls[1]!.settle();
    await tick();
    expect(solves.shown?.result.message).toBe('a first');
    fake.calls[2]!.settle();
    await tick();
    expect(solves.shown?.result.message).toBe('b first');
    expect(solves.refining).toBe(true);
    fake.calls[3]!.settle();
    await tick();
    expect(solves.shown?.result.message).toBe('b refined');
    expect(solves.refining).toBe(false);
  });

  it('waits for a first verdict before the next edit, solving only the latest of those typed meanwhile', async () => {
    const fake = fakeSolver();
    const solves = new AllocationSolves(host(), () => fake.solver);
    solves.quick({ problem: problem('a'), options: {} });
    solves.quick({ problem: problem('b'), options: {} });
    solves.quick({ problem: problem('c'), options: {} });
    expect(kinds(fake)).toEqual(['first a']);
    fake.calls[0]!.settle();
    await tick();
    // a's refinement is skipped: a newer edit is waiting.
    expect(kinds(fake)).toEqual(['first a', 'first c']);
    fake.calls[1]!.settle();
    await tick();
    fake.calls[2]!.settle();
    await tick();
    expect(solves.shown?.result.message).toBe('c refined');
  });

  it('runs a waiting final run before a later edit, then the edit, and counts final runs', async () => {
    const fake = fakeSolver();
    const solves = new AllocationSolves(host(), () => fake.solver);
    solves.quick({ problem: problem('quick'), options: {} });
    solves.final({ problem: problem('final'), options: { relativeGap: 0.001 } });
    solves.quick({ problem: problem('later edit'), options: {} });
    fake.calls[0]!.settle();
    await tick();
    expect(fake.calls[1]).toMatchObject({ kind: 'final', options: { relativeGap: 0.001 } });
    fake.calls[1]!.settle();
    await tick();
    expect(solves.finished).toBe(1);
    expect(kinds(fake)).toEqual(['first quick', 'final final', 'first later edit']);
    fake.calls[2]!.settle();
    await tick();
    expect(solves.shown?.mode).toBe('quick');
  });

  it('a final run asked for during a refinement replaces it: the refinement is never shown after it', async () => {
    const fake = fakeSolver();
    const solves = new AllocationSolves(host(), () => fake.solver);
    solves.quick({ problem: problem('a'), options: {} });
    fake.calls[0]!.settle();
    await tick();
    solves.final({ problem: problem('final'), options: {} });
    expect(solves.refining).toBe(false);
    fake.calls[2]!.settle();
    await tick();
    expect(solves.shown?.result.message).toBe('final refined');
    fake.calls[1]!.settle();
    await tick();
    expect(solves.shown?.result.message).toBe('final refined');
    expect(solves.shown?.mode).toBe('final');
  });
});
