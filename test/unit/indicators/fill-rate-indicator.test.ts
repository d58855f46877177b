import { describe, expect, it } from 'vitest';
import { districtFillRate } from '../../../src/indicators/fill-rate-indicator.ts';
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
