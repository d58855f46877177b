import { describe, expect, it } from 'vitest';
import {
  buildModelInputs,
  cellIndex,
  defaultParameters,
  resolveParameters,
  runDeterministic,
  type OutputName,
} from '../../../src/model/index.ts';
import { SUBJECT_GROUPS } from '../../../src/data/types.ts';
import { fixtureDataset, handWorkedOverrides } from './fixtures.ts';
import { fixedClock } from '../../../src/data/clock.ts';

/** Plans are made from a date; the tests fix it. */
const TODAY = fixedClock('2026-12-03')();

/*
 * Hand-worked example: districts Alpha and Beta (Beta = Alpha x 3), subjects Primary and
 * Mathematics, projection years 2025/26, 2026/27, 2027/28 (t = 1, 2, 3).
 *
 * Common to both cells of Alpha (100 FTE each): stages ECT1 10, ECT2 10, years 3-5 20,
 * 6+ 50, 55+ 10; leaver rates 0.1, 0.1, 0.05, 0.05, 0.2; capacity per FTE 0.9, 0.95, 1, 1, 1;
 * years 3-5 -> 6+ moves 25% of stayers, 6+ -> 55+ 10%. Alpha holds 10% of national FTE, so
 * national counts x 0.1.
 * Base: S0 = 100 FTE; C0 = 0.9*10 + 0.95*10 + 20 + 50 + 10 = 98.5 = D0.
 *
 * ALPHA PRIMARY (elasticity 1; pupils 2000 -> 2100 -> 2100 -> 1995; returners 5, new to
 * sector 2, assessment-only NQs 1 a year; postgraduate pipeline 10 in t=1, then planned;
 * conversion 1 x 0.8 x 0.5 = 0.4)
 * t=1: D1 = 98.5 * (1 + 1 * (2100/2000 - 1)) = 103.425
 *      leavers 1, 1, 1, 2.5, 2 -> 7.5 FTE; capacity 0.9 + 0.95 + 1 + 2.5 + 2 = 7.35
 *      stayers 9, 9, 19, 47.5, 8; induction gain G = 9*(0.95-0.9) + 9*(1-0.95) = 0.9
 *      W0 = min(98.5, 98.5) = 98.5
 *      E1 = 103.425 - 98.5 + 7.35 - 0.9 = 11.375
 *      N1 = (11.375 - 5 - 2 - 0.9*1) / 0.9 = 3.475 / 0.9 = 3.86111
 *      T1 = 3.86111 / 0.4 = 9.65278
 *      Q1 = 10 (pipeline) -> stages: ECT1 1 + 10 = 11; ECT2 9; 3-5 0.75*19 + 9 = 23.25;
 *      6+ 0.9*47.5 + 0.25*19 + 5 + 2 = 54.5; 55+ 8 + 0.1*47.5 = 12.75
 *      S1 = 110.5 (= 100 - 7.5 + 5 + 2 + 1 + 10); C1 = 0.9*11 + 0.95*9 + 90.5 = 108.95
 * t=2: D2 = 103.425 (no pupil change). Leavers 1.1, 0.9, 1.1625, 2.725, 2.55 = 8.4375 FTE,
 *      capacity 0.99 + 0.855 + 6.4375 = 8.2825. Stayers 9.9, 8.1, ...; G = 0.05*(9.9 + 8.1) = 0.9
 *      W1 = min(108.95, 103.425) = 103.425  (the surplus does not reduce need)
 *      E2 = 103.425 - 103.425 + 8.2825 - 0.9 = 7.3825
 *      N2 = (7.3825 - 7 - 0.9) / 0.9 = -0.575; T2 = -1.4375; Q2 = max(0, N2) = 0
 *      S2 = 110.5 - 8.4375 + 5 + 2 + 1 + 0 = 110.0625
 * t=3: D3 = 103.425 * 0.95 = 98.25375. ECT1 is now 1 FTE, ECT2 9.9:
 *      leavers 0.1, 0.99, 1.23328125, 2.95596875, 3.0755 = 8.35475 FTE, capacity 8.29525
 *      G = 0.9*0.05 + 8.91*0.05 = 0.4905; W2 = min(109.4675, 103.425) = 103.425
 *      E3 = 98.25375 - 103.425 + 8.29525 - 0.4905 = 2.6335
 *      N3 = (2.6335 - 7.9) / 0.9 = -5.85167
 *
 * ALPHA MATHEMATICS (elasticity 0.5; pupils 1500 -> 1560 -> 1620 -> 1620; returners 3, new
 * to sector 1; pipeline 2 in t=1, 3 in t=2, planned in t=3; conversion 0.89 x 0.7 = 0.623)
 * t=1: D1 = 98.5 * (1 + 0.5 * 0.04) = 100.47; leavers as primary (7.5 FTE, 7.35 capacity), G = 0.9
 *      E1 = 100.47 - 98.5 + 7.35 - 0.9 = 8.42;  N1 = (8.42 - 3 - 1) / 0.9 = 4.91111
 *      T1 = 4.91111 / 0.623 = 7.88300
 *      Q1 = 2 -> ECT1 2, ECT2 9, 3-5 23.25, 6+ 42.75 + 4.75 + 4 = 51.5, 55+ 12.75
 *      S1 = 98.5; C1 = 1.8 + 8.55 + 87.5 = 97.85  -> shortfall 100.47 - 97.85 = 2.62
 * t=2: D2 = 100.47 * (1 + 0.5 * (1620/1560 - 1)) = 102.402115
 *      leavers 0.2, 0.9, 1.1625, 2.575, 2.55 = 7.3875 FTE; capacity 0.18 + 0.855 + 6.2875 = 7.3225
 *      G = 1.8*0.05 + 8.1*0.05 = 0.495; W1 = min(97.85, 100.47) = 97.85 (the shortfall carries)
 *      E2 = 102.402115 - 97.85 + 7.3225 - 0.495 = 11.379615
 *      N2 = (11.379615 - 4) / 0.9 = 8.199573; Q2 = 3 -> S2 = 98.5 - 7.3875 + 3 + 1 + 3 = 98.1125
 *      C2 = 97.7225; shortfall 4.679615
 * t=3: D3 = D2 (no pupil change); W2 = 97.7225; planned year: Q3 = N3 = 8.704573, so
 *      supply C3 = D3 = 102.402115 and the shortfall is closed.
 */
