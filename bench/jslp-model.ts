import type { LinearModel } from '../src/solver/model.ts';

/**
 * The model in javascript-lp-solver's JSON form. That solver is only the benchmark baseline
 * and a cross-check on tiny test models (in our trials it was orders of magnitude slower than
 * HiGHS, cycled, and returned fractional "feasible" integer points on timeout), so the app
 * never ships it; this conversion has no dependency on it.
 */
export interface JsLpModel {
  optimize: string;
  opType: 'min' | 'max';
  constraints: Record<string, { min?: number; max?: number; equal?: number }>;
  variables: Record<string, Record<string, number>>;
  ints: Record<string, 1>;
  options?: { timeout?: number; tolerance?: number };
}

export const JSLP_OBJECTIVE = '__objective';

export function toJsLpModel(model: LinearModel, options?: JsLpModel['options']): JsLpModel {
  const constraints: JsLpModel['constraints'] = {};
  const variables: JsLpModel['variables'] = {};
  const ints: JsLpModel['ints'] = {};
  model.colNames.forEach((name, col) => {
    const lower = model.colLower[col]!;
    const upper = model.colUpper[col]!;
    // javascript-lp-solver keeps every variable >= 0; other lower bounds become rows.
    if (lower < 0)
      throw new Error(
        `Column ${name} has a negative lower bound, which javascript-lp-solver cannot take.`,
      );
    variables[name] = { [JSLP_OBJECTIVE]: model.colCost[col]! };
    if (lower > 0) {
      constraints[`lb_${name}`] = { min: lower };
      variables[name][`lb_${name}`] = 1;
    }
    if (Number.isFinite(upper)) {
      constraints[`ub_${name}`] = { max: upper };
      variables[name][`ub_${name}`] = 1;
    }
    if (model.colInteger[col] === 1) ints[name] = 1;
  });
  model.rowNames.forEach((name, row) => {
    const lower = model.rowLower[row]!;
    const upper = model.rowUpper[row]!;
    constraints[name] =
      lower === upper
        ? { equal: lower }
        : {
            ...(Number.isFinite(lower) ? { min: lower } : {}),
            ...(Number.isFinite(upper) ? { max: upper } : {}),
          };
    for (let k = model.rowStarts[row]!; k < model.rowStarts[row + 1]!; k += 1) {
      variables[model.colNames[model.rowIndices[k]!]!]![name] = model.rowValues[k]!;
    }
  });
  return {
    optimize: JSLP_OBJECTIVE,
    opType: model.sense === 'minimize' ? 'min' : 'max',
    constraints,
    variables,
    ints,
    ...(options ? { options } : {}),
  };
}
