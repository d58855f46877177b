import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

export interface ErrorItem {
  text: string;
  /** '#id' of the field to fix. */
  href: string;
}

/** Same items, same words and links: a re-render with an equal list is not new errors. */
function sameItems(a: readonly ErrorItem[], b: readonly ErrorItem[] | undefined): boolean {
  return (
    b !== undefined &&
    a.length === b.length &&
    a.every((item, i) => item.text === b[i]!.text && item.href === b[i]!.href)
  );
}

/**
 * The one GOV.UK error summary of the app. It takes focus whenever a different set of errors
 * arrives, so keyboard and screen-reader users land on it (a parent re-rendering the same
 * errors does not steal focus); each item links to the field to fix, moving focus to it
 * (the app's router owns the URL, so the fragment is not followed).
 *
 * @summary GOV.UK error summary that focuses itself.
 */
@customElement('tsp-error-summary')
export class TspErrorSummary extends LitElement {
  @property() heading = 'There is a problem';
  @property({
    attribute: false,
    hasChanged: (a: readonly ErrorItem[], b?: readonly ErrorItem[]) => !sameItems(a, b),
  })
  items: readonly ErrorItem[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('items') && this.items.length > 0) this.focusSummary();
  }

  /** Moves focus to the summary, e.g. when a form is submitted again with the same errors. */
  async focusSummary(): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>('.govuk-error-summary')?.focus();
  }

  private follow(event: Event, href: string): void {
    const target = document.querySelector<HTMLElement>(href);
    if (target === null) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView?.({ block: 'center' });
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
