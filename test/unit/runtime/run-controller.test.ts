import { describe, expect, it } from 'vitest';
import { abortError } from '../../../src/runtime/abort.ts';
import { RunController, type RunContext } from '../../../src/runtime/run-controller.ts';

/** A page stand-in that counts redraws and keeps the controller it is given. */
function fakeHost() {
  const host = {
    updates: 0,
    controllers: [] as { hostDisconnected(): void }[],
    requestUpdate() {
      host.updates += 1;
    },
    addController(controller: { hostDisconnected(): void }) {
      host.controllers.push(controller);
    },
  };
  return host;
}

/** Work the test finishes by hand, rejecting with an AbortError when its signal aborts (as the worker clients do). */
function manualWork<T>() {
  let context: RunContext | undefined;
  let finish: (value: T) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const work = (run: RunContext) =>
    new Promise<T>((resolve, reject) => {
      context = run;
      finish = resolve;
      fail = reject;
      run.signal.addEventListener('abort', () => reject(abortError('Cancelled')));
    });
  return {
    work,
    context: () => context!,
    finish: (value: T) => finish(value),
    fail: (error: unknown) => fail(error),
  };
}

describe('RunController', () => {
  it('gives the result of a run that finishes, with progress at its total and a success notice', async () => {
    const runs = new RunController(fakeHost());
    const work = manualWork<number>();
    const outcome = runs.run(work.work, { total: 400, succeeded: (value) => `Made ${value}.` });
    expect(runs.running).toBe(true);
    work.context().progress(120);
    expect(runs.fraction).toBeCloseTo(0.3);
    work.finish(7);
    expect(await outcome).toEqual({ status: 'done', value: 7 });
    expect(runs.running).toBe(false);
    expect(runs.done).toBe(400);
    expect(runs.fraction).toBe(1);
    expect(runs.notice).toEqual({ kind: 'success', text: 'Made 7.' });
  });

  it('aborts the older run when a newer one starts, and never lets the older one overwrite it', async () => {
    const runs = new RunController(fakeHost());
    const older = manualWork<string>();
    const newer = manualWork<string>();
    const first = runs.run(older.work, { total: 10 });
    const olderContext = older.context();
    const second = runs.run(newer.work, { total: 20 });
    expect(olderContext.signal.aborted).toBe(true);
    expect(await first).toEqual({ status: 'superseded' });
    // Progress from the stale run is dropped.
    olderContext.progress(9, 10, 'stale');
    expect(runs.done).toBe(0);
    expect(runs.total).toBe(20);
    expect(runs.stage).toBe('');
    newer.context().progress(5, undefined, 'second');
    expect(runs.stage).toBe('second');
    newer.finish('newer');
    expect(await second).toEqual({ status: 'done', value: 'newer' });
    expect(runs.running).toBe(false);
  });

  it('drops a stale result that arrives after the newer run finished, even if it ignored its signal', async () => {
    const runs = new RunController(fakeHost());
    let finishOlder: (value: string) => void = () => {};
    const first = runs.run(() => new Promise<string>((resolve) => (finishOlder = resolve)));
    const second = await runs.run(async () => 'newer', { succeeded: (value) => value });
    finishOlder('older');
    expect(await first).toEqual({ status: 'superseded' });
    expect(second).toEqual({ status: 'done', value: 'newer' });
    expect(runs.notice).toEqual({ kind: 'success', text: 'newer' });
    expect(runs.running).toBe(false);
  });

  it('ends a cancelled run as cancelled, with the notice read at the time of the cancel', async () => {
    const runs = new RunController(fakeHost());
    const work = manualWork<number>();
    let shown = 'nothing';
    const outcome = runs.run(work.work, { cancelled: () => `Cancelled; ${shown} shown.` });
    shown = 'the last result';
    runs.cancel();
    expect(await outcome).toEqual({ status: 'cancelled' });
    expect(runs.notice).toEqual({ kind: 'cancelled', text: 'Cancelled; the last result shown.' });
    expect(runs.running).toBe(false);
  });

  it('counts work that resolves after its cancel as cancelled, not done', async () => {
    const runs = new RunController(fakeHost());
    let finish: (value: number) => void = () => {};
    const outcome = runs.run(() => new Promise<number>((resolve) => (finish = resolve)));
    runs.cancel();
    finish(1);
    expect(await outcome).toEqual({ status: 'cancelled' });
    expect(runs.notice).toBeUndefined();
  });

  it('turns a failure into an error notice in the words given, and a bare message without them', async () => {
    const runs = new RunController(fakeHost());
    const failing = async () => {
      throw new Error('the worker stopped');
    };
    expect(await runs.run(failing, { failed: (message) => `Could not run: ${message}` })).toEqual({
      status: 'failed',
      message: 'the worker stopped',
    });
    expect(runs.notice).toEqual({ kind: 'error', text: 'Could not run: the worker stopped' });
    await runs.run(() => Promise.reject('a string'));
    expect(runs.notice).toEqual({ kind: 'error', text: 'a string' });
    expect(runs.running).toBe(false);
  });

  it('clears the last notice when a new run starts, and aborts the run when its page leaves', async () => {
    const host = fakeHost();
    const runs = new RunController(host);
    await runs.run(() => Promise.reject(new Error('bad')));
    const work = manualWork<number>();
    const outcome = runs.run(work.work);
    expect(runs.notice).toBeUndefined();
    const updates = host.updates;
    expect(host.controllers).toEqual([runs]);
    host.controllers[0]!.hostDisconnected();
    expect(await outcome).toEqual({ status: 'cancelled' });
    expect(host.updates).toBeGreaterThan(updates);
  });
});
