import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * The district forecast's model run while it is under way (progress) or when it failed (an
 * error summary); nothing once it has finished.
 *
 * @summary District forecast run status.
 */
@customElement('tsp-need-run-status')
export class TspNeedRunStatus extends LitElement {
  /** The run's error message; '' when it has not failed. */
  @property() error = '';
  @property({ type: Boolean }) finished = false;
  /** 0 to 1. */
  @property({ type: Number }) progress = 0;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this.error !== '') {
      return html`<div class="govuk-error-summary" tabindex="-1">
        <div role="alert">
          <h2 class="govuk-error-summary__title">The forecast could not be run</h2>
          <div class="govuk-error-summary__body"><p class="govuk-body">${this.error}</p></div>
        </div>
      </div>`;
    }
    if (this.finished) return nothing;
    return html`<p class="govuk-body" role="status">
        Running the supply model for the district forecast: ${Math.round(this.progress * 100)}%
        done.
      </p>
      <progress
        class="tsp-progress"
        max="1"
        .value=${this.progress}
        aria-label="Supply model run"
      ></progress>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-need-run-status': TspNeedRunStatus;
  }
}
