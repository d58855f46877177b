/**
 * Classed colour scales for choropleths: white-to-blue, five classes, quantiles or equal
 * intervals. One colour rule for every map: darker means worse for teacher supply, so for an
 * indicator where a low value is worse (an IMD rank, attainment) the darkest blue goes to the
 * lowest class.
 */
import { quantileSorted, schemeBlues } from 'd3';

export type ClassMethod = 'quantile' | 'equal-interval';

/** Single-hue sequential blues read in order under every common colour-vision deficiency. */
export const SEQUENTIAL_BLUES: readonly string[] = schemeBlues[5]!;

/** Analysis Function categorical palette, in its recommended order. */
export const CATEGORICAL = [
  '#12436D',
  '#F46A25',
  '#801650',
  '#28A197',
  '#2073BC',
  '#6BACE6',
] as const;

/** Fill for areas with no value: mid grey, distinct from every blue class. */
export const NO_DATA_FILL = '#b1b4b6';

export interface ClassScale {
  method: ClassMethod;
  /** Whether higher values are worse for supply (and so drawn darker). */
  higherIsWorse: boolean;
  /** Class bounds, ascending: class i holds values in (breaks[i], breaks[i+1]], class 0 also its lower bound. */
  breaks: number[];
  /** Colour of each class, in the order of the breaks (darkest at the worse end). */
  colours: readonly string[];
}

/**
 * Breaks for `palette.length` classes, coloured light to dark from the better end to the worse.
 * Quantile breaks put about the same number of areas in each class (ties can leave a class
 * empty); equal intervals split the range evenly. `palette` runs from light to dark.
 */
export function classScale(
  values: readonly number[],
  method: ClassMethod,
  higherIsWorse: boolean,
  palette: readonly string[] = SEQUENTIAL_BLUES,
): ClassScale {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const classes = palette.length;
  const colours = higherIsWorse ? palette : [...palette].reverse();
  if (sorted.length === 0) return { method, higherIsWorse, breaks: [], colours };
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  const breaks = Array.from({ length: classes + 1 }, (_, i) => {
    if (i === 0) return min;
    if (i === classes) return max;
    return method === 'quantile'
      ? quantileSorted(sorted, i / classes)!
      : min + ((max - min) * i) / classes;
  });
  return { method, higherIsWorse, breaks, colours };
}

/** The class of a value (0 = lightest), or null for a missing value or an empty scale. */
export function classOf(scale: ClassScale, value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value) || scale.breaks.length < 2) {
    return null;
  }
  const last = scale.breaks.length - 2;
  for (let i = 0; i < last; i++) if (value <= scale.breaks[i + 1]!) return i;
  return last;
}

export function fillFor(scale: ClassScale, value: number | null | undefined): string {
  const index = classOf(scale, value);
  return index === null ? NO_DATA_FILL : (scale.colours[index] ?? NO_DATA_FILL);
}
