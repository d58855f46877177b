/**
 * Lever formulas: a lever that varies over time may be written as an expression in the year,
 * e.g. `1 - 0.02 * t` or `max(0.8, 1 - 0.01 * (year - 2025))`.
 *
 * mathjs only parses the text. The tree is then checked against a whitelist (numbers, the
 * symbols `year` and `t`, + - * / ^, unary minus, brackets, min and max) and evaluated by the
 * small interpreter below, never by mathjs's evaluate: nothing a user types can reach a
 * function, a variable or the page, and nothing needs `new Function` (the CSP forbids it).
 *
 * mathjs is a quarter of the app's code and seconds of a CLI's start-up, so it is imported the
 * first time a formula is read: `loadScenario` and the other async readers call
 * `prepareFormulas(value)` before their synchronous checks, which loads the parser only when
 * the value holds a formula.
 */
import type { MathNode } from 'mathjs';

let parse: ((text: string) => MathNode) | undefined;
let loading: Promise<void> | undefined;

/** Imports mathjs's parser once; later calls share the first. A failed import may be retried. */
export function loadFormulaParser(): Promise<void> {
  loading ??= import('./formula-parser.ts').then(
    (module) => {
      parse = module.parse;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Whether a parsed JSON value holds a `{ "formula": ... }` anywhere. */
export function containsFormula(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (!Array.isArray(value) && Object.hasOwn(value, 'formula')) return true;
  return Object.values(value).some(containsFormula);
}

/**
 * Loads the parser when `value` holds a formula, so the synchronous checks can read it. Returns
 * the reason, in words, when it cannot be loaded (e.g. the connection dropped), else null.
 */
export async function prepareFormulas(value: unknown): Promise<string | null> {
  if (!containsFormula(value)) return null;
  try {
    await loadFormulaParser();
    return null;
  } catch (error) {
    return `the formula reader could not be loaded (${error instanceof Error ? error.message : String(error)}); check your connection and try again`;
  }
}

/** The values a formula may use: `year` = first calendar year of the academic year (2026 for 2026/27), `t` = years after the base year. */
export interface FormulaScope {
  year: number;
  t: number;
}

export const FORMULA_RULE = 'only numbers, + - * / ^, min, max, year and t';
const MAX_FORMULA_LENGTH = 200;
const BINARY: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '^': (a, b) => a ** b,
};
const FUNCTIONS: Record<string, (...values: number[]) => number> = { min: Math.min, max: Math.max };
const SYMBOLS = new Set<keyof FormulaScope>(['year', 't']);

export class FormulaError extends Error {
  override name = 'FormulaError';
}

/** A checked formula: only whitelisted nodes, ready to evaluate. */
export interface Formula {
  text: string;
  evaluate(scope: FormulaScope): number;
}

type Checked =
  | { kind: 'number'; value: number }
  | { kind: 'symbol'; name: keyof FormulaScope }
  | { kind: 'unary'; argument: Checked }
  | { kind: 'binary'; op: string; left: Checked; right: Checked }
  | { kind: 'call'; name: string; args: Checked[] };

function refuse(node: MathNode): never {
  throw new FormulaError(`"${node.toString()}" is not allowed: ${FORMULA_RULE}`);
}

/** Walks the mathjs tree; anything off the whitelist is refused with the node named. */
function check(node: MathNode): Checked {
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as unknown as { value: unknown }).value;
      if (typeof value !== 'number' || !Number.isFinite(value)) refuse(node);
      return { kind: 'number', value };
    }
    case 'SymbolNode': {
      const name = (node as unknown as { name: string }).name;
      if (!SYMBOLS.has(name as keyof FormulaScope)) refuse(node);
      return { kind: 'symbol', name: name as keyof FormulaScope };
    }
    case 'ParenthesisNode':
      return check((node as unknown as { content: MathNode }).content);
    case 'OperatorNode': {
      const { op, fn, args } = node as unknown as { op: string; fn: string; args: MathNode[] };
      if (args.length === 1 && (fn === 'unaryMinus' || fn === 'unaryPlus')) {
        const argument = check(args[0]!);
        return fn === 'unaryMinus' ? { kind: 'unary', argument } : argument;
      }
      if (args.length !== 2 || !(op in BINARY)) refuse(node);
      return { kind: 'binary', op, left: check(args[0]!), right: check(args[1]!) };
    }
    case 'FunctionNode': {
      const { fn, args } = node as unknown as { fn: MathNode; args: MathNode[] };
      const name = fn.type === 'SymbolNode' ? (fn as unknown as { name: string }).name : '';
      if (!(name in FUNCTIONS) || args.length === 0) refuse(node);
      return { kind: 'call', name, args: args.map(check) };
    }
    default:
      refuse(node);
  }
}

function run(node: Checked, scope: FormulaScope): number {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'symbol':
      return scope[node.name];
    case 'unary':
      return -run(node.argument, scope);
    case 'binary':
      return BINARY[node.op]!(run(node.left, scope), run(node.right, scope));
    case 'call':
      return FUNCTIONS[node.name]!(...node.args.map((arg) => run(arg, scope)));
  }
}

/** Parses and checks a formula. Throws FormulaError with a message a user can act on. */
export function compileFormula(text: string): Formula {
  if (text.trim() === '') throw new FormulaError('is empty: write a number or a formula in year');
  if (text.length > MAX_FORMULA_LENGTH) {
    throw new FormulaError(`is longer than ${MAX_FORMULA_LENGTH} characters`);
  }
  if (!parse) throw new Error('the formula parser is not loaded: await loadFormulaParser() first');
  let tree: MathNode;
  try {
    tree = parse(text);
  } catch (error) {
    throw new FormulaError(`cannot be read (${(error as Error).message})`);
  }
  const checked = check(tree);
  return {
    text,
    evaluate(scope) {
      const value = run(checked, scope);
      if (!Number.isFinite(value)) {
        throw new FormulaError(
          `gives ${value} for year ${scope.year}: it must give a finite number`,
        );
      }
      return value;
    },
  };
}

/** The reason a formula is refused, or null when it is allowed. */
export function formulaProblem(text: string): string | null {
  try {
    compileFormula(text);
    return null;
  } catch (error) {
    if (error instanceof FormulaError) return error.message;
    throw error;
  }
}
