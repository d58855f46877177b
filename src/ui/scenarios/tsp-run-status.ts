import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { govukButton } from '../govuk-button.ts';

/**
 * Progress of a model run with a Cancel button. The words of the progress are announced by
 * the page's status region; the bar itself is labelled for screen readers too.
 *
 * @summary Run progress and cancel.
 * @fires tsp-cancel - the user asked to stop the run.
 */
@customElement('tsp-run-status')
export class TspRunStatus extends LitElement {
  @property({ type: Boolean }) running = false;
  @property() stage = '';
  /** 0 to 1. */
  @property({ type: Number }) fraction = 0;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.running) return nothing;
    const percent = Math.round(this.fraction * 100);
    return html`<div class="govuk-inset-text">
      <label class="govuk-label govuk-label--s" for="scenario-progress"
        >Running: ${this.stage}</label
      >
      <progress id="scenario-progress" class="tsp-progress" max="100" .value=${percent}>
        ${percent}%
      </progress>
      <p class="govuk-body govuk-!-margin-top-2">${percent}% done</p>
      ${govukButton({
        text: 'Cancel run',
        variant: 'warning',
        classes: 'govuk-!-margin-bottom-0',
        onClick: () => this.dispatchEvent(new CustomEvent('tsp-cancel', { bubbles: true })),
      })}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-run-status': TspRunStatus;
  }
}
