import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

export interface ErrorItem {
  text: string;
  /** '#id' of the field to fix. */
  href: string;
}

/**
 * GOV.UK error summary. It takes focus whenever a new set of errors arrives, so keyboard and
 * screen-reader users land on it; each item links to the field to fix.
 *
 * @summary GOV.UK error summary that focuses itself.
 */
@customElement('tsp-error-summary')
export class TspErrorSummary extends LitElement {
  @property() heading = 'There is a problem';
  @property({ attribute: false }) items: readonly ErrorItem[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('items') && this.items.length > 0) {
      this.querySelector<HTMLElement>('.govuk-error-summary')?.focus();
    }
  }

  private follow(event: Event, href: string): void {
    const target = document.querySelector<HTMLElement>(href);
    if (target === null) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'center' });
    target.focus();
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this.items.length === 0) return nothing;
    return html`<div class="govuk-error-summary" data-module="govuk-error-summary" tabindex="-1">
      <div role="alert">
        <h2 class="govuk-error-summary__title">${this.heading}</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            ${this.items.map(
              (item) =>
                html`<li>
                  <a href=${item.href} @click=${(e: Event) => this.follow(e, item.href)}
                    >${item.text}</a
                  >
                </li>`,
            )}
          </ul>
        </div>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-error-summary': TspErrorSummary;
  }
}
