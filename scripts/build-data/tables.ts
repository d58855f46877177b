/** What a builder returns, and the pieces of EES tables the builders share. */
import type { EesColumnMeta, EesTable } from '../../src/data/ees.ts';
import type { Phase } from '../../src/data/types.ts';

/** A file the build writes: its path in data/ and its table (the `.meta.csv` follows). */
export interface BuiltFile {
  path: string;
  table: EesTable;
}

export const builtFile = (path: string, table: EesTable): BuiltFile => ({ path, table });

export const REGION_NAME = 'Sheffield City Region';
export const PHASES: readonly Phase[] = ['primary', 'secondary'];
export const PHASE_LABEL: Record<Phase, string> = { primary: 'Primary', secondary: 'Secondary' };

export const filter = (name: string, label: string, filterHint?: string): EesColumnMeta => ({
  name,
  type: 'Filter',
  label,
  ...(filterHint ? { filterHint } : {}),
});

export const indicator = (
  name: string,
  label: string,
  dp: number,
  unit: '' | '%' = '',
  indicatorGrouping?: string,
): EesColumnMeta => ({
  name,
  type: 'Indicator',
  label,
  dp,
  unit,
  ...(indicatorGrouping ? { indicatorGrouping } : {}),
});

/** A value or an EES symbol: blank source cells become x (unavailable). */
export function orSymbol(value: number | null | undefined, symbol = 'x'): number | string {
  return value === null || value === undefined || !Number.isFinite(value) ? symbol : value;
}

/** A source cell as a number, or x when blank. */
export const optionalNumber = (raw: string): number | string =>
  raw.trim() === '' ? 'x' : Number(raw);

/**
 * Rounds shares to `dp` decimals so that they still sum to exactly 1 (largest remainder:
 * round down, then give the missing units to the largest fractional parts).
 */
export function roundShares<K extends string>(shares: Map<K, number>, dp: number): Map<K, number> {
  const scale = 10 ** dp;
  const total = [...shares.values()].reduce((a, b) => a + b, 0);
  const scaled = [...shares].map(([k, v]) => ({ k, units: (v / total) * scale }));
  const floors = new Map(scaled.map(({ k, units }) => [k, Math.floor(units + 1e-9)]));
  let missing = scale - [...floors.values()].reduce((a, b) => a + b, 0);
  const byRemainder = scaled
    .map(({ k, units }) => ({ k, remainder: units - (floors.get(k) as number) }))
    .sort((a, b) => b.remainder - a.remainder);
  for (const { k } of byRemainder) {
    if (missing <= 0) break;
    floors.set(k, (floors.get(k) as number) + 1);
    missing -= 1;
  }
  return new Map([...floors].map(([k, v]) => [k, v / scale] as [K, number]));
}
