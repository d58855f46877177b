import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_TRANSFER_OPTIONS,
  SCIENCE_SUBSTITUTION_GROUP,
  buildTransferModel,
  closedDistribution,
  proposeTransfers,
  recruitmentOutlook,
  type FinalDistribution,
  type TransferCell,
} from '../../../src/redistribution/index.ts';
import type { SolverEngine } from '../../../src/solver/engine.ts';
import { createHighsEngine } from '../../../src/solver/highs-engine.ts';

let engine: SolverEngine;
beforeAll(async () => {
  engine = createHighsEngine(await highsLoader());
});

function dist(recruited: number, futurePmf: number[]): FinalDistribution {
  return {
    recruited,
    futurePmf,
    expected: 0,
    p10: recruited,
    p50: recruited,
    p90: recruited + futurePmf.length - 1,
  };
}

function cell(
  code: string,
  subject: TransferCell['subject'],
  fields: Partial<TransferCell>,
): TransferCell {
  return {
    partnershipCode: code,
    partnershipName: `Partnership ${code}`,
    subject,
    allocation: 0,
    limit: 0,
    capacity: null,
    recruited: 0,
    pendingOffers: 0,
    forecast: closedDistribution(0),
    needWeight: 1,
    open: true,
    ...fields,
  };
}

/**
 * Hand-solvable case.
 * A (Physics): 10 places, 4 recruited, recruitment closed: places 5..10 each have fill chance 0,
 *   so 6 are releasable at no loss.
 * B (Physics): 5 places, 5 recruited, 0/1/2/3 more with chance 0.1/0.2/0.3/0.4:
 *   P(final >= 6) = 0.9, P(>= 7) = 0.7, P(>= 8) = 0.4 (below the 0.5 threshold): absorbs 2.
 * C (Physics): 3 places, 3 recruited, 0/1 more with chance 0.2/0.8: P(>= 4) = 0.8; cold spot, weight 2.
 * Best: 2 places A -> B (0.9 + 0.7) and 1 place A -> C (2 x 0.8); objective 3.2 - 3 x 0.001 = 3.197;
 * expected regional recruitment rises by 0.9 + 0.7 + 0.8 = 2.4.
 */
function handCase(): TransferCell[] {
  return [
    cell('A', 'Physics', {
      allocation: 10,
      limit: 10,
      recruited: 4,
      forecast: closedDistribution(4),
      open: false,
    }),
    cell('B', 'Physics', {
      allocation: 5,
      limit: 5,
      recruited: 5,
      forecast: dist(5, [0.1, 0.2, 0.3, 0.4]),
    }),
    cell('C', 'Physics', {
      allocation: 3,
      limit: 3,
      recruited: 3,
      forecast: dist(3, [0.2, 0.8]),
      needWeight: 2,
    }),
  ];
}

