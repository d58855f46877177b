import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DataIssue } from '../data/types.ts';
import { describeIssue } from '../data/issues.ts';

/**
 * Lists problems found in the loaded data files. The app keeps running on the files that
 * were valid; each problem names the file, row, column and reason.
 *
 * @summary GOV.UK warning listing data problems.
 */
@customElement('tsp-data-issues')
export class TspDataIssues extends LitElement {
  @property({ attribute: false }) issues: DataIssue[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this.issues.length === 0) return nothing;
    return html`
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">Warning</span>
          ${this.issues.length === 1 ? 'One data file has a problem' : `${this.issues.length} problems were found in the data files`}.
          The service is running on the files that were valid.
        </strong>
      </div>
      <details class="govuk-details">
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">Show the data problems</span>
        </summary>
        <div class="govuk-details__text">
          <ul class="govuk-list govuk-list--bullet">
            ${this.issues.map((issue) => html`<li>${describeIssue(issue)}</li>`)}
          </ul>
        </div>
      </details>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-data-issues': TspDataIssues;
  }
}
