import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AreaIndicator } from '../../data/types.ts';
import type { ColdSpotSpec } from '../../indicators/cold-spot-index.ts';
import { provenanceTag } from '../provenance-tag.ts';

/** The user's cold-spot choices, kept by indicator id so they survive a change of level. */
export interface IndexChoices {
  weights: Record<string, number>;
  threshold: number;
  missing: NonNullable<ColdSpotSpec['missing']>;
}

/** The spec for the indicators offered at one level: those with a weight above zero. */
export function specFor(choices: IndexChoices, indicators: readonly AreaIndicator[]): ColdSpotSpec {
  return {
    weights: indicators
      .map((indicator) => ({
        indicatorId: indicator.id,
        weight: choices.weights[indicator.id] ?? 0,
      }))
      .filter((entry) => entry.weight > 0),
    threshold: choices.threshold,
    missing: choices.missing,
  };
}

/**
 * Form for the cold-spot index: a weight per indicator (0 leaves it out), the threshold in
 * standard deviations and what to do with missing values. Direction is each indicator's own
 * (shown as a hint), so weights are never negative.
 *
 * @summary Indicator weights and threshold for the cold-spot index.
 * @fires tsp-index-change - detail: the new `IndexChoices`.
 */
@customElement('tsp-index-builder')
export class TspIndexBuilder extends LitElement {
  @property({ attribute: false }) indicators: readonly AreaIndicator[] = [];
  @property({ attribute: false }) choices: IndexChoices = {
    weights: {},
    threshold: 0.5,
    missing: 'exclude-area',
  };
  /** Why the index cannot be computed, shown as a GOV.UK error. */
  @property() error = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private change(choices: Partial<IndexChoices>): void {
    this.dispatchEvent(
      new CustomEvent<IndexChoices>('tsp-index-change', {
        detail: { ...this.choices, ...choices },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private setWeight(indicatorId: string, input: HTMLInputElement): void {
    const weight = input.valueAsNumber;
    // An empty or invalid box means "not used" rather than an error the user must clear.
    this.change({
      weights: {
        ...this.choices.weights,
        [indicatorId]: Number.isFinite(weight) && weight > 0 ? weight : 0,
      },
    });
  }

  private setThreshold(input: HTMLInputElement): void {
    if (Number.isFinite(input.valueAsNumber)) this.change({ threshold: input.valueAsNumber });
  }

  protected override render(): TemplateResult {
    const { choices } = this;
    return html`
      <div class="govuk-form-group ${this.error ? 'govuk-form-group--error' : ''}">
        <fieldset
          class="govuk-fieldset"
          aria-describedby="tsp-index-hint${this.error ? ' tsp-index-error' : ''}"
        >
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
            Indicators and weights
          </legend>
          <div id="tsp-index-hint" class="govuk-hint">
            Each indicator becomes a z-score across the areas shown, signed so that above zero is
            worse off than average. The index is their weighted mean. A weight of 0 leaves an
            indicator out.
          </div>
          ${
            this.error
              ? html`<p id="tsp-index-error" class="govuk-error-message">
                  <span class="govuk-visually-hidden">Error:</span> ${this.error}
                </p>`
              : nothing
          }
          ${this.indicators.map(
            (indicator, position) => html`
              <div class="govuk-form-group">
                <label class="govuk-label" for="tsp-weight-${position}">
                  ${indicator.label}${provenanceTag(indicator.provenance)}
                </label>
                <div id="tsp-weight-${position}-hint" class="govuk-hint">
                  ${indicator.higherIsWorse ? 'Higher is worse off.' : 'Higher is better off.'}
                </div>
                <input
                  class="govuk-input govuk-input--width-3"
                  id="tsp-weight-${position}"
                  type="number"
                  min="0"
                  step="0.5"
                  inputmode="decimal"
                  aria-describedby="tsp-weight-${position}-hint"
                  .value=${String(choices.weights[indicator.id] ?? 0)}
                  @change=${(event: Event) => this.setWeight(indicator.id, event.target as HTMLInputElement)}
                />
              </div>
            `,
          )}
        </fieldset>
      </div>
      <div class="govuk-form-group">
        <label class="govuk-label" for="tsp-threshold"
          >Cold-spot threshold (standard deviations)</label
        >
        <div id="tsp-threshold-hint" class="govuk-hint">
          Areas whose index is above this are cold spots.
        </div>
        <input
          class="govuk-input govuk-input--width-3"
          id="tsp-threshold"
          type="number"
          step="0.1"
          inputmode="decimal"
          aria-describedby="tsp-threshold-hint"
          .value=${String(choices.threshold)}
          @change=${(event: Event) => this.setThreshold(event.target as HTMLInputElement)}
        />
      </div>
      <div class="govuk-form-group">
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
            When an area lacks a value
          </legend>
          <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
            ${(
              [
                ['exclude-area', 'Give it no index'],
                ['reweight', 'Use the indicators it has'],
              ] as const
            ).map(
              ([value, label]) =>
                html`<div class="govuk-radios__item">
                  <input
                    class="govuk-radios__input"
                    id="tsp-missing-${value}"
                    name="tsp-missing"
                    type="radio"
                    .checked=${choices.missing === value}
                    @change=${() => this.change({ missing: value })}
                  />
                  <label class="govuk-label govuk-radios__label" for="tsp-missing-${value}"
                    >${label}</label
                  >
                </div>`,
            )}
          </div>
        </fieldset>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-index-builder': TspIndexBuilder;
  }
}
