import { readFileSync } from 'node:fs';
import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_RETURNS,
  NO_RULES,
  cellNeedWeights,
  partnershipNeedWeights,
  baselineDraft,
  chooseCurves,
  closedDistribution,
  emptyLedgerState,
  fillRates,
  importAllocationCsv,
  importReturnsCsv,
  latestMonthReached,
  placesMoved,
  proposalsToCsv,
  proposeTransfers,
  recruitmentOutlook,
  trackRecordCsv,
  trackRecordRows,
  trackingView,
  type ReturnsState,
  type TransferCell,
} from '../../../src/redistribution/index.ts';
import { appendSigned } from '../../fixtures/ledger/keys.ts';
import { describeIssue } from '../../../src/data/issues.ts';
import { fixedClock } from '../../../src/data/clock.ts';
import { createHighsEngine } from '../../../src/solver/highs-engine.ts';

const TODAY = fixedClock('2026-12-03')();

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/returns/${name}`, import.meta.url), 'utf8');

function cell(
  code: string,
  subject: TransferCell['subject'],
  allocation: number,
  recruited: number,
): TransferCell {
  return {
    partnershipCode: code,
    partnershipName: code,
    subject,
    allocation,
    limit: allocation,
    capacity: null,
    recruited,
    pendingOffers: 0,
    forecast: closedDistribution(recruited),
    needWeight: 1,
    open: true,
  };
}

describe('fillRates', () => {
  it('adds up by partnership, subject and region', () => {
    const rates = fillRates([
      cell('A', 'Physics', 10, 5),
      cell('A', 'Primary', 30, 30),
      cell('B', 'Physics', 10, 8),
      cell('B', 'Chemistry', 0, 0),
    ]);
    expect(rates.byPartnership).toEqual([
      { label: 'A', allocation: 40, recruited: 35, fillRate: 0.875 },
      { label: 'B', allocation: 10, recruited: 8, fillRate: 0.8 },
    ]);
    expect(rates.bySubject.map((r) => [r.label, r.fillRate])).toEqual([
      ['Chemistry', null],
      ['Physics', 0.65],
      ['Primary', 1],
    ]);
    expect(rates.region).toEqual({ label: 'Total', allocation: 50, recruited: 43, fillRate: 0.86 });
  });
});

describe('track record', () => {
  it('writes recruited / allocated at the last month, using the ledger allocation', async () => {
    const context = {
      partnerships: [
        { code: 'AA', name: 'A' },
        { code: 'BB', name: 'B' },
      ],
      today: TODAY,
    };
    const text = [
      'time_period,time_identifier,geographic_level,country_code,country_name,partnership_code,partnership_name,subject,allocation_count,applications_count,offers_count,recruited_count,withdrawn_count',
      '202425,August,Regional,E92000001,England,AA,A,Physics,10,20,10,7,0',
      '202425,September,Regional,E92000001,England,AA,A,Physics,10,20,10,8,0',
      '202425,September,Regional,E92000001,England,BB,B,Physics,0,0,0,0,0',
    ].join('\n');
    const result = importReturnsCsv(EMPTY_RETURNS, text, 'r.csv', context);
    if (!result.ok) throw new Error('should load');
    const ledger = await appendSigned(
      emptyLedgerState('202425'),
      baselineDraft(
        '202425',
        '202425',
        [{ partnershipCode: 'AA', partnershipName: 'A', subject: 'Physics', places: 16 }],
        { name: 'm', role: 'manager', partnershipCode: null },
        '2024-10-01T00:00:00Z',
        'x',
      ),
    );
    if (!ledger.ok) throw new Error(ledger.reason);
    const rows = trackRecordRows(result.state, ledger.state, '202425');
    expect(
      rows.map((r) => [
        r.partnership_code,
        r.allocation_count,
        r.recruited_count,
        r.track_record_ratio,
      ]),
    ).toEqual([
      ['AA', '16', '8', '0.500'],
      ['BB', '0', '0', 'z'],
    ]);
    expect(trackRecordCsv(rows).split('\n')[1]).toBe(
      '202425,Academic year,Regional,E92000001,England,AA,A,Physics,16,8,0.500',
    );
    expect(placesMoved(ledger.state)).toBe(0);
  });
});

describe('an allocation file', () => {
  it('refuses a monthly return given in its place with one line saying so', () => {
    const result = importAllocationCsv(
      fixture('illustrative_recruitment_returns_202526.csv'),
      'returns.csv',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(describeIssue)).toEqual([
      'returns.csv, line 2, column time_identifier: "October" is not Academic year: an allocation has one row per partnership and subject for the whole year; enter Academic year, or check that this is the allocation file and not a monthly return',
    ]);
  });
});

describe('the illustrative example end to end', () => {
  it('loads, forecasts and proposes transfers whose gains match the outlook', async () => {
    const allocation = importAllocationCsv(
      fixture('illustrative_allocation_202526.csv'),
      'allocation.csv',
    );
    if (!allocation.ok) throw new Error(allocation.issues[0]!.message);
    const context = {
      partnerships: allocation.file.lines.map((l) => ({
        code: l.partnershipCode,
        name: l.partnershipName,
      })),
      today: TODAY,
    };
    let returns: ReturnsState = EMPTY_RETURNS;
    for (const name of [
      'illustrative_recruitment_returns_202425.csv',
      'illustrative_recruitment_returns_202526.csv',
    ]) {
      const result = importReturnsCsv(returns, fixture(name), name, context);
      if (!result.ok) throw new Error(result.issues[0]!.message);
      returns = result.state;
    }
    expect(
      fixture('illustrative_recruitment_returns_202526.csv')
        .trim()
        .split('\n')
        .slice(1)
        .every((l) => l.endsWith(',illustrative')),
    ).toBe(true);
    const reached = latestMonthReached(returns)!;
    expect(reached).toEqual({ timePeriod: '202526', monthIndex: 6 });
    const curves = chooseCurves(returns, '202526');
    expect(curves.curves).toHaveLength(1);
    const view = trackingView({
      returns,
      ledger: null,
      timePeriod: '202526',
      monthIndex: 6,
      curves: curves.curves,
      rules: NO_RULES,
      capacities: allocation.file.capacities,
    });
    expect(view.asOf).toBe('2025-03-31');
    const plan = proposeTransfers(view.cells, createHighsEngine(await highsLoader()), '202526-06');
    expect(plan.status).toBe('optimal');
    expect(plan.proposals.length).toBeGreaterThan(0);
    for (const p of plan.proposals) {
      expect(p.from.subject).toBe(p.to.subject);
      expect(p.expectedGain).toBeGreaterThan(0);
    }
    const outlook = recruitmentOutlook(view.cells, plan.proposals);
    expect(outlook.after - outlook.before).toBeCloseTo(plan.expectedGain, 9);
    const csv = proposalsToCsv(plan.proposals, '202526', 6);
    expect(csv.split('\n')).toHaveLength(plan.proposals.length + 1);
  });
});

describe('need weights', () => {
  it('weights a partnership by where its trainees are employed', () => {
    // 60% to a cold spot (weight 2), 20% to an average district, 20% outside the region (0):
    // 0.6 x 2 + 0.2 x 1 + 0.2 x 0 = 1.4.
    const weights = partnershipNeedWeights(
      [{ code: 'A', employmentFootprint: { E08000016: 0.6, E08000019: 0.2, outside: 0.2 } }],
      new Map([
        ['E08000016', 2],
        ['E08000019', 1],
      ]),
    );
    expect(weights.get('A')).toBeCloseTo(1.4, 12);
    expect(
      cellNeedWeights(
        [
          { partnershipCode: 'A', subject: 'Physics' },
          { partnershipCode: 'Z', subject: 'Physics' },
        ],
        weights,
      ),
    ).toEqual(
      new Map([
        ['A|Physics', weights.get('A')],
        ['Z|Physics', 1],
      ]),
    );
  });
});