function run() {
  const dataset = fixtureDataset();
  const parameters = resolveParameters(defaultParameters(dataset, TODAY), handWorkedOverrides());
  const inputs = buildModelInputs(dataset, parameters);
  return { inputs, result: runDeterministic(inputs) };
}

const PRIMARY = SUBJECT_GROUPS.indexOf('Primary');
const MATHS = SUBJECT_GROUPS.indexOf('Mathematics');

describe('hand-worked example (2 districts x 2 subjects x 3 years)', () => {
  const { inputs, result } = run();
  const value = (name: OutputName, district: number, group: number, t: number) =>
    result.outputs[name][cellIndex(inputs, district, group, t)]!;

  it('starts from base stock meeting base demand', () => {
    expect(result.base.stockFte[PRIMARY]).toBeCloseTo(100, 10);
    expect(result.base.supply[PRIMARY]).toBeCloseTo(98.5, 10);
    expect(result.base.demand[PRIMARY]).toBeCloseTo(98.5, 10);
  });

  it('reproduces Alpha primary step by step', () => {
    const expected = [
      {
        demand: 103.425,
        leavers: 7.5,
        leaversCapacity: 7.35,
        inductionGain: 0.9,
        entrantNeed: 11.375,
        nqtNeed: 3.475 / 0.9,
        traineeNeed: 3.475 / 0.9 / 0.4,
        postgraduateEntrants: 10,
        stockFte: 110.5,
        supply: 108.95,
      },
      {
        demand: 103.425,
        leavers: 8.4375,
        leaversCapacity: 8.2825,
        inductionGain: 0.9,
        entrantNeed: 7.3825,
        nqtNeed: -0.575,
        traineeNeed: -1.4375,
        postgraduateEntrants: 0,
        stockFte: 110.0625,
        supply: 109.4675,
      },
      {
        demand: 98.25375,
        leavers: 8.35475,
        leaversCapacity: 8.29525,
        inductionGain: 0.4905,
        entrantNeed: 2.6335,
        nqtNeed: -5.2665 / 0.9,
        postgraduateEntrants: 0,
      },
    ];
    expected.forEach((year, t) => {
      for (const [name, v] of Object.entries(year)) {
        expect(value(name as OutputName, 0, PRIMARY, t), `${name} t=${t + 1}`).toBeCloseTo(v, 9);
      }
      expect(value('returners', 0, PRIMARY, t)).toBeCloseTo(5, 12);
      expect(value('newToSector', 0, PRIMARY, t)).toBeCloseTo(2, 12);
      expect(value('otherRouteEntrants', 0, PRIMARY, t)).toBeCloseTo(1, 12);
    });
  });

  it('reproduces Alpha mathematics, carrying the shortfall forward until a planned year', () => {
    const d2 = 100.47 * (1 + 0.5 * (1620 / 1560 - 1));
    const expected = [
      {
        demand: 100.47,
        entrantNeed: 8.42,
        nqtNeed: 4.42 / 0.9,
        traineeNeed: 4.42 / 0.9 / 0.623,
        stockFte: 98.5,
        supply: 97.85,
        shortfall: 2.62,
      },
      {
        demand: d2,
        entrantNeed: d2 - 97.85 + 7.3225 - 0.495,
        nqtNeed: (d2 - 97.85 + 7.3225 - 0.495 - 4) / 0.9,
        postgraduateEntrants: 3,
        stockFte: 98.1125,
        supply: 97.7225,
        shortfall: d2 - 97.7225,
      },
      { demand: d2, supply: d2, shortfall: 0 },
    ];
    expected.forEach((year, t) => {
      for (const [name, v] of Object.entries(year)) {
        expect(value(name as OutputName, 0, MATHS, t), `${name} t=${t + 1}`).toBeCloseTo(v, 9);
      }
    });
    expect(value('postgraduateEntrants', 0, MATHS, 2)).toBeCloseTo(
      value('nqtNeed', 0, MATHS, 2),
      12,
    );
    expect(value('nqtNeed', 0, MATHS, 2)).toBeCloseTo(8.704572649572638, 9);
  });

  it('gives Beta exactly three times Alpha (every flow scales with stock and FTE share)', () => {
    for (const name of Object.keys(result.outputs) as OutputName[]) {
      for (const group of [PRIMARY, MATHS]) {
        for (let t = 0; t < 3; t++) {
          expect(value(name, 1, group, t), `${name} ${group} ${t}`).toBeCloseTo(
            3 * value(name, 0, group, t),
            8,
          );
        }
      }
    }
  });

  it('leaves subjects with no teaching at zero', () => {
    const physics = SUBJECT_GROUPS.indexOf('Physics');
    for (let t = 0; t < 3; t++) {
      expect(value('demand', 0, physics, t)).toBe(0);
      expect(value('nqtNeed', 0, physics, t)).toBe(0);
    }
  });
});
