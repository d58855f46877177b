import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ScenarioEntry } from './tsp-scenario-picker.ts';
import { govukErrorMessage } from '../govuk-field.ts';

const MAX_OTHERS = 3;

/**
 * Chooses two to four scenarios to compare: one baseline that differences are measured
 * from, and one to three others.
 *
 * @summary Choose scenarios to compare.
 * @fires tsp-compare - detail `{ ids }`, the baseline's id first.
 */
@customElement('tsp-scenario-compare')
export class TspScenarioCompare extends LitElement {
  @property({ attribute: false }) entries: ScenarioEntry[] = [];
  @property({ type: Boolean }) running = false;
  @state() private baselineId = '';
  @state() private chosen: string[] = [];
  @state() private error = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(): void {
    if (!this.entries.some((entry) => entry.id === this.baselineId)) {
      this.baselineId = this.entries[0]?.id ?? '';
    }
    this.chosen = this.chosen.filter(
      (id) => id !== this.baselineId && this.entries.some((e) => e.id === id),
    );
  }

  private toggle(id: string, checked: boolean): void {
    this.chosen = checked ? [...this.chosen, id] : this.chosen.filter((other) => other !== id);
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    if (this.chosen.length < 1 || this.chosen.length > MAX_OTHERS) {
      this.error = `Select between 1 and ${MAX_OTHERS} scenarios to compare with the baseline`;
      void this.updateComplete.then(() =>
        this.querySelector<HTMLInputElement>('.govuk-checkboxes__input')?.focus(),
      );
      return;
    }
    this.error = '';
    const order = this.entries.map((entry) => entry.id);
    const others = [...this.chosen].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    this.dispatchEvent(
      new CustomEvent('tsp-compare', {
        detail: { ids: [this.baselineId, ...others] },
        bubbles: true,
      }),
    );
  }

  protected override render(): TemplateResult {
    return html`<form novalidate @submit=${this.onSubmit}>
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="compare-baseline"
          >Baseline (differences are measured from it)</label
        >
        <select
          class="govuk-select"
          id="compare-baseline"
          @change=${(event: Event) => (this.baselineId = (event.target as HTMLSelectElement).value)}
        >
          ${this.entries.map((entry) => html`<option value=${entry.id} ?selected=${entry.id === this.baselineId}>${entry.label}</option>`)}
        </select>
      </div>
      <div class="govuk-form-group ${this.error ? 'govuk-form-group--error' : ''}">
        <fieldset
          class="govuk-fieldset"
          aria-describedby="compare-hint${this.error ? ' compare-error' : ''}"
        >
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Compare with</legend>
          <div class="govuk-hint" id="compare-hint">
            Select 1 to ${MAX_OTHERS} scenarios. All run with the baseline's seed and number of
            draws, so their ranges can be compared draw by draw.
          </div>
          ${govukErrorMessage('compare', this.error)}
          <div
            class="govuk-checkboxes govuk-checkboxes--small tsp-checkbox-columns"
            data-module="govuk-checkboxes"
          >
            ${this.entries
              .filter((entry) => entry.id !== this.baselineId)
              .map(
                (entry) =>
                  html`<div class="govuk-checkboxes__item">
                    <input
                      class="govuk-checkboxes__input"
                      id="compare-${entry.id}"
                      type="checkbox"
                      value=${entry.id}
                      .checked=${this.chosen.includes(entry.id)}
                      @change=${(event: Event) => this.toggle(entry.id, (event.target as HTMLInputElement).checked)}
                    />
                    <label class="govuk-label govuk-checkboxes__label" for="compare-${entry.id}"
                      >${entry.label}</label
                    >
                  </div>`,
              )}
          </div>
        </fieldset>
      </div>
      <button
        type="submit"
        class="govuk-button"
        data-module="govuk-button"
        ?disabled=${this.running}
      >
        Compare scenarios
      </button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-scenario-compare': TspScenarioCompare;
  }
}
