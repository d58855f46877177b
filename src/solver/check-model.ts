import { objectiveValue, rowActivities, type LinearModel } from './model.ts';

export interface ModelViolation {
  kind: 'row' | 'column-bound' | 'integrality' | 'objective';
  name: string;
  /** How far outside its bound (or from a whole number, or from the reported objective). */
  amount: number;
  message: string;
}

export interface ModelCheckOptions {
  /** Absolute tolerance plus this fraction of the bound's size. */
  absoluteTolerance?: number;
  relativeTolerance?: number;
  integralityTolerance?: number;
  /** Check integrality of integer columns (off for an LP relaxation). */
  integer?: boolean;
  /** When given, the objective recomputed from the point must match it. */
  reportedObjective?: number | null;
}

/**
 * Verifies a point against every row, bound and integrality requirement of the model,
 * recomputing the row activities from the matrix instead of trusting the solver's. A solver
 * stopped by its time limit can return a point that breaks constraints badly; this catches it.
 */
export function checkModelSolution(
  model: LinearModel,
  colValue: ArrayLike<number>,
  options: ModelCheckOptions = {},
): ModelViolation[] {
  const absolute = options.absoluteTolerance ?? 1e-6;
  const relative = options.relativeTolerance ?? 1e-7;
  const integralityTolerance = options.integralityTolerance ?? 1e-6;
  const violations: ModelViolation[] = [];
  if (colValue.length !== model.colNames.length) {
    return [
      {
        kind: 'column-bound',
        name: model.name,
        amount: Math.abs(colValue.length - model.colNames.length),
        message: `The solution has ${colValue.length} values for ${model.colNames.length} columns.`,
      },
    ];
  }
  const tolerance = (boundValue: number) => absolute + relative * Math.abs(boundValue);

  for (let col = 0; col < model.colNames.length; col += 1) {
    const value = colValue[col]!;
    const name = model.colNames[col]!;
    if (!Number.isFinite(value)) {
      violations.push({
        kind: 'column-bound',
        name,
        amount: Infinity,
        message: `${name} is ${value}`,
      });
      continue;
    }
    const lower = model.colLower[col]!;
    const upper = model.colUpper[col]!;
    if (value < lower - tolerance(lower)) {
      violations.push({
        kind: 'column-bound',
        name,
        amount: lower - value,
        message: `${name} = ${value} is below its lower bound ${lower}`,
      });
    }
    if (value > upper + tolerance(upper)) {
      violations.push({
        kind: 'column-bound',
        name,
        amount: value - upper,
        message: `${name} = ${value} is above its upper bound ${upper}`,
      });
    }
    if (options.integer && model.colInteger[col] === 1) {
      const distance = Math.abs(value - Math.round(value));
      if (distance > integralityTolerance) {
        violations.push({
          kind: 'integrality',
          name,
          amount: distance,
          message: `${name} = ${value} should be a whole number`,
        });
      }
    }
  }

  const activity = rowActivities(model, colValue);
  for (let row = 0; row < model.rowNames.length; row += 1) {
    const value = activity[row]!;
    const name = model.rowNames[row]!;
    const lower = model.rowLower[row]!;
    const upper = model.rowUpper[row]!;
    if (value < lower - tolerance(lower)) {
      violations.push({
        kind: 'row',
        name,
        amount: lower - value,
        message: `${name}: activity ${value} is below ${lower}`,
      });
    }
    if (value > upper + tolerance(upper)) {
      violations.push({
        kind: 'row',
        name,
        amount: value - upper,
        message: `${name}: activity ${value} is above ${upper}`,
      });
    }
  }

  if (options.reportedObjective !== undefined && options.reportedObjective !== null) {
    const recomputed = objectiveValue(model, colValue);
    const difference = Math.abs(recomputed - options.reportedObjective);
    if (difference > 1e-5 + 1e-6 * Math.abs(recomputed)) {
      violations.push({
        kind: 'objective',
        name: 'objective',
        amount: difference,
        message: `Reported objective ${options.reportedObjective} differs from recomputed ${recomputed}`,
      });
    }
  }
  return violations;
}
