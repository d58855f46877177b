import { describe, expect, it } from 'vitest';
import {
  ModelInputError,
  buildModelInputs,
  defaultParameters,
  parseScenario,
  resolveParameters,
  type ParameterOverrides,
} from '../../../src/model/index.ts';
import { ALPHA, fixtureDataset } from './fixtures.ts';
import { fixedClock } from '../../../src/data/clock.ts';

/** Plans are made from a date; the tests fix it. */
const TODAY = fixedClock('2026-12-03')();

function errorOf(action: () => unknown): ModelInputError {
  try {
    action();
  } catch (error) {
    if (error instanceof ModelInputError) return error;
    throw error;
  }
  throw new Error('expected a ModelInputError');
}

const dataset = fixtureDataset();
const resolve = (overrides: unknown) =>
  resolveParameters(defaultParameters(dataset, TODAY), overrides as ParameterOverrides);

describe('bad parameters get a ModelInputError naming the value', () => {
  it.each([
    [
      'negative rate',
      { leaverRates: { Physics: { ect1: -0.1 } } },
      'leaverRates.Physics.ect1',
      /between 0 and 1.*-0.1/,
    ],
    [
      'rate above 1',
      { leaverRates: { Primary: { over55: 1.2 } } },
      'leaverRates.Primary.over55',
      /between 0 and 1.*1.2/,
    ],
    [
      'NaN',
      { completionRate: { Physics: Number.NaN } },
      'completionRate.Physics',
      /must be a number/,
    ],
    [
      'text for a number',
      { elasticity: { primary: '0.8' } },
      'elasticity.primary',
      /must be a number/,
    ],
    [
      'negative count',
      { returners: { Mathematics: { '2025/26': -5 } } },
      'returners.Mathematics.2025/26',
      /non-negative/,
    ],
    ['unknown parameter', { leaverRate: {} }, 'leaverRate', /not a model parameter/],
    [
      'unknown subject',
      { leaverRates: { Physcis: { ect1: 0.1 } } },
      'leaverRates.Physcis',
      /not a model parameter/,
    ],
    [
      'stage shares not summing to 1',
      { stageShares: { Primary: { ect1: 0.5 } } },
      'stageShares.Primary',
      /sum to 1/,
    ],
    ['bad induction length', { inductionYears: 3 }, 'inductionYears', /0, 1 or 2/],
    ['bad demand mode', { demandMode: 'pupils' }, 'demandMode', /elasticity/],
  ])('%s', (_label, overrides, path, message) => {
    const error = errorOf(() => resolve(overrides));
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
  });

  it('names a local observation for a district that is not in the dataset', () => {
    const parameters = resolve({
      localLeavers: [
        { districtCode: 'E99999999', subject: 'Primary', leaversFte: 1, stockFte: 10 },
      ],
    });
    const error = errorOf(() => buildModelInputs(dataset, parameters));
    expect(error.path).toBe('localLeavers[0].districtCode');
    expect(error.message).toMatch(/E99999999/);
  });

  it('names a district with no baseline', () => {
    const broken = fixtureDataset();
    broken.baselines = broken.baselines.filter(
      (b) => !(b.districtCode === ALPHA && b.phase === 'secondary'),
    );
    const error = errorOf(() => buildModelInputs(broken, resolve({})));
    expect(error.path).toBe(`baselines.${ALPHA}.secondary`);
    expect(error.message).toMatch(/Alpha/);
  });

  it('names a missing pupil projection and a NaN baseline', () => {
    const noProjection = fixtureDataset();
    noProjection.pupilProjections = noProjection.pupilProjections.filter(
      (p) => !(p.districtCode === ALPHA && p.phase === 'primary' && p.year === '2026/27'),
    );
    expect(
      errorOf(() => buildModelInputs(noProjection, resolve({ projectionYears: 3 }))).path,
    ).toBe(`pupilProjections.${ALPHA}.primary.2026/27`);
    const nan = fixtureDataset();
    nan.baselines[0]!.teacherFte = Number.NaN;
    expect(errorOf(() => buildModelInputs(nan, resolve({}))).path).toBe(
      `baselines.${ALPHA}.primary.teacherFte`,
    );
  });

  it('leaves the defaults untouched when an override fails', () => {
    const defaults = defaultParameters(dataset, TODAY);
    const before = JSON.stringify(defaults);
    expect(() => resolveParameters(defaults, { leaverRates: { Physics: { ect1: 2 } } })).toThrow(
      ModelInputError,
    );
    expect(JSON.stringify(defaults)).toBe(before);
  });
});

describe('scenario envelope', () => {
  it('accepts a minimal scenario and rejects unknown fields and versions', () => {
    const scenario = parseScenario({
      schemaVersion: 1,
      name: 'Test',
      description: '',
      parameters: { inductionYears: 1 },
    });
    expect(scenario.parameters).toEqual({ inductionYears: 1 });
    expect(
      errorOf(() => parseScenario({ schemaVersion: 2, name: 'x', description: '' })).path,
    ).toBe('schemaVersion');
    expect(
      errorOf(() => parseScenario({ schemaVersion: 1, name: 'x', description: '', extra: 1 })).path,
    ).toBe('extra');
    expect(errorOf(() => parseScenario([])).path).toBe('(scenario)');
  });
});
