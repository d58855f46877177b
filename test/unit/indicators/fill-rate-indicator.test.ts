import { describe, expect, it } from 'vitest';
import {
  districtFillRate,
  districtForecastFill,
} from '../../../src/indicators/fill-rate-indicator.ts';
import {
  closedDistribution,
  type FinalDistribution,
} from '../../../src/redistribution/forecast.ts';
import type { Partnership } from '../../../src/data/types.ts';
import type { FillRate } from '../../../src/redistribution/kpis.ts';

const districts = [{ code: 'D1' }, { code: 'D2' }, { code: 'D3' }, { code: 'D4' }];
const partnerships: Pick<Partnership, 'code' | 'employmentFootprint'>[] = [
  { code: 'P1', employmentFootprint: { D1: 0.6, D2: 0.3, outside: 0.1 } },
  { code: 'P2', employmentFootprint: { D2: 0.5, D3: 0.5 } },
  // No places this cycle, and no return at all: neither counts anywhere.
  { code: 'P3', employmentFootprint: { D3: 1 } },
  { code: 'P4', employmentFootprint: { D3: 0.5, D4: 0.5 } },
];
const rate = (label: string, allocation: number, recruited: number): FillRate => ({
  label,
  allocation,
  recruited,
  fillRate: allocation > 0 ? recruited / allocation : null,
});
const byPartnership = [rate('P1', 100, 80), rate('P2', 20, 5), rate('P3', 0, 0)];
const context = {
  cycle: '2025/26',
  asAt: '31 March 2025',
  provenance: 'illustrative' as const,
};
const valueOf = (indicator: { values: { areaCode: string; value: number | null }[] }) =>
  Object.fromEntries(indicator.values.map((v) => [v.areaCode, v.value]));

describe('districtFillRate', () => {
  const indicator = districtFillRate(districts, partnerships, byPartnership, context);
  const values = valueOf(indicator);

  it('a district reached by one partnership has its rate: D1 0.6 x 80 / (0.6 x 100) = 80%', () => {
    expect(values.D1).toBeCloseTo(80, 12);
  });

  it('weights partnerships by footprint x places: D2 (0.3 x 80 + 0.5 x 5) / (0.3 x 100 + 0.5 x 20) = 66.25%', () => {
    expect(values.D2).toBeCloseTo(66.25, 12);
  });

  it('leaves out partnerships with no places or no return: D3 0.5 x 5 / (0.5 x 20) = 25%', () => {
    expect(values.D3).toBeCloseTo(25, 12);
  });

  it('a district no partnership with places reaches has no value, not 0', () => {
    expect(values.D4).toBeNull();
  });

  it('every district lies between the lowest and highest partnership rates', () => {
    for (const value of Object.values(values)) {
      if (value === null) continue;
      expect(value).toBeGreaterThanOrEqual(25);
      expect(value).toBeLessThanOrEqual(80);
    }
  });

  it('when every partnership fills the same share, every district reached has that share', () => {
    const same = districtFillRate(
      districts,
      partnerships,
      [rate('P1', 40, 30), rate('P2', 8, 6), rate('P4', 4, 3)],
      context,
    );
    expect(valueOf(same)).toEqual({ D1: 75, D2: 75, D3: 75, D4: 75 });
  });

  it('lower fill is worse; illustrative returns are labelled so', () => {
    expect(indicator).toMatchObject({
      id: 'fill_rate_202526',
      level: 'district',
      higherIsWorse: false,
      provenance: 'illustrative',
      label: 'Recruitment fill rate to date, 2025/26 entry (illustrative)',
    });
    expect(indicator.source).toMatch(
      /illustrative recruitment returns for 2025\/26 entry as at 31 March 2025/,
    );
    expect(indicator.source).toMatch(/employment footprint/);
  });
});

/** A forecast: `recruited` so far, then `futurePmf[j]` = P(j more by the end of the cycle). */
const forecast = (recruited: number, futurePmf: number[]): FinalDistribution => ({
  recruited,
  futurePmf,
  expected: futurePmf.reduce((sum, p, j) => sum + p * (recruited + j), 0),
  p10: recruited,
  p50: recruited,
  p90: recruited + futurePmf.length - 1,
});

describe('districtForecastFill', () => {
  // P1: maths 10 places, 6 recruited, one more with chance 1/2: E[min(final, 10)] = 6.5;
  //     physics 10 places, 9 recruited, 1 or 2 more (1/2 each): final 10 or 11, capped 10.
  //     P1 expects 16.5 of its 20 places.
  // P2: 4 places, 1 recruited, recruitment closed: 1 of 4.
  const cells = [
    {
      partnershipCode: 'P1',
      partnershipName: 'P1',
      allocation: 10,
      forecast: forecast(6, [0.5, 0.5]),
    },
    {
      partnershipCode: 'P1',
      partnershipName: 'P1',
      allocation: 10,
      forecast: forecast(9, [0, 0.5, 0.5]),
    },
    {
      partnershipCode: 'P2',
      partnershipName: 'P2',
      allocation: 4,
      forecast: closedDistribution(1),
    },
  ];
  const indicator = districtForecastFill(districts, partnerships, cells, context);
  const values = valueOf(indicator);

  it('D1, reached by P1 only: 0.6 x 16.5 / (0.6 x 20) = 82.5%', () => {
    expect(values.D1).toBeCloseTo(82.5, 12);
  });

  it('D2: (0.3 x 16.5 + 0.5 x 1) / (0.3 x 20 + 0.5 x 4) = 5.45 / 8 = 68.125%', () => {
    expect(values.D2).toBeCloseTo(68.125, 12);
  });

  it('D3: P2 only (P3 has no cells): 0.5 x 1 / (0.5 x 4) = 25%; D4, no places: none', () => {
    expect(values.D3).toBeCloseTo(25, 12);
    expect(values.D4).toBeNull();
  });

  it('with recruitment closed everywhere it equals the fill rate to date', () => {
    const closed = [
      {
        partnershipCode: 'P1',
        partnershipName: 'P1',
        allocation: 100,
        forecast: closedDistribution(80),
      },
      {
        partnershipCode: 'P2',
        partnershipName: 'P2',
        allocation: 20,
        forecast: closedDistribution(5),
      },
    ];
    expect(valueOf(districtForecastFill(districts, partnerships, closed, context))).toEqual(
      valueOf(districtFillRate(districts, partnerships, byPartnership, context)),
    );
  });

  it('is labelled as a forecast from illustrative returns', () => {
    expect(indicator).toMatchObject({
      id: 'forecast_fill_rate_202526',
      higherIsWorse: false,
      provenance: 'illustrative',
      label: 'Forecast fill rate at the end of the cycle, 2025/26 entry (illustrative)',
    });
    expect(indicator.source).toMatch(/illustrative recruitment returns for 2025\/26 entry/);
  });
});
