/**
 * Keeping a HiGHS model alive between solves (warm slots, highs-engine.ts): how a new model
 * differs from the one already in HiGHS, and how the last basis carries over to a model of
 * another shape.
 */
import type { BasisInput, Model } from 'highs';
import { BASIS_STATUS, type Basis } from './engine.ts';
import type { LinearModel } from './model.ts';

function equalArrays(a: ArrayLike<unknown>, b: ArrayLike<unknown>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Same columns and rows (by name, in order), the same integer columns and the same matrix
 * pattern: only bounds, costs and coefficient values may differ.
 */
export function sameStructure(a: LinearModel, b: LinearModel): boolean {
  return (
    a.sense === b.sense &&
    equalArrays(a.colNames, b.colNames) &&
    equalArrays(a.rowNames, b.rowNames) &&
    equalArrays(a.colInteger, b.colInteger) &&
    equalArrays(a.rowStarts, b.rowStarts) &&
    equalArrays(a.rowIndices, b.rowIndices)
  );
}

/** Indices where two arrays differ. */
function changed(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const indices: number[] = [];
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) indices.push(i);
  return indices;
}

/**
 * Brings a native model holding `from` up to `to` (sameStructure must hold) by bound, cost,
 * coefficient and offset changes, so HiGHS keeps its basis.
 */
export function applyModelChanges(native: Model, from: LinearModel, to: LinearModel): void {
  if (from.offset !== to.offset) native.changeObjectiveOffset(to.offset);
  for (const col of changed(from.colCost, to.colCost)) native.changeColCost(col, to.colCost[col]!);
  const colBounds = new Set([
    ...changed(from.colLower, to.colLower),
    ...changed(from.colUpper, to.colUpper),
  ]);
  for (const col of colBounds) native.changeColBounds(col, to.colLower[col]!, to.colUpper[col]!);
  const rowBounds = new Set([
    ...changed(from.rowLower, to.rowLower),
    ...changed(from.rowUpper, to.rowUpper),
  ]);
  for (const row of rowBounds) native.changeRowBounds(row, to.rowLower[row]!, to.rowUpper[row]!);
  for (let row = 0; row < to.rowNames.length; row += 1) {
    for (let k = to.rowStarts[row]!; k < to.rowStarts[row + 1]!; k += 1) {
      if (from.rowValues[k] !== to.rowValues[k]) {
        native.changeCoefficient(row, to.rowIndices[k]!, to.rowValues[k]!);
      }
    }
  }
}

/**
 * The basis of `from` carried to `to` by name: a column or row `to` shares with `from` keeps
 * its status, a new column starts at its lower bound and a new row basic. Null when the result
 * would not have one basic variable per row (a removed row or column that was part of the
 * basis), since HiGHS cannot start from that.
 */
export function basisByName(from: LinearModel, to: LinearModel, basis: Basis): BasisInput | null {
  const colStatus = new Map(from.colNames.map((name, i) => [name, basis.colStatus[i]!]));
  const rowStatus = new Map(from.rowNames.map((name, i) => [name, basis.rowStatus[i]!]));
  const cols = Int32Array.from(to.colNames, (name) => colStatus.get(name) ?? BASIS_STATUS.lower);
  const rows = Int32Array.from(to.rowNames, (name) => rowStatus.get(name) ?? BASIS_STATUS.basic);
  let basic = 0;
  for (const status of cols) if (status === BASIS_STATUS.basic) basic += 1;
  for (const status of rows) if (status === BASIS_STATUS.basic) basic += 1;
  if (basic !== to.rowNames.length) return null;
  return { colStatus: cols, rowStatus: rows } as BasisInput;
}
