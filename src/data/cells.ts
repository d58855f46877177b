/**
 * Reading one cell of text as a value: the one way numbers are read from files, forms and
 * command lines, so `0x10`, `1e308`, `Infinity` or `1,000` never slip through as numbers.
 */

const PLAIN_DECIMAL = /^[+-]?\d+(\.\d+)?$/;
const GROUPED_DECIMAL = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * A plain decimal (`12`, `-0.5`, `+3.25`) as a number, or null for anything else: hex,
 * exponents, `Infinity`, blanks, spaces inside, and thousands separators unless `grouped`
 * allows them (`12,345.6`).
 */
export function parseDecimal(text: string, grouped = false): number | null {
  const trimmed = text.trim();
  let digits: string | null = null;
  if (PLAIN_DECIMAL.test(trimmed)) digits = trimmed;
  else if (grouped && GROUPED_DECIMAL.test(trimmed)) digits = trimmed.replace(/,/g, '');
  const value = digits === null ? Number.NaN : Number(digits);
  // Hundreds of digits read as Infinity.
  return Number.isFinite(value) ? value : null;
}
