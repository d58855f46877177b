import { describe, expect, it } from 'vitest';
import { emptyResult, type AllocationResult } from '../../../src/allocation/allocate.ts';
import type { AllocationProblem } from '../../../src/allocation/problem.ts';
import { AllocationSolves } from '../../../src/ui/allocation/allocation-solves.ts';

/** A solver stand-in: each allocate call waits until the test settles it. */
function fakeSolver() {
  const calls: { problem: AllocationProblem; options: object; settle: () => void }[] = [];
  const log: string[] = [];
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
            problem,
            options,
            settle: () => resolve(emptyResult('optimal', problem.regionName)),
          });
        }),
      dispose: () => log.push('disposed'),
    },
  };
}

const host = () => ({ addController: () => {}, requestUpdate: () => {} }) as never;
const problem = (name: string) => ({ regionName: name }) as AllocationProblem;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('AllocationSolves', () => {
  it('warms the worker before any solve, and solves quickly at a 1% gap with a short search', async () => {
    const fake = fakeSolver();
    const solves = new AllocationSolves(host(), () => fake.solver);
    solves.warm();
    expect(fake.log).toEqual(['warm']);
    solves.quick({ problem: problem('first'), options: { relativeGap: 0.001 } });
    expect(fake.calls[0]!.options).toMatchObject({ relativeGap: 0.01, searchSeconds: 0.25 });
    fake.calls[0]!.settle();
    await tick();
    expect(solves.shown?.mode).toBe('quick');
    expect(solves.running).toBeNull();
  });

  it('never aborts a running solve for an edit: the latest edit is solved next, the ones between skipped', async () => {
    const fake = fakeSolver();
    const solves = new AllocationSolves(host(), () => fake.solver);
    solves.quick({ problem: problem('a'), options: {} });
    solves.quick({ problem: problem('b'), options: {} });
    solves.quick({ problem: problem('c'), options: {} });
    expect(fake.calls).toHaveLength(1);
    fake.calls[0]!.settle();
    await tick();
    expect(fake.calls.map((c) => c.problem.regionName)).toEqual(['a', 'c']);
    fake.calls[1]!.settle();
    await tick();
    expect(solves.shown?.result.message).toBe('c');
  });

  it('runs a waiting final run before a later edit, then the edit, and counts final runs', async () => {
    const fake = fakeSolver();
    const solves = new AllocationSolves(host(), () => fake.solver);
    solves.quick({ problem: problem('quick'), options: {} });
    solves.final({ problem: problem('final'), options: { relativeGap: 0.001 } });
    solves.quick({ problem: problem('later edit'), options: {} });
    fake.calls[0]!.settle();
    await tick();
    expect(fake.calls[1]).toMatchObject({
      problem: { regionName: 'final' },
      options: { relativeGap: 0.001 },
    });
    fake.calls[1]!.settle();
    await tick();
    expect(solves.finished).toBe(1);
    expect(fake.calls[2]?.problem.regionName).toBe('later edit');
    fake.calls[2]!.settle();
    await tick();
    expect(solves.shown?.mode).toBe('quick');
  });
});
