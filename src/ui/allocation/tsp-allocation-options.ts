import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AreaIndicator, District } from '../../data/types.ts';
import { formatDecimal } from '../format.ts';
import { provenanceTag } from '../provenance-tag.ts';
import { fieldIds, type AllocationSettings } from './allocation-settings.ts';
import '../tsp-table.ts';

export type OptionsEditDetail = Partial<
  Pick<
    AllocationSettings,
    | 'priority'
    | 'indicatorIds'
    | 'wholePlaces'
    | 'minimumCohorts'
    | 'timeLimitSeconds'
    | 'gapPercent'
  >
>;

/**
 * Cold-spot priority (which district indicators, how strongly) with the resulting weight of
 * each district, and the solve options: whole places, minimum cohorts, time limit and gap.
 *
 * @summary Cold-spot weights and solve options.
 * @fires tsp-options-edit - detail: the changed settings (`OptionsEditDetail`).
 */
@customElement('tsp-allocation-options')
export class TspAllocationOptions extends LitElement {
  @property({ attribute: false }) settings: AllocationSettings | undefined;
  /** The district-level indicators offered for the index. */
  @property({ attribute: false }) indicators: readonly AreaIndicator[] = [];
  @property({ attribute: false }) districts: readonly District[] = [];
  /** Weight of one unmet teacher per district for the current choices; null when they are invalid. */
  @property({ attribute: false }) weights: Record<string, number> | null = null;
  @property({ attribute: false }) errors: ReadonlyMap<string, string> = new Map();

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private change(detail: OptionsEditDetail): void {
    this.dispatchEvent(new CustomEvent('tsp-options-edit', { detail, bubbles: true }));
  }

  private toggleIndicator(id: string, on: boolean): void {
    const chosen = new Set(this.settings?.indicatorIds ?? []);
    if (on) chosen.add(id);
    else chosen.delete(id);
    this.change({ indicatorIds: this.indicators.map((i) => i.id).filter((i) => chosen.has(i)) });
  }

  private textField(
    id: string,
    label: string,
    hint: string,
    value: string,
    key: 'priority' | 'timeLimitSeconds' | 'gapPercent',
    suffix?: string,
  ): TemplateResult {
    const error = this.errors.get(id);
    const input = html`<input
      class="govuk-input govuk-input--width-4 ${error ? 'govuk-input--error' : ''}"
      id=${id}
      name=${id}
      inputmode="decimal"
      spellcheck="false"
      aria-describedby="${id}-hint${error ? ` ${id}-error` : ''}"
      .value=${value}
      @change=${(event: Event) => this.change({ [key]: (event.target as HTMLInputElement).value })}
    />`;
    return html`<div class="govuk-form-group ${error ? 'govuk-form-group--error' : ''}">
      <label class="govuk-label govuk-label--s" for=${id}>${label}</label>
      <div class="govuk-hint" id="${id}-hint">${hint}</div>
      ${
        error
          ? html`<p class="govuk-error-message" id="${id}-error">
              <span class="govuk-visually-hidden">Error:</span> ${error}
            </p>`
          : nothing
      }
      ${
        suffix
          ? html`<div class="govuk-input__wrapper">
              ${input}
              <div class="govuk-input__suffix" aria-hidden="true">${suffix}</div>
            </div>`
          : input
      }
    </div>`;
  }

  private checkbox(
    id: string,
    label: string,
    hint: string,
    checked: boolean,
    key: 'wholePlaces' | 'minimumCohorts',
  ): TemplateResult {
    return html`<div class="govuk-checkboxes__item">
      <input
        class="govuk-checkboxes__input"
        id=${id}
        type="checkbox"
        aria-describedby="${id}-hint"
        .checked=${checked}
        @change=${(event: Event) => this.change({ [key]: (event.target as HTMLInputElement).checked })}
      />
      <label class="govuk-label govuk-checkboxes__label" for=${id}>${label}</label>
      <div class="govuk-hint govuk-checkboxes__hint" id="${id}-hint">${hint}</div>
    </div>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const settings = this.settings;
    if (!settings) return nothing;
    const indicatorError = this.errors.get(fieldIds.indicators);
    return html`
      <h3 class="govuk-heading-s">Cold-spot priority</h3>
      ${this.textField(
        fieldIds.priority,
        'Priority',
        'An unmet teacher in a district counts 1 + priority × its cold-spot index (index above 0 only). 0 treats every district alike.',
        settings.priority,
        'priority',
      )}
      <div class="govuk-form-group ${indicatorError ? 'govuk-form-group--error' : ''}">
        <fieldset class="govuk-fieldset" aria-describedby="alloc-indicators-hint">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
            Indicators in the cold-spot index
          </legend>
          <div class="govuk-hint" id="alloc-indicators-hint">
            Each is a z-score across the region's districts, signed so above 0 is worse off; the
            index is their mean. The Maps page starts with the same ones.
          </div>
          ${
            indicatorError
              ? html`<p class="govuk-error-message" id="alloc-indicators-error">
                  <span class="govuk-visually-hidden">Error:</span> ${indicatorError}
                </p>`
              : nothing
          }
          <div
            class="govuk-checkboxes govuk-checkboxes--small"
            id=${fieldIds.indicators}
            tabindex="-1"
          >
            ${this.indicators.map(
              (indicator, index) =>
                html`<div class="govuk-checkboxes__item">
                  <input
                    class="govuk-checkboxes__input"
                    id="alloc-indicator-${index}"
                    type="checkbox"
                    .checked=${settings.indicatorIds.includes(indicator.id)}
                    @change=${(event: Event) =>
                      this.toggleIndicator(
                        indicator.id,
                        (event.target as HTMLInputElement).checked,
                      )}
                  />
                  <label class="govuk-label govuk-checkboxes__label" for="alloc-indicator-${index}">
                    ${indicator.label}${provenanceTag(indicator.provenance)}
                  </label>
                </div>`,
            )}
          </div>
        </fieldset>
      </div>
      ${
        this.weights
          ? html`<tsp-table
              caption="Weight of one unmet teacher by district"
              .columns=${[
                {
                  key: 'district',
                  label: 'District',
                  rowHeader: true,
                  value: (d: District) => d.name,
                },
                {
                  key: 'weight',
                  label: 'Weight',
                  numeric: true,
                  value: (d: District) => formatDecimal(this.weights?.[d.code] ?? 1),
                },
              ]}
              .rows=${[...this.districts]}
            ></tsp-table>`
          : nothing
      }
      <h3 class="govuk-heading-s">Solve options</h3>
      <div class="govuk-form-group">
        <div class="govuk-checkboxes govuk-checkboxes--small">
          ${this.checkbox('alloc-whole-places', 'Whole places', 'Every allocation is a whole number of places.', settings.wholePlaces, 'wholePlaces')}
          ${this.checkbox('alloc-minimum-cohorts', 'Minimum cohorts', 'A plan gets no places or at least its minimum cohort.', settings.minimumCohorts, 'minimumCohorts')}
        </div>
      </div>
      ${this.textField(
        fieldIds.timeLimit,
        'Time limit',
        'The solve stops here and shows the best plan found, with how far it may be from the best.',
        settings.timeLimitSeconds,
        'timeLimitSeconds',
        'seconds',
      )}
      ${this.textField(
        fieldIds.gap,
        'Gap',
        'The search stops once the plan is provably within this much of the best possible.',
        settings.gapPercent,
        'gapPercent',
        '%',
      )}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-allocation-options': TspAllocationOptions;
  }
}
