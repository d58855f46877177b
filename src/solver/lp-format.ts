import type { LinearModel } from './model.ts';

/**
 * Writes a model as CPLEX LP text, so anyone can check it with another solver (HiGHS, CBC,
 * GLPK, Gurobi, CPLEX all read it). Ranged rows are written as two rows (`name_lo`,
 * `name_hi`); a non-zero objective constant becomes a column fixed at 1, because not every
 * LP reader accepts a constant in the objective.
 */
export function toCplexLp(model: LinearModel, comment?: string): string {
  const lines: string[] = [];
  for (const line of (comment ?? `Model ${model.name}`).split('\n')) lines.push(`\\ ${line}`);
  lines.push(model.sense === 'minimize' ? 'Minimize' : 'Maximize');

  const objectiveTerms: string[] = [];
  model.colCost.forEach((cost, col) => {
    if (cost !== 0) objectiveTerms.push(term(cost, model.colNames[col]!));
  });
  const constantColumn = model.offset !== 0 ? uniqueConstantName(model) : null;
  if (constantColumn) objectiveTerms.push(term(model.offset, constantColumn));
  // An objective needs at least one term to parse.
  if (objectiveTerms.length === 0 && model.colNames.length > 0) {
    objectiveTerms.push(term(0, model.colNames[0]!));
  }
  lines.push(...wrap(' obj:', objectiveTerms));

  lines.push('Subject To');
  for (let row = 0; row < model.rowNames.length; row += 1) {
    const terms: string[] = [];
    for (let k = model.rowStarts[row]!; k < model.rowStarts[row + 1]!; k += 1) {
      terms.push(term(model.rowValues[k]!, model.colNames[model.rowIndices[k]!]!));
    }
    if (terms.length === 0) terms.push(term(0, model.colNames[0] ?? constantColumn ?? 'empty'));
    const name = model.rowNames[row]!;
    const lower = model.rowLower[row]!;
    const upper = model.rowUpper[row]!;
    if (lower === upper) {
      lines.push(...wrap(` ${name}:`, terms, `= ${number(upper)}`));
    } else if (Number.isFinite(lower) && Number.isFinite(upper)) {
      lines.push(...wrap(` ${name}_lo:`, terms, `>= ${number(lower)}`));
      lines.push(...wrap(` ${name}_hi:`, terms, `<= ${number(upper)}`));
    } else if (Number.isFinite(lower)) {
      lines.push(...wrap(` ${name}:`, terms, `>= ${number(lower)}`));
    } else if (Number.isFinite(upper)) {
      lines.push(...wrap(` ${name}:`, terms, `<= ${number(upper)}`));
    }
    // A row free on both sides constrains nothing and is left out.
  }

  lines.push('Bounds');
  model.colNames.forEach((name, col) => {
    const lower = model.colLower[col]!;
    const upper = model.colUpper[col]!;
    if (lower === 0 && upper === Number.POSITIVE_INFINITY) return;
    if (lower === Number.NEGATIVE_INFINITY && upper === Number.POSITIVE_INFINITY) {
      lines.push(` ${name} free`);
    } else if (lower === upper) {
      lines.push(` ${name} = ${number(lower)}`);
    } else {
      lines.push(` ${bound(lower)} <= ${name} <= ${bound(upper)}`);
    }
  });
  if (constantColumn) lines.push(` ${constantColumn} = 1`);

  const generals = model.colNames.filter((_, col) => model.colInteger[col] === 1);
  if (generals.length > 0) {
    lines.push('General');
    for (let start = 0; start < generals.length; start += 8) {
      lines.push(` ${generals.slice(start, start + 8).join(' ')}`);
    }
  }
  lines.push('End', '');
  return lines.join('\n');
}

function uniqueConstantName(model: LinearModel): string {
  const names = new Set(model.colNames);
  let name = 'objective_constant';
  while (names.has(name)) name = `${name}_`;
  return name;
}

function number(value: number): string {
  return String(value);
}

function bound(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return '+inf';
  if (value === Number.NEGATIVE_INFINITY) return '-inf';
  return number(value);
}

function term(coefficient: number, name: string): string {
  return coefficient < 0 ? `- ${number(-coefficient)} ${name}` : `+ ${number(coefficient)} ${name}`;
}

/** Keeps lines short: some LP readers limit line length. */
function wrap(head: string, terms: string[], tail?: string): string[] {
  const lines: string[] = [];
  const perLine = 8;
  for (let start = 0; start < terms.length; start += perLine) {
    const chunk = terms.slice(start, start + perLine).join(' ');
    lines.push(start === 0 ? `${head} ${chunk}` : `   ${chunk}`);
  }
  if (lines.length === 0) lines.push(head);
  if (tail) lines[lines.length - 1] += ` ${tail}`;
  return lines;
}
