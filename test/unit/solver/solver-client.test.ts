import { expose } from 'comlink';
import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { SolverClient, type SolverWorkerLike } from '../../../src/runtime/solver-client.ts';
import { createHighsEngine } from '../../../src/solver/highs-engine.ts';
import { createSolverWorkerApi } from '../../../workers/solver-worker-api.ts';
import { ModelBuilder } from '../../../src/solver/model.ts';
import { need, partnership, plan, problem } from '../allocation/fixtures.ts';

/** A worker stand-in: the API exposed on one end of a MessageChannel in this thread. */
function channelWorker(api: object, log: string[]): SolverWorkerLike {
  const { port1, port2 } = new MessageChannel();
  expose(api, port2 as unknown as Parameters<typeof expose>[1]);
  const worker = port1 as unknown as SolverWorkerLike;
  return Object.assign(worker, {
    terminate() {
      log.push('terminated');
      port1.close();
      port2.close();
    },
  });
}

describe('SolverClient over a message channel', () => {
  it('loads and warms HiGHS once and runs allocations and model solves on it', async () => {
    let loads = 0;
    const log: string[] = [];
    const client = new SolverClient(() =>
      channelWorker(
        createSolverWorkerApi(() => {
          loads += 1;
          return loadHighs().then(createHighsEngine);
        }),
        log,
      ),
    );
    expect(await client.warm()).toBeGreaterThan(0);
    const p = problem({
      need: [need('D1', 'Mathematics', '2027/28', 7)],
      partnerships: [partnership('A', { D1: 1 })],
      plans: [plan('A', 'Mathematics', { capacity: 30 })],
    });
    const result = await client.allocate(p);
    // 7 NQTs at 0.5 per place: 14 places, objective 0.14.
    expect(result.status).toBe('optimal');
    expect(result.solution!.places[0]!.places).toBe(14);

    const builder = new ModelBuilder('one');
    const x = builder.addColumn('x', 1, 2, 5, 'continuous');
    builder.addRow('r', 3, Infinity, [[x, 1]]);
    const solved = await client.solve(builder.build(), { timeLimitSeconds: 1 });
    expect(solved.objective).toBeCloseTo(3, 9);
    expect(loads).toBe(1);
    client.dispose();
    expect(log).toEqual(['terminated']);
  });

  it('terminates the worker on abort, rejects with AbortError, and starts a fresh one next time', async () => {
    const log: string[] = [];
    let created = 0;
    const never = new Promise<never>(() => {});
    const client = new SolverClient(() => {
      created += 1;
      const attempt = created;
      return channelWorker(
        {
          warm: () => Promise.resolve({ ok: true, value: attempt }),
          allocate: () => never,
        },
        log,
      );
    });
    const controller = new AbortController();
    const pending = client.allocate(problem({}), {}, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(log).toEqual(['terminated']);
    expect(await client.warm()).toBe(2);
    expect(created).toBe(2);
    const aborted = new AbortController();
    aborted.abort();
    await expect(client.warm(aborted.signal)).rejects.toMatchObject({ name: 'AbortError' });
    client.dispose();
  });
});
