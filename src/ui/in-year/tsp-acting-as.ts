import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MANAGER } from './in-year-session.ts';

export interface ActingAsDetail {
  actingAs: string;
  actorName: string;
}

/**
 * There is no login, so the user says who they are acting as: the regional allocation manager
 * or one partnership (which is the donor or the recipient of a transfer, as the case may be).
 * The choice and the name are recorded with every step in the ledger.
 *
 * @summary "Acting as" role and name.
 * @fires tsp-acting-as - detail: ActingAsDetail.
 */
@customElement('tsp-acting-as')
export class TspActingAs extends LitElement {
  @property() actingAs = MANAGER;
  @property() actorName = '';
  @property({ attribute: false }) partnerships: readonly { code: string; name: string }[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private emit(): void {
    const actingAs = this.querySelector<HTMLSelectElement>('#tsp-acting-as')?.value ?? MANAGER;
    const actorName = this.querySelector<HTMLInputElement>('#tsp-actor-name')?.value ?? '';
    this.dispatchEvent(
      new CustomEvent<ActingAsDetail>('tsp-acting-as', {
        detail: { actingAs, actorName },
        bubbles: true,
      }),
    );
  }

  protected override render(): TemplateResult {
    return html`<div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="tsp-acting-as">Acting as</label>
        <div id="tsp-acting-as-hint" class="govuk-hint">
          A partnership acts as the donor or the recipient of the transfers it is party to; the
          manager approves and applies them.
        </div>
        <select
          class="govuk-select"
          id="tsp-acting-as"
          aria-describedby="tsp-acting-as-hint"
          @change=${() => this.emit()}
        >
          <option value=${MANAGER} ?selected=${this.actingAs === MANAGER}>
            Regional allocation manager
          </option>
          ${this.partnerships.map(
            (p) =>
              html`<option value=${p.code} ?selected=${this.actingAs === p.code}>
                ${p.name} (${p.code})
              </option>`,
          )}
        </select>
      </div>
      <div class="govuk-form-group">
        <label class="govuk-label" for="tsp-actor-name"
          >Your name (optional, recorded in the ledger)</label
        >
        <input
          class="govuk-input govuk-input--width-20"
          id="tsp-actor-name"
          type="text"
          autocomplete="name"
          .value=${this.actorName}
          @change=${() => this.emit()}
        />
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-acting-as': TspActingAs;
  }
}
