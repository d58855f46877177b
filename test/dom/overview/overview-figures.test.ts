import { describe, expect, it } from 'vitest';
import type { AreaIndicator, District } from '../../../src/data/types.ts';
import {
  closedDistribution,
  emptyLedgerState,
  type LedgerState,
  type TransferCell,
  type TransferRecord,
  type TransferStatus,
} from '../../../src/redistribution/index.ts';
import { coldSpotSummary, inYearSummary } from '../../../src/ui/overview/overview-figures.ts';

function district(code: string, name: string): District {
  return {
    code,
    name,
    educationLaNumber: 1,
    educationLaCode: 'E1',
    educationLaName: name,
    membership: 'constituent',
  };
}

function indicator(
  id: string,
  values: [string, number | null][],
  higherIsWorse = true,
): AreaIndicator {
  return {
    id,
    label: id,
    level: 'district',
    higherIsWorse,
    unit: 'score',
    source: 'test',
    provenance: 'derived',
    values: values.map(([areaCode, value]) => ({ areaCode, value })),
  };
}

describe('coldSpotSummary', () => {
  const districts = [district('A', 'Ayton'), district('B', 'Beeston'), district('C', 'Ceeby')];

  it('finds the district more than half a standard deviation worse off (hand-worked)', () => {
    // Scores 0, 0, 3: mean 1, population SD sqrt((1 + 1 + 4) / 3) = sqrt 2.
    // z = -0.71, -0.71, +1.41: only Ceeby is above the 0.5 threshold.
    const summary = coldSpotSummary({
      districts,
      indicators: [
        indicator('imd2015_district_score', [
          ['A', 0],
          ['B', 0],
          ['C', 3],
        ]),
      ],
    });
    expect(summary).toEqual({
      names: ['Ceeby'],
      districtCount: 3,
      indicatorLabels: ['imd2015_district_score'],
      provenance: 'derived',
    });
  });

  it('turns a low-is-worse indicator round: the lowest attainment is the cold spot', () => {
    const summary = coldSpotSummary({
      districts,
      indicators: [
        indicator(
          'ks4_attainment8',
          [
            ['A', 50],
            ['B', 50],
            ['C', 41],
          ],
          false,
        ),
      ],
    });
    expect(summary?.names).toEqual(['Ceeby']);
  });

  it('has no summary without district indicators', () => {
    expect(coldSpotSummary({ districts, indicators: [] })).toBeNull();
  });
});

function cell(partnershipCode: string, allocation: number, recruited: number): TransferCell {
  return {
    partnershipCode,
    partnershipName: `Partnership ${partnershipCode}`,
    subject: 'Mathematics',
    allocation,
    limit: allocation,
    capacity: null,
    recruited,
    pendingOffers: 0,
    // Recruitment closed: the final figure is what was recruited.
    forecast: closedDistribution(recruited),
    needWeight: 1,
    open: false,
  };
}

function ledgerWith(statuses: TransferStatus[]): LedgerState {
  const transfers = new Map<string, TransferRecord>(
    statuses.map((status, i) => [`t${i}`, { status } as TransferRecord]),
  );
  return { ...emptyLedgerState('test'), transfers };
}

describe('inYearSummary', () => {
  it('adds up fill, unfilled places and waiting transfers (hand-worked)', () => {
    // P1: 4 of 10 recruited, 6 unfilled, expected fill 40% (< 60%).
    // P2: 12 recruited against 10: full, and the 2 extra fill nothing else.
    const view = {
      cells: [cell('P1', 10, 4), cell('P2', 10, 12)],
      missingReturns: [],
      asOf: '2026-03-31',
      monthName: 'March',
    };
    const summary = inYearSummary(
      view,
      ledgerWith(['proposed', 'approved', 'applied', 'declined', 'undone']),
    );
    expect(summary).toEqual({
      monthName: 'March',
      allocated: 20,
      recruited: 16,
      unfilled: 6,
      fillRate: 0.8,
      expectedUnfilled: 6,
      pendingTransfers: 2,
      lowFill: [{ name: 'Partnership P1', expectedFillRate: 0.4 }],
    });
  });
});
