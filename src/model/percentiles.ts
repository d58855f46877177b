/**
 * P10/P50/P90 of a column of draws, by linear interpolation between order statistics (R type 7,
 * as d3.quantile). The order statistics come from in-place selection (Hoare's quickselect),
 * which finds them in linear time: sorting every cell's thousands of draws cost more than
 * simulating them.
 */

export interface Percentiles {
  p10: Float64Array;
  p50: Float64Array;
  p90: Float64Array;
}

export function emptyPercentiles(length: number): Percentiles {
  return {
    p10: new Float64Array(length),
    p50: new Float64Array(length),
    p90: new Float64Array(length),
  };
}

function swap(values: Float64Array, i: number, j: number): void {
  const held = values[i]!;
  values[i] = values[j]!;
  values[j] = held;
}

/**
 * Puts the k-th smallest of values[left..right] at index k, smaller ones before it and larger
 * ones after it: Floyd and Rivest's SELECT, as in d3-array's quickselect (ISC licence).
 */
function select(values: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      // Narrow to a sampled range likely to hold the k-th value first.
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      select(
        values,
        k,
        Math.max(left, Math.floor(k - (m * s) / n + sd)),
        Math.min(right, Math.floor(k + ((n - m) * s) / n + sd)),
      );
    }
    const pivot = values[k]!;
    let i = left;
    let j = right;
    swap(values, left, k);
    if (values[right]! > pivot) swap(values, left, right);
    while (i < j) {
      swap(values, i, j);
      i++;
      j--;
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
    }
    if (values[left] === pivot) swap(values, left, j);
    else {
      j++;
      swap(values, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

/** Smallest of values[from..to]. */
function minimumFrom(values: Float64Array, from: number, to: number): number {
  let smallest = values[from]!;
  for (let i = from + 1; i <= to; i++) if (values[i]! < smallest) smallest = values[i]!;
  return smallest;
}

const QUANTILES = [0.1, 0.5, 0.9] as const;

function hasNaN(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) return true;
  return false;
}

/** Type-7 quantile q of values by selection; reorders values[from..]. Values before `from` are all <= the result's order statistics. */
function selectQuantile(values: Float64Array, q: number, from: number): number {
  const n = values.length;
  const position = (n - 1) * q;
  const low = Math.floor(position);
  select(values, low, from, n - 1);
  const lowValue = values[low]!;
  if (low + 1 >= n) return lowValue;
  return lowValue + (minimumFrom(values, low + 1, n - 1) - lowValue) * (position - low);
}

/** Sample size for bracketing; columns up to four times this are selected directly. */
const SAMPLE_SIZE = 256;
const sample = new Float64Array(SAMPLE_SIZE);
/** Values between each quantile's brackets, reused between calls. */
let windows = QUANTILES.map(() => new Float64Array(0));

/**
 * Quantiles of a long column in one pass: a sorted sample gives each quantile a bracket that
 * almost surely holds its order statistics; one pass counts the values below each bracket and
 * copies those inside, and selection in the (small) bracket finishes the job. When a bracket
 * misses (probability about 1 in 1,000), that quantile is selected in the whole column instead,
 * so the result is always exact.
 */
function bracketedQuantiles(column: Float64Array, results: Float64Array[], at: number): void {
  const n = column.length;
  const step = n / SAMPLE_SIZE;
  for (let i = 0; i < SAMPLE_SIZE; i++) sample[i] = column[Math.floor(i * step)]!;
  sample.sort();
  if (windows[0]!.length < n) windows = QUANTILES.map(() => new Float64Array(n));
  const lows: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  for (const q of QUANTILES) {
    const low = Math.floor((n - 1) * q);
    // Three standard deviations of the sample rank, and a little more.
    const margin = Math.ceil(3 * Math.sqrt(SAMPLE_SIZE * q * (1 - q))) + 2;
    const lowIndex = Math.floor((low / n) * SAMPLE_SIZE) - margin;
    const highIndex = Math.ceil(((low + 2) / n) * SAMPLE_SIZE) + margin;
    lows.push(low);
    lower.push(lowIndex < 0 ? -Infinity : sample[lowIndex]!);
    upper.push(highIndex >= SAMPLE_SIZE ? Infinity : sample[highIndex]!);
  }
  const [w0, w1, w2] = windows as [Float64Array, Float64Array, Float64Array];
  const [lo0, lo1, lo2] = lower as [number, number, number];
  const [hi0, hi1, hi2] = upper as [number, number, number];
  // Branch-free: a value is always written and the count moves on only when it is inside.
  let below0 = 0;
  let below1 = 0;
  let below2 = 0;
  let in0 = 0;
  let in1 = 0;
  let in2 = 0;
  for (let i = 0; i < n; i++) {
    const v = column[i]!;
    below0 += +(v < lo0);
    below1 += +(v < lo1);
    below2 += +(v < lo2);
    w0[in0] = v;
    w1[in1] = v;
    w2[in2] = v;
    in0 += +(v >= lo0) & +(v <= hi0);
    in1 += +(v >= lo1) & +(v <= hi1);
    in2 += +(v >= lo2) & +(v <= hi2);
  }
  const below = [below0, below1, below2];
  const inside = [in0, in1, in2];
  QUANTILES.forEach((q, index) => {
    const low = lows[index]!;
    const needed = Math.min(low + 1, n - 1);
    const held = below[index]! <= low && below[index]! + inside[index]! > needed;
    if (!held) {
      results[index]![at] = selectQuantile(column, q, 0);
      return;
    }
    const window = windows[index]!.subarray(0, inside[index]!);
    const k = low - below[index]!;
    select(window, k, 0, window.length - 1);
    const lowValue = window[k]!;
    const position = (n - 1) * q;
    results[index]![at] =
      low + 1 >= n
        ? lowValue
        : lowValue + (minimumFrom(window, k + 1, window.length - 1) - lowValue) * (position - low);
  });
}

/**
 * Writes the P10/P50/P90 of `column` to position `at` of `into`. May reorder `column`. A
 * column with a NaN is sorted instead (NaN compares false, which selection cannot order).
 */
export function writePercentiles(column: Float64Array, into: Percentiles, at: number): void {
  const n = column.length;
  const results = [into.p10, into.p50, into.p90];
  if (hasNaN(column)) {
    column.sort();
    QUANTILES.forEach((q, index) => {
      const position = (n - 1) * q;
      const low = Math.floor(position);
      const lowValue = column[low]!;
      results[index]![at] =
        low + 1 >= n ? lowValue : lowValue + (column[low + 1]! - lowValue) * (position - low);
    });
    return;
  }
  if (n > 4 * SAMPLE_SIZE) {
    bracketedQuantiles(column, results, at);
    return;
  }
  // Each quantile's order statistics lie at or after the previous one's: select in turn.
  let from = 0;
  QUANTILES.forEach((q, index) => {
    results[index]![at] = selectQuantile(column, q, from);
    from = Math.floor((n - 1) * q);
  });
}

/**
 * P10/P50/P90 of every column of a column-major array, `values[column * rowCount + row]`
 * (e.g. each cell's or each total's draws, one after another). Reorders each column.
 */
export function columnPercentiles(values: Float64Array, rowCount: number): Percentiles {
  const columnCount = rowCount === 0 ? 0 : values.length / rowCount;
  const ranges = emptyPercentiles(columnCount);
  for (let column = 0; column < columnCount; column++) {
    writePercentiles(values.subarray(column * rowCount, (column + 1) * rowCount), ranges, column);
  }
  return ranges;
}

/** P10/P50/P90 of one set of values (left as they are), by the same rule as every summary. */
export function percentilesOf(values: Float64Array): { p10: number; p50: number; p90: number } {
  if (values.length === 0) throw new Error('percentiles of no values');
  const ranges = emptyPercentiles(1);
  writePercentiles(Float64Array.from(values), ranges, 0);
  return { p10: ranges.p10[0]!, p50: ranges.p50[0]!, p90: ranges.p90[0]! };
}
