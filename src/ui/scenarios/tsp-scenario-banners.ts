import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * The Scenarios page's banners: the GOV.UK error summary for problems (with a file, a link,
 * saved scenarios or a run) and the success banner after a save.
 *
 * @summary Scenario problems and success banners.
 */
@customElement('tsp-scenario-banners')
export class TspScenarioBanners extends LitElement {
  @property({ attribute: false }) problems: readonly string[] = [];
  @property() notice = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Moves focus to the error summary once it is drawn, as the GOV.UK pattern asks. */
  async focusProblems(): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>('#scenarios-problems')?.focus();
  }

  protected override render(): TemplateResult {
    return html`${
      this.problems.length > 0
        ? html`<div
            class="govuk-error-summary"
            id="scenarios-problems"
            tabindex="-1"
            data-module="govuk-error-summary"
          >
            <div role="alert">
              <h2 class="govuk-error-summary__title">There is a problem</h2>
              <div class="govuk-error-summary__body">
                <ul class="govuk-list govuk-error-summary__list">
                  ${this.problems.map((line) => html`<li>${line}</li>`)}
                </ul>
              </div>
            </div>
          </div>`
        : nothing
    }
    ${
      this.notice
        ? html`<div
            class="govuk-notification-banner govuk-notification-banner--success"
            role="alert"
            aria-labelledby="scenarios-notice-title"
            data-module="govuk-notification-banner"
          >
            <div class="govuk-notification-banner__header">
              <h2 class="govuk-notification-banner__title" id="scenarios-notice-title">Success</h2>
            </div>
            <div class="govuk-notification-banner__content">
              <p class="govuk-notification-banner__heading">${this.notice}</p>
            </div>
          </div>`
        : nothing
    }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-scenario-banners': TspScenarioBanners;
  }
}
