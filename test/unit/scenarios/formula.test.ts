import { describe, expect, it } from 'vitest';
import {
  FORMULA_RULE,
  FormulaError,
  compileFormula,
  formulaProblem,
  loadFormulaParser,
} from '../../../src/scenarios/index.ts';

// The checks are synchronous once mathjs's parser has loaded (formula-loading.test.ts).
await loadFormulaParser();

describe('lever formulas', () => {
  it('evaluates arithmetic in year and t (hand-worked)', () => {
    // 1 - 0.02 x (2027 - 2025) = 0.96; max(0.5, 2^-2) = 0.5; -(3) + 2 x 2 = 1; 2t at t = 3 is 6.
    expect(compileFormula('1 - 0.02 * (year - 2025)').evaluate({ year: 2027, t: 3 })).toBeCloseTo(
      0.96,
      12,
    );
    expect(compileFormula('max(0.5, 2^-2)').evaluate({ year: 2026, t: 1 })).toBe(0.5);
    expect(compileFormula('min(800 + 200 * t, 2000)').evaluate({ year: 2030, t: 7 })).toBe(2000);
    expect(compileFormula('-(3) + 2 * 2').evaluate({ year: 2026, t: 1 })).toBe(1);
    expect(compileFormula('2t').evaluate({ year: 2026, t: 3 })).toBe(6);
    expect(compileFormula('1/3').evaluate({ year: 2026, t: 1 })).toBeCloseTo(1 / 3, 15);
  });

  it.each([
    ['import("fs")', '"import("fs")"'],
    ['evaluate("1+1")', '"evaluate("1+1")"'],
    ['x + 1', '"x"'],
    ['pi', '"pi"'],
    ['year = 2030', '"year = 2030"'],
    ['f(x) = x', '"f(x) = x"'],
    ['sin(year)', '"sin(year)"'],
    ['[1, 2]', '"[1, 2]"'],
    ['"text"', '""text""'],
    ['year > 2026', '"year > 2026"'],
    ['year!', '"year!"'],
    ['7 mod 2', '"7 mod 2"'],
    ['max()', '"max()"'],
    ['true', '"true"'],
  ])('refuses %s, naming %s', (text, named) => {
    expect(formulaProblem(text)).toBe(`${named} is not allowed: ${FORMULA_RULE}`);
  });

  it('refuses text that is not a formula, empty or too long', () => {
    expect(formulaProblem('1 +')).toMatch(/^cannot be read \(/);
    expect(formulaProblem('  ')).toBe('is empty: write a number or a formula in year');
    expect(formulaProblem('1+'.repeat(100) + '1')).toBe('is longer than 200 characters');
  });

  it('refuses a result that is not a finite number when evaluated', () => {
    const formula = compileFormula('1 / (year - 2026)');
    expect(formula.evaluate({ year: 2027, t: 2 })).toBe(1);
    expect(() => formula.evaluate({ year: 2026, t: 1 })).toThrow(FormulaError);
    expect(() => formula.evaluate({ year: 2026, t: 1 })).toThrow('gives Infinity for year 2026');
  });
});
