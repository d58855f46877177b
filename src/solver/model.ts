/**
 * An engine-neutral linear / mixed-integer model: named columns and named rows with a sparse
 * row-wise (CSR) matrix. Model builders (allocation, in-year transfers) produce this; engines
 * (HiGHS, the LP-text writer, bench/'s javascript-lp-solver baseline) consume it, so the engine
 * can change without touching how a model is built. Plain data with typed arrays, so it
 * crosses a worker boundary by structured clone.
 */

export type ColumnKind = 'continuous' | 'integer';

export interface LinearModel {
  name: string;
  sense: 'minimize' | 'maximize';
  /** Constant added to the objective. */
  offset: number;
  colNames: string[];
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** 1 where the column must take a whole value, else 0. */
  colInteger: Uint8Array;
  rowNames: string[];
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSR: row i's entries are rowIndices/rowValues[rowStarts[i] .. rowStarts[i + 1]). */
  rowStarts: Int32Array;
  rowIndices: Int32Array;
  rowValues: Float64Array;
}

export interface ModelSize {
  columns: number;
  rows: number;
  nonzeros: number;
  integerColumns: number;
}

export function modelSize(model: LinearModel): ModelSize {
  let integerColumns = 0;
  for (const flag of model.colInteger) integerColumns += flag;
  return {
    columns: model.colNames.length,
    rows: model.rowNames.length,
    nonzeros: model.rowIndices.length,
    integerColumns,
  };
}

/** LP-format names: letters, digits and underscores only, not starting with a digit. */
const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Words an LP reader takes as a keyword or a number wherever they stand (HiGHS's reader
 * rejects a model with a column called `free` or `inf`), so no name may be one of them.
 */
const LP_KEYWORDS = new Set([
  'min',
  'minimize',
  'minimise',
  'minimum',
  'max',
  'maximize',
  'maximise',
  'maximum',
  'st',
  'subject',
  'such',
  'bound',
  'bounds',
  'free',
  'inf',
  'infinity',
  'gen',
  'general',
  'generals',
  'bin',
  'binary',
  'binaries',
  'semi',
  'semis',
  'sos',
  'end',
]);

function lpSafeName(name: string): string {
  const safe = SAFE_NAME.test(name);
  const cleaned = safe ? name : name.replace(/[^A-Za-z0-9_]/g, '_');
  if (cleaned.length <= 8 && LP_KEYWORDS.has(cleaned.toLowerCase())) return `n_${cleaned}`;
  return safe || /^[A-Za-z_]/.test(cleaned) ? cleaned : `n_${cleaned}`;
}

/**
 * Builds a LinearModel column by column and row by row. Names are made LP-safe and unique so
 * the same model can be written as CPLEX LP text and read back by any solver.
 */
export class ModelBuilder {
  private readonly colNames: string[] = [];
  private readonly colCost: number[] = [];
  private readonly colLower: number[] = [];
  private readonly colUpper: number[] = [];
  private readonly colInteger: number[] = [];
  private readonly rowNames: string[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];
  private readonly rowStarts: number[] = [0];
  private readonly rowIndices: number[] = [];
  private readonly rowValues: number[] = [];
  private readonly usedNames = new Set<string>();

  constructor(
    private readonly name: string,
    private readonly sense: 'minimize' | 'maximize' = 'minimize',
  ) {}

  get numCols(): number {
    return this.colNames.length;
  }

  get numRows(): number {
    return this.rowNames.length;
  }

  private uniqueName(name: string): string {
    const base = lpSafeName(name);
    // One hash of the name in the usual case (it is new): most of a build is naming.
    const before = this.usedNames.size;
    this.usedNames.add(base);
    if (this.usedNames.size > before) return base;
    let candidate = base;
    for (let suffix = 2; this.usedNames.has(candidate); suffix += 1)
      candidate = `${base}_${suffix}`;
    this.usedNames.add(candidate);
    return candidate;
  }

  /** Adds a column and returns its index. */
  addColumn(name: string, cost: number, lower: number, upper: number, kind: ColumnKind): number {
    if (!(lower <= upper)) throw new Error(`Column ${name}: lower bound ${lower} > upper ${upper}`);
    this.colNames.push(this.uniqueName(name));
    this.colCost.push(cost);
    this.colLower.push(lower);
    this.colUpper.push(upper);
    this.colInteger.push(kind === 'integer' ? 1 : 0);
    return this.colNames.length - 1;
  }

  /** Tightens a column's upper bound after it was added (e.g. a rule held as a bound). */
  setColumnUpper(column: number, upper: number): void {
    if (!(this.colLower[column]! <= upper)) {
      throw new Error(`Column ${this.colNames[column]}: upper bound ${upper} below its lower`);
    }
    this.colUpper[column] = upper;
  }

  /**
   * Adds `lower <= sum(coef * column) <= upper` and returns the row index. Repeated columns
   * are summed; zero coefficients are dropped.
   */
  addRow(
    name: string,
    lower: number,
    upper: number,
    terms: readonly (readonly [column: number, coefficient: number])[],
  ): number {
    let ascending = true;
    for (let k = 0; k < terms.length; k += 1) {
      const column = terms[k]![0];
      if (!(column >= 0 && column < this.colNames.length)) {
        throw new Error(`Row ${name}: column ${column} does not exist`);
      }
      if (k > 0 && column <= terms[k - 1]![0]) ascending = false;
    }
    // Most rows come in column order already: sorting a copy of every one cost a tenth of a build.
    const sorted = ascending ? terms : [...terms].sort((a, b) => a[0] - b[0]);
    for (let k = 0; k < sorted.length;) {
      const column = sorted[k]![0];
      let value = 0;
      for (; k < sorted.length && sorted[k]![0] === column; k += 1) value += sorted[k]![1];
      if (value !== 0) {
        this.rowIndices.push(column);
        this.rowValues.push(value);
      }
    }
    this.rowStarts.push(this.rowIndices.length);
    this.rowNames.push(this.uniqueName(name));
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    return this.rowNames.length - 1;
  }

  build(offset = 0): LinearModel {
    return {
      name: this.name,
      sense: this.sense,
      offset,
      colNames: [...this.colNames],
      colCost: Float64Array.from(this.colCost),
      colLower: Float64Array.from(this.colLower),
      colUpper: Float64Array.from(this.colUpper),
      colInteger: Uint8Array.from(this.colInteger),
      rowNames: [...this.rowNames],
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      rowStarts: Int32Array.from(this.rowStarts),
      rowIndices: Int32Array.from(this.rowIndices),
      rowValues: Float64Array.from(this.rowValues),
    };
  }
}

/** Row activities A x computed from the model's own matrix. */
export function rowActivities(model: LinearModel, colValue: ArrayLike<number>): Float64Array {
  const activity = new Float64Array(model.rowNames.length);
  for (let row = 0; row < activity.length; row += 1) {
    let sum = 0;
    for (let k = model.rowStarts[row]!; k < model.rowStarts[row + 1]!; k += 1) {
      sum += model.rowValues[k]! * colValue[model.rowIndices[k]!]!;
    }
    activity[row] = sum;
  }
  return activity;
}

export function objectiveValue(model: LinearModel, colValue: ArrayLike<number>): number {
  let total = model.offset;
  for (let col = 0; col < model.colCost.length; col += 1)
    total += model.colCost[col]! * colValue[col]!;
  return total;
}
