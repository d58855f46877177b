const countFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('en-GB', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const percentFormat = new Intl.NumberFormat('en-GB', {
  style: 'percent',
  maximumFractionDigits: 1,
});

/** A whole-number count with thousands separators; 'x' (EES: not available) for missing. */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? 'x'
    : countFormat.format(value);
}

/** One decimal place; 'x' for missing. */
export function formatDecimal(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? 'x'
    : decimalFormat.format(value);
}

/** A fraction as a percentage (0.125 -> 12.5%); 'x' for missing. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? 'x'
    : percentFormat.format(value);
}
