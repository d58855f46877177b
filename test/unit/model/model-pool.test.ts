import { afterEach, describe, expect, it } from 'vitest';
import { expose, type Endpoint } from 'comlink';
import {
  buildModelInputs,
  defaultParameters,
  resolveParameters,
  runDraws,
  runSummary,
} from '../../../src/model/index.ts';
import { ModelPool, splitDraws, type ModelWorkerLike } from '../../../src/runtime/model-pool.ts';
import { modelWorkerApi } from '../../../workers/model-worker-api.ts';
import { fixtureDataset } from './fixtures.ts';
import { fixedClock } from '../../../src/data/clock.ts';

/** Plans are made from a date; the tests fix it. */
const TODAY = fixedClock('2026-12-03')();

/**
 * Workers stand-ins: the real worker API exposed over a MessageChannel in this thread. They
 * carry the same structured-clone and transfer traffic as a Worker, so the pool's splitting,
 * merging, progress and cancelling are tested as in the browser.
 */
const opened: MessagePort[] = [];
let created = 0;
function channelWorker(): ModelWorkerLike {
  created++;
  const { port1, port2 } = new MessageChannel();
  opened.push(port1, port2);
  expose(modelWorkerApi, port2 as unknown as Endpoint);
  return Object.assign(port1 as unknown as Endpoint, {
    terminate() {
      port1.close();
      port2.close();
    },
  });
}

afterEach(() => {
  for (const port of opened.splice(0)) port.close();
});

const dataset = fixtureDataset();
const inputs = buildModelInputs(dataset, resolveParameters(defaultParameters(dataset, TODAY)));

describe('ModelPool', () => {
  it('splits draws into even contiguous ranges', () => {
    expect(splitDraws(10, 3)).toEqual([
      { firstDraw: 0, drawCount: 4 },
      { firstDraw: 4, drawCount: 3 },
      { firstDraw: 7, drawCount: 3 },
    ]);
    expect(splitDraws(2, 4)).toEqual([
      { firstDraw: 0, drawCount: 1 },
      { firstDraw: 1, drawCount: 1 },
    ]);
  });

  it('gives the same draws with 1 worker, 3 workers and no workers', async () => {
    const single = runDraws(inputs, { seed: 5, firstDraw: 0, drawCount: 31 });
    for (const size of [1, 3]) {
      const pool = new ModelPool({ size, createWorker: channelWorker });
      const pooled = await pool.run(inputs, { seed: 5, drawCount: 31 });
      pool.terminate();
      expect(pooled.drawCount).toBe(31);
      for (const [name, values] of Object.entries(single.outputs)) {
        expect(pooled.outputs[name as keyof typeof pooled.outputs], name).toEqual(values);
      }
    }
  });

  it('reduces a run in the workers exactly as one thread does, with 1 worker or 3', async () => {
    const request = {
      seed: 6,
      drawCount: 45,
      outputs: ['nqtNeed', 'traineeNeed'] as const,
      totals: [
        [0, 1, 2],
        [inputs.cellCount - 1, 3],
      ],
    };
    const local = runSummary(inputs, request);
    for (const size of [1, 3]) {
      const pool = new ModelPool({ size, createWorker: channelWorker });
      const reports: number[] = [];
      const pooled = await pool.runSummary(inputs, {
        ...request,
        onProgress: (done) => reports.push(done),
      });
      pool.terminate();
      expect(pooled).toEqual(local);
      expect(reports.at(-1)).toBe(45);
      expect(reports).toEqual([...reports].sort((a, b) => a - b));
    }
  });

  it('names the bad field when a worker rejects a reduced run, and cancels one', async () => {
    const pool = new ModelPool({ size: 2, createWorker: channelWorker });
    await expect(
      pool.runSummary(inputs, { seed: 1, drawCount: 4, outputs: ['nqtNeed'], totals: [[-1]] }),
    ).rejects.toMatchObject({ name: 'ModelInputError', path: 'totals[0]' });
    const controller = new AbortController();
    const running = pool.runSummary(inputs, {
      seed: 1,
      drawCount: 200,
      outputs: ['nqtNeed'],
      signal: controller.signal,
    });
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    pool.terminate();
  });

  it('reports progress of draws up to the total', async () => {
    const pool = new ModelPool({ size: 2, createWorker: channelWorker });
    const reports: number[] = [];
    const draws = await pool.run(inputs, {
      seed: 1,
      drawCount: 40,
      outputs: ['traineeNeed'],
      onProgress: (done, total) => {
        expect(total).toBe(40);
        reports.push(done);
      },
    });
    // The last report comes with the result, and late messages do not follow it.
    expect(reports.at(-1)).toBe(40);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reports.at(-1)).toBe(40);
    expect(reports).toEqual([...reports].sort((a, b) => a - b));
    expect(draws.drawCount).toBe(40);
    pool.terminate();
  });

  it('summarises the totals of a run in a worker, leaving them as they were', async () => {
    const pool = new ModelPool({ size: 2, createWorker: channelWorker });
    const run = await pool.runSummary(inputs, {
      seed: 2,
      drawCount: 30,
      outputs: ['traineeNeed'],
      totals: [[0, 1], [2]],
    });
    const kept = run.totals.traineeNeed!.slice();
    const ranges = await pool.summariseTotals(run);
    expect(run.totals.traineeNeed).toEqual(kept);
    // Total 1 is cell 2 alone, so its ranges are cell 2's.
    expect(ranges.traineeNeed!.p50[1]).toBe(run.ranges.traineeNeed!.p50[2]);
    expect(ranges.traineeNeed!.p10[1]).toBe(run.ranges.traineeNeed!.p10[2]);
    pool.terminate();
  });

  it('cancels with an AbortError, terminates the workers and starts fresh ones next run', async () => {
    const pool = new ModelPool({ size: 2, createWorker: channelWorker });
    created = 0;
    const controller = new AbortController();
    const running = pool.run(inputs, { seed: 1, drawCount: 50, signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(created).toBe(2);
    const again = await pool.run(inputs, { seed: 1, drawCount: 4, outputs: ['demand'] });
    expect(again.drawCount).toBe(4);
    expect(created).toBe(4);
    pool.terminate();
  });

  it('rejects at once when the signal is already aborted', async () => {
    const pool = new ModelPool({ size: 1, createWorker: channelWorker });
    await expect(
      pool.run(inputs, { seed: 1, drawCount: 2, signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('turns a worker error into a ModelInputError with its path', async () => {
    const pool = new ModelPool({ size: 2, createWorker: channelWorker });
    await expect(pool.run(inputs, { seed: 1.5, drawCount: 4 })).rejects.toMatchObject({
      name: 'ModelInputError',
      path: 'seed',
    });
    pool.terminate();
  });
});
