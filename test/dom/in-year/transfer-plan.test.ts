// @vitest-environment node
// HiGHS's loader picks its browser path under jsdom; in Node it reads the wasm from disk.
import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TRANSFER_OPTIONS,
  closedDistribution,
  type TransferCell,
  type TransferStatus,
} from '../../../src/redistribution/index.ts';
import { createHighsEngine } from '../../../src/solver/highs-engine.ts';
import type { LinearModel } from '../../../src/solver/model.ts';
import { cellFlags } from '../../../src/ui/in-year/cell-flags.ts';
import { planTransfers, type TransferSolver } from '../../../src/ui/in-year/transfer-plan.ts';

function cell(
  partnershipCode: string,
  allocation: number,
  recruited: number,
  finalRecruits: number,
  capacity: number | null,
): TransferCell {
  return {
    partnershipCode,
    partnershipName: `Partnership ${partnershipCode}`,
    subject: 'Physics',
    allocation,
    limit: allocation,
    capacity,
    recruited,
    pendingOffers: 0,
    // A certain final count keeps the hand-worked chances at 0 or 1.
    forecast: closedDistribution(finalRecruits),
    needWeight: 1,
    open: true,
  };
}

/**
 * Hand-worked: A holds 3 places and will end with 1 recruit, so its 2nd and 3rd places are
 * filled with chance 0 (2 releasable). B holds 5, will end with 8 and has capacity 10, so its
 * 6th, 7th and 8th places are filled for certain (3 absorbable; a 9th has chance 0). Moving
 * 2 places from A to B adds exactly 2 expected recruits.
 */
const donor = cell('A', 3, 1, 1, null);
const recipient = cell('B', 5, 5, 8, 10);

describe('planTransfers', () => {
  it('solves the transfer LP through the solver once and makes the proposals from its answer', async () => {
    const engine = createHighsEngine(await loadHighs());
    const models: LinearModel[] = [];
    const solver: TransferSolver = {
      solve: async (model, options) => {
        models.push(model);
        return engine.solve(model, options);
      },
    };
    const plan = await planTransfers(
      [donor, recipient],
      solver,
      '202526-06',
      DEFAULT_TRANSFER_OPTIONS,
    );
    expect(models).toHaveLength(1);
    expect(plan.status).toBe('optimal');
    expect(plan.proposals).toHaveLength(1);
    expect(plan.proposals[0]).toMatchObject({
      id: '202526-06:A:Physics>B:Physics',
      places: 2,
      expectedGain: 2,
    });
    expect(plan.placesMoved).toBe(2);

    expect(cellFlags(donor, plan.model).map((f) => f.label)).toEqual(['At risk', 'Releasable: 2']);
    expect(cellFlags(recipient, plan.model).map((f) => f.label)).toEqual(['Can absorb: 3']);
    expect(cellFlags({ ...recipient, open: false }, null).map((f) => f.label)).toEqual([
      'Closed (stop notice)',
    ]);
  });

  it('numbers a move settled earlier in the ledger, and keeps the id of one in progress', async () => {
    const engine = createHighsEngine(await loadHighs());
    const solver: TransferSolver = {
      solve: async (model, options) => engine.solve(model, options),
    };
    const plan = (statuses: Record<string, TransferStatus>) =>
      planTransfers(
        [donor, recipient],
        solver,
        '202526-06',
        DEFAULT_TRANSFER_OPTIONS,
        undefined,
        (id) => statuses[id],
      );
    const id = '202526-06:A:Physics>B:Physics';
    expect((await plan({ [id]: 'applied' })).proposals[0]!.id).toBe(`${id}#2`);
    expect((await plan({ [id]: 'donor-agreed' })).proposals[0]!.id).toBe(id);
  });

  it('does not call the solver when nothing can move', async () => {
    const solver: TransferSolver = {
      solve: () => Promise.reject(new Error('the solver should not be called')),
    };
    // No one has candidates beyond their allocation.
    const plan = await planTransfers(
      [donor, cell('B', 5, 5, 5, 10)],
      solver,
      'p',
      DEFAULT_TRANSFER_OPTIONS,
    );
    expect(plan.status).toBe('nothing-to-move');
    expect(plan.detail).toMatch(/no partnership has candidates beyond its allocation/);
    expect(plan.proposals).toEqual([]);
  });

  it('passes an abort on to the solver', async () => {
    const abort = new AbortController();
    abort.abort();
    const solver: TransferSolver = {
      solve: (_model, _options, signal) =>
        signal?.aborted
          ? Promise.reject(new DOMException('cancelled', 'AbortError'))
          : Promise.reject(new Error('no signal')),
    };
    await expect(
      planTransfers([donor, recipient], solver, 'p', DEFAULT_TRANSFER_OPTIONS, abort.signal),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});
