import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * The Partnerships page's notices: a success banner for the last change, in a live region
 * that is always there so screen readers announce each new message, and a warning when work
 * cannot be kept on the device.
 *
 * @summary Partnerships success message and storage warning.
 */
@customElement('tsp-partnership-notices')
export class TspPartnershipNotices extends LitElement {
  /** The last change's message; '' for none. */
  @property() message = '';
  /** Why work cannot be kept on this device; '' when it can. */
  @property() storeWarning = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult {
    return html`<div role="status" aria-live="polite">
        ${
          this.message === ''
            ? nothing
            : html`<div class="govuk-notification-banner govuk-notification-banner--success">
                <div class="govuk-notification-banner__header">
                  <h2 class="govuk-notification-banner__title">Success</h2>
                </div>
                <div class="govuk-notification-banner__content">
                  <p class="govuk-notification-banner__heading">${this.message}</p>
                </div>
              </div>`
        }
      </div>
      ${
        this.storeWarning === ''
          ? nothing
          : html`<div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">Warning</span>${this.storeWarning}
              </strong>
            </div>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-partnership-notices': TspPartnershipNotices;
  }
}
