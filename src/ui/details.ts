import { html, noChange, nothing, type TemplateResult } from 'lit';

export interface DetailsOptions {
  /** Opens it (an error inside must never be folded away); false leaves it as the user left it. */
  open?: boolean;
  /** Classes added to the details, e.g. a spacing override. */
  classes?: string;
  /** Said after the summary to screen readers only, to tell apart many details with one summary. */
  hiddenSuffix?: string;
}

/**
 * A GOV.UK details element: inputs and long lists folded under a one-line summary, so a page
 * opens on its answer. Once open it stays open until the user closes it, even when the page
 * re-renders.
 */
export function govukDetails(
  summary: string | TemplateResult,
  content: TemplateResult,
  options: DetailsOptions = {},
): TemplateResult {
  return html`<details
    class="govuk-details ${options.classes ?? ''}"
    .open=${options.open ? true : noChange}
  >
    <summary class="govuk-details__summary">
      <span class="govuk-details__summary-text"
        >${summary}${
          options.hiddenSuffix
            ? html`<span class="govuk-visually-hidden"> ${options.hiddenSuffix}</span>`
            : nothing
        }</span
      >
    </summary>
    <div class="govuk-details__text">${content}</div>
  </details>`;
}
