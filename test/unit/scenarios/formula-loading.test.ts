/**
 * mathjs is imported the first time a formula is read, never before: a scenario without a
 * formula loads and runs without it, and one with a formula loads it. This file has its own
 * module state (Vitest isolates files), so nothing here has loaded mathjs before it starts.
 */
import { describe, expect, it } from 'vitest';
import { compileFormula, containsFormula, loadScenario } from '../../../src/scenarios/index.ts';

const NOT_LOADED = 'the formula parser is not loaded: await loadFormulaParser() first';

const scenario = (levers: Record<string, unknown>) => ({
  schemaVersion: 2,
  name: 'Test',
  description: '',
  levers,
});

describe('the formula parser loads on first use', () => {
  it('finds a formula anywhere in a scenario, and only a formula', () => {
    expect(containsFormula(scenario({ returnerMultiplier: 1.1 }))).toBe(false);
    expect(containsFormula(scenario({ returnerMultiplier: { formula: '1' } }))).toBe(true);
    expect(
      containsFormula(scenario({ recruitmentShare: { Physics: { formula: '0.5 + t' } } })),
    ).toBe(true);
    expect(containsFormula([{ formula: 'x' }])).toBe(true);
    expect(containsFormula({ name: 'formula', levers: ['formula'] })).toBe(false);
    expect(containsFormula(null)).toBe(false);
  });

  it('reads a scenario without formulas and leaves the parser unloaded', async () => {
    const loaded = await loadScenario(scenario({ returnerMultiplier: 1.1 }));
    expect(loaded.ok).toBe(true);
    expect(() => compileFormula('1 + t')).toThrow(NOT_LOADED);
  });

  it('loads the parser for a scenario with a formula, and checks the formula with it', async () => {
    const refused = await loadScenario(scenario({ returnerMultiplier: { formula: 'sin(t)' } }));
    expect(refused.ok || refused.issues.map((issue) => issue.path)).toEqual([
      'levers.returnerMultiplier.formula',
    ]);
    const loaded = await loadScenario(scenario({ returnerMultiplier: { formula: '1 + 0.1 * t' } }));
    expect(loaded.ok).toBe(true);
    expect(compileFormula('1 + t').evaluate({ year: 2026, t: 2 })).toBe(3);
  });
});
