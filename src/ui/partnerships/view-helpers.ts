/** Small template helpers shared by the Partnerships page's elements. */
import { html, type TemplateResult } from 'lit';
import type { District } from '../../data/types.ts';
import type { NeedRange } from '../../partnerships/index.ts';
import { formatDecimal } from '../format.ts';

/** An event the page's elements send up: bubbles through the light DOM to the page. */
export function emit<T>(target: EventTarget, type: string, detail: T): void {
  target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
}

export function districtName(districts: readonly District[], code: string | null): string {
  if (code === null) return 'Outside the region';
  return districts.find((district) => district.code === code)?.name ?? code;
}

/** A signed FTE change, e.g. '+1.0' or '-0.5'. */
export function formatChange(value: number): string {
  return value > 0 ? `+${formatDecimal(value)}` : formatDecimal(value);
}

/**
 * A median with its range: the exact median stays in a `<data>` value, so a test or a
 * script can read it without the rounding of the text.
 */
export function rangeCell(range: NeedRange, label: string): TemplateResult {
  return html`<data class="tsp-range-p50" value=${String(range.p50)} data-label=${label}
      >${formatDecimal(range.p50)}</data
    >
    <span class="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0"
      >${formatDecimal(range.p10)} to ${formatDecimal(range.p90)}</span
    >`;
}