describe('buildTransferModel', () => {
  it('writes one release row per donor, one absorb row per recipient, and a bounded move per pair', () => {
    const model = buildTransferModel(handCase());
    expect(model.releasable.get('A|Physics')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(model.absorbable.get('B|Physics')).toEqual([
      expect.closeTo(0.9, 12),
      expect.closeTo(0.7, 12),
    ]);
    expect(model.absorbable.get('C|Physics')).toEqual([expect.closeTo(0.8, 12)]);
    expect(model.lp.sense).toBe('maximize');
    expect(model.lp.rowNames).toEqual([
      'release_A_Physics',
      'absorb_B_Physics',
      'absorb_C_Physics',
    ]);
    const moves = model.arcs.map((a) => [model.lp.colNames[a.column], model.lp.colUpper[a.column]]);
    expect(moves).toEqual([
      ['move_A_Physics_to_B_Physics', 2],
      ['move_A_Physics_to_C_Physics', 1],
    ]);
    // A closed cell never receives places; a cell never sends to itself.
    expect(model.arcs.every((a) => a.recipient.partnershipCode !== 'A')).toBe(true);
  });

  it('never releases places already recruited or offered', () => {
    const donor = cell('A', 'Physics', {
      allocation: 10,
      limit: 10,
      recruited: 4,
      pendingOffers: 3,
      forecast: closedDistribution(4),
      open: false,
    });
    expect(buildTransferModel([donor]).releasable.get('A|Physics')).toHaveLength(3);
  });
});

describe('proposeTransfers (HiGHS through the solver layer)', () => {
  it('solves the hand case', () => {
    const plan = proposeTransfers(handCase(), engine, 'test');
    expect(plan.status).toBe('optimal');
    expect(
      plan.proposals.map((p) => [p.from.partnershipCode, p.to.partnershipCode, p.places]),
    ).toEqual([
      ['A', 'B', 2],
      ['A', 'C', 1],
    ]);
    expect(plan.expectedGain).toBeCloseTo(2.4, 9);
    expect(plan.weightedGain).toBeCloseTo(3.2, 9);
    expect(plan.placesMoved).toBe(3);
    expect(plan.proposals[0]!.reason).toMatch(
      /^Move 2 Physics places from A to B\. .*Expected regional recruitment rises by 1\.6\.$/,
    );
  });

  it('gives the one releasable place to the cold spot', () => {
    // Only one place can go: C's weighted value 2 x 0.8 = 1.6 beats B's 0.9.
    const cells = handCase();
    cells[0] = { ...cells[0]!, recruited: 9, forecast: closedDistribution(9) };
    const plan = proposeTransfers(cells, engine, 'test');
    expect(plan.proposals.map((p) => [p.to.partnershipCode, p.places])).toEqual([['C', 1]]);
  });

  it('respects the recipient capacity', () => {
    const cells = handCase();
    cells[2] = { ...cells[2]!, capacity: 3 };
    const plan = proposeTransfers(cells, engine, 'test');
    expect(plan.proposals.map((p) => [p.to.partnershipCode, p.places])).toEqual([['B', 2]]);
  });

  it('moves between subjects only inside a substitution group, at a small cost', () => {
    const cells = [
      cell('A', 'Biology', {
        allocation: 6,
        limit: 6,
        recruited: 2,
        forecast: closedDistribution(2),
        open: false,
      }),
      cell('B', 'Physics', {
        allocation: 5,
        limit: 5,
        recruited: 5,
        forecast: dist(5, [0.1, 0.2, 0.3, 0.4]),
      }),
    ];
    const none = proposeTransfers(cells, engine, 'test');
    expect(none.status).toBe('nothing-to-move');
    expect(none.detail).toMatch(/no partnership with spare places recruits to a subject/);
    const plan = proposeTransfers(cells, engine, 'test', {
      ...DEFAULT_TRANSFER_OPTIONS,
      substitutionGroups: [SCIENCE_SUBSTITUTION_GROUP],
    });
    expect(plan.proposals.map((p) => [p.from.subject, p.to.subject, p.places])).toEqual([
      ['Biology', 'Physics', 2],
    ]);
    expect(plan.proposals[0]!.reason).toMatch(/Biology places as Physics/);
  });

  it('moves nothing when moving would lose more than it gains', () => {
    // A's top place has fill chance 0.15 (releasable) in a cold spot (weight 4): losing it costs 0.6.
    // B's extra place would be filled with chance 0.55 (absorbable) but gains only 0.55 < 0.6.
    const cells = [
      cell('A', 'Physics', {
        allocation: 2,
        limit: 2,
        recruited: 1,
        forecast: dist(1, [0.85, 0.15]),
        needWeight: 4,
      }),
      cell('B', 'Physics', {
        allocation: 1,
        limit: 1,
        recruited: 1,
        forecast: dist(1, [0.45, 0.55]),
      }),
    ];
    const plan = proposeTransfers(cells, engine, 'test');
    expect(plan.model.arcs).toHaveLength(1);
    expect(plan.status).toBe('optimal');
    expect(plan.proposals).toEqual([]);
    // With equal weights the move is worth 0.55 - 0.15 and is made.
    cells[0] = { ...cells[0]!, needWeight: 1 };
    expect(proposeTransfers(cells, engine, 'test').expectedGain).toBeCloseTo(0.4, 9);
  });

  it('forecast regional recruitment rises by exactly the proposals’ expected gain', () => {
    const cells = handCase();
    const plan = proposeTransfers(cells, engine, 'test');
    const outlook = recruitmentOutlook(cells, plan.proposals);
    // Before: A 4 + B 5 + C 3 = 12; after adds 0.9 + 0.7 + 0.8.
    expect(outlook.before).toBeCloseTo(12, 9);
    expect(outlook.after - outlook.before).toBeCloseTo(plan.expectedGain, 9);
  });
});
