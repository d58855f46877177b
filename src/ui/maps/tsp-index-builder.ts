import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AreaIndicator } from '../../data/types.ts';
import type { ColdSpotSpec } from '../../indicators/cold-spot-index.ts';
import { provenanceTag } from '../provenance-tag.ts';
import { tableRegion } from '../table-region.ts';
import { govukDetails } from '../details.ts';

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

/** A named set of weights to start from, e.g. the level's default index; it gives every indicator shown a weight. */
export interface IndexPreset {
  label: string;
  weights: Record<string, number>;
}

/**
 * Form for the cold-spot index, folded under a GOV.UK details so the map comes first: presets,
 * then one row per indicator in a compact table (its direction and a weight box; 0 leaves it
 * out), the threshold in standard deviations and what to do with missing values. Direction is
 * each indicator's own, so weights are never negative. It opens by itself when the index
 * cannot be computed, so the error is never folded away.
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
  @property({ attribute: false }) presets: readonly IndexPreset[] = [];
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
    const used = this.indicators.filter(
      (indicator) => (this.choices.weights[indicator.id] ?? 0) > 0,
    ).length;
    return govukDetails(
      `Change the index: ${used} of ${this.indicators.length} indicators used`,
      this.renderForm(),
      { open: this.error !== '' },
    );
  }

  private renderForm(): TemplateResult {
    const { choices } = this;
    return html`
      ${
        this.presets.length
          ? html`<div class="govuk-button-group">
              ${this.presets.map(
                (preset) =>
                  html`<button
                    type="button"
                    class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
                    @click=${() => this.change({ weights: { ...this.choices.weights, ...preset.weights } })}
                  >
                    ${preset.label}
                  </button>`,
              )}
            </div>`
          : nothing
      }
      <div class="govuk-form-group ${this.error ? 'govuk-form-group--error' : ''}">
        <p id="tsp-index-hint" class="govuk-hint">
          Each indicator becomes a z-score across the areas shown, signed so that above zero is
          worse off than average. The index is their weighted mean. A weight of 0 leaves an
          indicator out.
        </p>
        ${
          this.error
            ? html`<p id="tsp-index-error" class="govuk-error-message">
                <span class="govuk-visually-hidden">Error:</span> ${this.error}
              </p>`
            : nothing
        }
        ${tableRegion(
          { label: 'Indicators and weights', describedBy: 'tsp-index-hint' },
          html`<table class="govuk-table govuk-table--small-text-until-tablet">
            <caption class="govuk-table__caption govuk-table__caption--s">
              Indicators and weights
            </caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Indicator</th>
                <th scope="col" class="govuk-table__header">Higher is</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">Weight</th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              ${this.indicators.map(
                (indicator, position) =>
                  html`<tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">
                      <label class="govuk-label govuk-body-s" for="tsp-weight-${position}">
                        ${indicator.label}${provenanceTag(indicator.provenance)}
                      </label>
                    </th>
                    <td class="govuk-table__cell" id="tsp-weight-${position}-hint">
                      ${indicator.higherIsWorse ? 'worse off' : 'better off'}
                    </td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">
                      <input
                        class="govuk-input govuk-input--width-3 ${this.error ? 'govuk-input--error' : ''}"
                        id="tsp-weight-${position}"
                        type="number"
                        min="0"
                        step="0.5"
                        inputmode="decimal"
                        aria-describedby="tsp-weight-${position}-hint${this.error ? ' tsp-index-error' : ''}"
                        .value=${String(choices.weights[indicator.id] ?? 0)}
                        @change=${(event: Event) => this.setWeight(indicator.id, event.target as HTMLInputElement)}
                      />
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`,
        )}
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
