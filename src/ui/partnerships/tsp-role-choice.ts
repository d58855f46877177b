import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from './view-helpers.ts';

/** Who is using the Partnerships page, which decides what it shows. */
export type PartnershipsRole = 'lead' | 'manager';

/**
 * GOV.UK radios choosing between the partnership lead's view and the allocation manager's.
 *
 * @summary Role choice on the Partnerships page.
 * @fires tsp-role-change - detail `{ role }`.
 */
@customElement('tsp-role-choice')
export class TspRoleChoice extends LitElement {
  @property() chosen: PartnershipsRole = 'lead';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private radio(role: PartnershipsRole, label: string): TemplateResult {
    return html`<div class="govuk-radios__item">
      <input
        class="govuk-radios__input"
        id="tsp-role-${role}"
        name="tsp-role"
        type="radio"
        value=${role}
        .checked=${this.chosen === role}
        @change=${() => emit(this, 'tsp-role-change', { role })}
      />
      <label class="govuk-label govuk-radios__label" for="tsp-role-${role}">${label}</label>
    </div>`;
  }

  protected override render(): TemplateResult {
    return html`<div class="govuk-form-group">
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">I am</legend>
        <div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
          ${this.radio('lead', 'A partnership lead')}
          ${this.radio('manager', 'The allocation manager')}
        </div>
      </fieldset>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-role-choice': TspRoleChoice;
  }
}
