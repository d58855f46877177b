import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatCount } from '../format.ts';
import { govukButton } from '../govuk-button.ts';

/**
 * Progress of a forecast run in the model workers: a progress bar, the draws done in words
 * (announced politely, at most every tenth of the run, so a screen reader is not flooded),
 * and a Cancel button.
 *
 * @summary Forecast progress and Cancel.
 * @fires tsp-forecast-cancel - the user asked to stop the run.
 */
@customElement('tsp-forecast-progress')
export class TspForecastProgress extends LitElement {
  @property({ type: Number }) done = 0;
  @property({ type: Number }) total = 0;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** The words for the live region, stepped in tenths of the run. */
  private statusText(): string {
    if (this.total === 0) return 'Running the central projection';
    if (this.done >= this.total)
      return `${formatCount(this.total)} draws done. Summarising the ranges`;
    const step = Math.max(1, Math.ceil(this.total / 10));
    const shown = Math.floor(this.done / step) * step;
    return `${formatCount(shown)} of ${formatCount(this.total)} draws`;
  }

  private cancel(): void {
    this.dispatchEvent(new CustomEvent('tsp-forecast-cancel', { bubbles: true }));
  }

  protected override render(): TemplateResult {
    return html`<div class="govuk-!-margin-bottom-6">
      <h2 class="govuk-heading-m">Running the forecast</h2>
      <label class="govuk-label" for="forecast-progress">Draws done</label>
      <progress
        id="forecast-progress"
        class="tsp-progress"
        max=${Math.max(1, this.total)}
        .value=${this.done}
      >
        ${formatCount(this.done)} of ${formatCount(this.total)}
      </progress>
      <p class="govuk-body" aria-live="polite" data-testid="forecast-progress-text">
        ${this.statusText()}
      </p>
      ${govukButton({ text: 'Cancel', variant: 'warning', onClick: () => this.cancel() })}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-forecast-progress': TspForecastProgress;
  }
}
