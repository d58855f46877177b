import { describe, expect, it } from 'vitest';
import {
  OUTPUT_NAMES,
  buildModelInputs,
  defaultParameters,
  mergeDrawChunks,
  resolveParameters,
  runDeterministic,
  runDraws,
  summariseDraws,
  type DrawResult,
} from '../../../src/model/index.ts';
import { randomLcg } from 'd3-random';
import { drawKey, drawNormal, fillNormals, sequentialUniforms } from '../../../src/model/random.ts';
import { fillGroupFactors, fillPupilFactors } from '../../../src/model/monte-carlo.ts';
import { deterministicFactors } from '../../../src/model/simulate.ts';
import { fixtureDataset, handWorkedOverrides } from './fixtures.ts';
import { fixedClock } from '../../../src/data/clock.ts';

/** Plans are made from a date; the tests fix it. */
const TODAY = fixedClock('2026-12-03')();

const dataset = fixtureDataset();
const inputs = buildModelInputs(dataset, resolveParameters(defaultParameters(dataset, TODAY)));

describe('Monte Carlo', () => {
  it('equals the deterministic run exactly with zero spread', () => {
    const central = runDeterministic(inputs);
    const draws = runDraws(inputs, { seed: 7, firstDraw: 0, drawCount: 5, spread: 0 });
    for (const name of OUTPUT_NAMES) {
      const values = draws.outputs[name]!;
      for (let d = 0; d < 5; d++) {
        expect(values.subarray(d * inputs.cellCount, (d + 1) * inputs.cellCount)).toEqual(
          central.outputs[name],
        );
      }
    }
    const summary = summariseDraws(draws);
    expect(summary.traineeNeed!.p10).toEqual(central.outputs.traineeNeed);
    expect(summary.traineeNeed!.p50).toEqual(central.outputs.traineeNeed);
    expect(summary.traineeNeed!.p90).toEqual(central.outputs.traineeNeed);
  });

  it('is reproducible for a seed and differs between seeds', () => {
    const options = { firstDraw: 0, drawCount: 20, outputs: ['traineeNeed'] as const };
    const a = runDraws(inputs, { ...options, seed: 1 });
    const b = runDraws(inputs, { ...options, seed: 1 });
    const c = runDraws(inputs, { ...options, seed: 2 });
    expect(a.outputs.traineeNeed).toEqual(b.outputs.traineeNeed);
    expect(a.outputs.traineeNeed).not.toEqual(c.outputs.traineeNeed);
  });

  it('gives the same draws however they are split into chunks (as the worker pool splits them)', () => {
    const whole = runDraws(inputs, { seed: 11, firstDraw: 0, drawCount: 23 });
    const chunks: DrawResult[] = [];
    // Uneven chunks, passed out of order, as workers may finish.
    for (const [firstDraw, drawCount] of [
      [15, 8],
      [0, 7],
      [7, 8],
    ] as const) {
      chunks.push(runDraws(inputs, { seed: 11, firstDraw, drawCount }));
    }
    const merged = mergeDrawChunks(chunks);
    expect(merged.drawCount).toBe(23);
    for (const name of OUTPUT_NAMES) expect(merged.outputs[name]).toEqual(whole.outputs[name]);
    expect(summariseDraws(merged)).toEqual(summariseDraws(whole));
  });

  it('rejects chunks that do not tile the draws', () => {
    const a = runDraws(inputs, { seed: 1, firstDraw: 0, drawCount: 3, outputs: ['demand'] });
    const c = runDraws(inputs, { seed: 1, firstDraw: 4, drawCount: 3, outputs: ['demand'] });
    expect(() => mergeDrawChunks([a, c])).toThrow(/do not tile/);
  });

  it('spreads outputs with spread > 0 and orders the percentiles', () => {
    // Hand-worked parameters: primary elasticity 1, so demand follows the pupil error in full.
    const handWorked = buildModelInputs(
      dataset,
      resolveParameters(defaultParameters(dataset, TODAY), handWorkedOverrides()),
    );
    const draws = runDraws(handWorked, {
      seed: 3,
      firstDraw: 0,
      drawCount: 200,
      outputs: ['traineeNeed', 'demand'],
    });
    const summary = summariseDraws(draws);
    const range = summary.traineeNeed!;
    let widest = 0;
    for (let i = 0; i < handWorked.cellCount; i++) {
      expect(range.p10[i]).toBeLessThanOrEqual(range.p50[i]!);
      expect(range.p50[i]).toBeLessThanOrEqual(range.p90[i]!);
      widest = Math.max(widest, range.p90[i]! - range.p10[i]!);
    }
    expect(widest).toBeGreaterThan(0);
    // Pupil projection error grows with the horizon: demand ranges widen year on year.
    const alphaPrimary = [0, 1, 2].map((t) => summary.demand!.p90[t]! - summary.demand!.p10[t]!);
    expect(alphaPrimary[2]).toBeGreaterThan(alphaPrimary[0]!);
  });

  /*
   * Hand-worked multiplier of a drawn flow: 1 + phase SD x z_phase + subject SD x z_group, with
   * z_phase from stream 2f + phase (shared by every subject of the phase) and z_group from
   * stream 8 + 6g + f (8 = four drawn flows x two phases; six streams per group).
   */
  it('draws each flow as a phase-wide shock plus a subject shock (hand-worked)', () => {
    const key = drawKey(5, 0);
    const normals = new Float64Array(8 + 6 * inputs.groupCount);
    fillNormals(key, 0, normals.length, normals);
    const factors = deterministicFactors(inputs);
    fillGroupFactors(inputs, key, 1, factors);
    const maths = inputs.groups.indexOf('Mathematics');
    const leaverSd = inputs.uncertainty.flowPhaseSd[0]![1]!;
    const subjectSd = inputs.uncertainty.flowSubjectSd[0]!;
    expect(factors.leaverMultiplier[maths]).toBeCloseTo(
      1 + leaverSd * normals[1]! + subjectSd * normals[8 + 6 * maths]!,
      12,
    );
    // Primary is one group: only its phase shock (stream 2 x 3 + 0 for the pipeline).
    expect(factors.pipelineMultiplier[0]).toBeCloseTo(
      1 + inputs.uncertainty.flowPhaseSd[3]![0]! * normals[6]!,
      12,
    );
  });

  /*
   * Hand-worked pupils of a draw: projection x (1 + sd_phase x z x (t + 1)), one z per district
   * and phase from the streams after the group factors and elasticities (8 + 6G + 2), each
   * phase with its own SD per year of horizon. No fixture row is counted, so year t is t + 1
   * years after the last census count, the base year (counted rows: pupil-counts.test.ts).
   */
  it('draws pupil projection error per district and phase with that phase SD (hand-worked)', () => {
    const phaseSd = Float64Array.of(0.02, 0.005);
    const withSd = {
      ...inputs,
      uncertainty: { ...inputs.uncertainty, pupilProjectionErrorSdPerYear: phaseSd },
    };
    const key = drawKey(3, 0);
    const first = 8 + 6 * inputs.groupCount + 2;
    const normals = new Float64Array(first + inputs.districtCount * 2);
    fillNormals(key, 0, normals.length, normals);
    const factors = deterministicFactors(withSd);
    fillPupilFactors(withSd, key, 1, factors);
    const Y = inputs.yearCount;
    for (let a = 0; a < inputs.districtCount; a++) {
      for (const ph of [0, 1]) {
        for (const t of [0, Y - 1]) {
          const i = (a * 2 + ph) * Y + t;
          const z = normals[first + a * 2 + ph]!;
          expect(factors.pupils[i]).toBeCloseTo(
            inputs.pupils[i]! * (1 + phaseSd[ph]! * z * (t + 1)),
            9,
          );
        }
      }
    }
  });

  it('gives phase totals the common risk of the phase-wide shock', () => {
    const secondary = inputs.groups.map((_, g) => g).filter((g) => inputs.groupPhase[g] === 1);
    const meanMultiplierSd = (phaseSd: number) => {
      const flowPhaseSd = inputs.uncertainty.flowPhaseSd.map(() =>
        Float64Array.of(phaseSd, phaseSd),
      );
      const shocked = { ...inputs, uncertainty: { ...inputs.uncertainty, flowPhaseSd } };
      const factors = deterministicFactors(shocked);
      const means: number[] = [];
      for (let d = 0; d < 2000; d++) {
        fillGroupFactors(shocked, drawKey(9, d), 1, factors);
        means.push(
          secondary.reduce((sum, g) => sum + factors.leaverMultiplier[g]!, 0) / secondary.length,
        );
      }
      const mean = means.reduce((sum, m) => sum + m, 0) / means.length;
      return Math.sqrt(means.reduce((sum, m) => sum + (m - mean) ** 2, 0) / (means.length - 1));
    };
    // Subject shocks alone average out over the subjects: SD subjectSd / sqrt(n); the common
    // shock does not: SD sqrt(phaseSd^2 + subjectSd^2 / n).
    const n = secondary.length;
    const subjectSd = inputs.uncertainty.flowSubjectSd[0]!;
    expect(meanMultiplierSd(0)).toBeCloseTo(subjectSd / Math.sqrt(n), 2);
    expect(meanMultiplierSd(0.05)).toBeCloseTo(Math.sqrt(0.05 ** 2 + subjectSd ** 2 / n), 2);
  });

  it('computes P10/P50/P90 by linear interpolation (hand-worked)', () => {
    // Five draws of one cell: sorted 1, 2, 3, 4, 10. Positions (n-1)q = 0.4, 2, 3.6:
    // P10 = 1 + 0.4 * (2 - 1) = 1.4; P50 = 3; P90 = 4 + 0.6 * (10 - 4) = 7.6.
    const summary = summariseDraws({
      seed: 0,
      firstDraw: 0,
      drawCount: 5,
      cellCount: 1,
      outputs: { nqtNeed: Float64Array.of(3, 10, 1, 4, 2) },
    });
    expect(summary.nqtNeed!.p10[0]).toBeCloseTo(1.4, 12);
    expect(summary.nqtNeed!.p50[0]).toBe(3);
    expect(summary.nqtNeed!.p90[0]).toBeCloseTo(7.6, 12);
  });

  it('fills runs of normals exactly as one at a time, from any first stream', () => {
    const key = drawKey(3, 8);
    for (const [first, count] of [
      [0, 10],
      [1, 10],
      [5, 1],
      [7, 4],
      [78, 18],
    ] as const) {
      const filled = new Float64Array(count);
      fillNormals(key, first, count, filled);
      expect([...filled]).toEqual(
        Array.from({ length: count }, (_, i) => drawNormal(key, first + i)),
      );
    }
  });

  it("draws fixture uniforms exactly as d3-random's randomLcg, for fractional and whole seeds", () => {
    for (const seed of [0, 0.5, 0.02026, 20_240, -7]) {
      const ours = sequentialUniforms(seed);
      const d3 = randomLcg(seed);
      for (let i = 0; i < 50; i++) expect(ours(), `seed ${seed}`).toBe(d3());
    }
  });

  it('gives uncorrelated halves of a Box-Muller pair', () => {
    // Correlation of streams 0 and 1 over 20,000 draws: within four standard errors (0.028).
    const pairs = Array.from({ length: 20_000 }, (_, d) => [
      drawNormal(drawKey(4, d), 0),
      drawNormal(drawKey(4, d), 1),
    ]);
    const product = pairs.reduce((sum, [a, b]) => sum + a! * b!, 0) / pairs.length;
    expect(Math.abs(product)).toBeLessThan(0.028);
  });

  it('takes each random number from (seed, draw, stream) only', () => {
    const key = drawKey(1, 5);
    expect(drawKey(1, 5)).toBe(key);
    expect(drawKey(1, 6)).not.toBe(key);
    expect(drawKey(2, 5)).not.toBe(key);
    expect(drawNormal(key, 3)).toBe(drawNormal(drawKey(1, 5), 3));
    expect(drawNormal(key, 3)).not.toBe(drawNormal(key, 4));
    // 20,000 normals from consecutive draws and streams: mean 0 and variance 1 within
    // four standard errors (0.028 for the mean, 0.04 for the variance).
    const values = Array.from({ length: 20_000 }, (_, i) => drawNormal(drawKey(9, i >> 2), i & 3));
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.028);
    expect(Math.abs(variance - 1)).toBeLessThan(0.04);
    // About 10% below the normal's P10 (-1.2816), within four standard errors (0.0085).
    const below = values.filter((v) => v < -1.2816).length / values.length;
    expect(Math.abs(below - 0.1)).toBeLessThan(0.0085);
  });

  it('rejects bad draw options with the option named', () => {
    expect(() => runDraws(inputs, { seed: 1.5, firstDraw: 0, drawCount: 1 })).toThrow(/seed/);
    expect(() => runDraws(inputs, { seed: 1, firstDraw: -1, drawCount: 1 })).toThrow(/firstDraw/);
    expect(() => runDraws(inputs, { seed: 1, firstDraw: 0, drawCount: 1, spread: -1 })).toThrow(
      /spread/,
    );
  });
});
