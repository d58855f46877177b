/** Number formats of the scenario tables: NQT need in FTE to one decimal, trainees whole. */
import type { Figure, NeedOutput } from '../../scenarios/index.ts';
import { formatCount, formatDecimal } from '../format.ts';

export const OUTPUT_LABELS: Record<NeedOutput, string> = {
  nqtNeed: 'NQT need (FTE)',
  traineeNeed: 'Trainee need (trainees)',
};

export function formatNeed(output: NeedOutput, value: number | null | undefined): string {
  return output === 'nqtNeed' ? formatDecimal(value) : formatCount(value);
}

/** "12.3 to 45.6", or "no draws" when the run had none. */
export function formatRange(output: NeedOutput, figure: Figure): string {
  if (figure.p10 === null || figure.p90 === null) return 'no range';
  return `${formatNeed(output, figure.p10)} to ${formatNeed(output, figure.p90)}`;
}

/** A signed difference: "+1.2", "-3", "0". */
export function formatSigned(output: NeedOutput, value: number): string {
  const text = formatNeed(output, value);
  return value > 0 && text !== '0' && text !== '0.0' ? `+${text}` : text;
}
