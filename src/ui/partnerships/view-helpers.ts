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

export interface ErrorItem {
  text: string;
  /** Fragment of the control to fix, e.g. '#tsp-intelligence-fte'. */
  href: string;
}

/**
 * A GOV.UK error summary. It takes focus (tabindex -1) when shown, as the Design System
 * asks, so keyboard and screen-reader users land on it.
 */
export function errorSummary(title: string, items: readonly ErrorItem[]): TemplateResult {
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary" tabindex="-1">
    <div role="alert">
      <h2 class="govuk-error-summary__title">${title}</h2>
      <div class="govuk-error-summary__body">
        <ul class="govuk-list govuk-error-summary__list">
          ${items.map((item) => html`<li><a href=${item.href}>${item.text}</a></li>`)}
        </ul>
      </div>
    </div>
  </div>`;
}

/** Focus the first error summary inside `root`, after it has rendered. */
export function focusErrorSummary(root: ParentNode): void {
  root.querySelector<HTMLElement>('.govuk-error-summary')?.focus();
}

/**
 * Links in an error summary jump to a control by fragment. The app's router owns the URL,
 * so move focus to the control instead of changing the location.
 */
export function onErrorLinkClick(event: MouseEvent): void {
  const link = (event.target as Element | null)?.closest?.('.govuk-error-summary a');
  if (!(link instanceof HTMLAnchorElement)) return;
  const id = link.hash.slice(1);
  const control = id === '' ? null : document.getElementById(id);
  if (control === null) return;
  event.preventDefault();
  control.focus();
  control.scrollIntoView?.({ block: 'center' });
}
