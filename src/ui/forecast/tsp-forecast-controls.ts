import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { MAX_DRAWS } from '../../model/monte-carlo.ts';
import { customElement, property, state } from 'lit/decorators.js';
import { SECONDARY_SUBJECTS, type Phase, type SecondarySubject } from '../../data/types.ts';
import {
  ALL_SUBJECTS,
  DEFAULT_CHOICES,
  ENGLAND_NATIONAL,
  WHOLE_REGION,
  type ForecastChoices,
} from './forecast-view.ts';
import { govukDescribedBy, govukField } from '../govuk-field.ts';
import '../tsp-error-summary.ts';

const MAX_SEED = 2_147_483_647;

/** A whole number written in digits (thousands commas allowed) within [min, max], else undefined. */
export function readWholeNumber(text: string, min: number, max: number): number | undefined {
  const cleaned = text.trim().replace(/,/g, '');
  if (!/^\d+$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return value >= min && value <= max ? value : undefined;
}

interface FieldError {
  id: string;
  message: string;
}

/**
 * The forecast's choices as a GOV.UK form: area (the whole region, one district or England),
 * phase, secondary subject, number of Monte Carlo draws and seed. Bad numbers get an error
 * summary (focused) and inline messages; nothing runs until they are fixed.
 *
 * @summary Forecast controls.
 * @fires tsp-forecast-run - detail: the valid `ForecastChoices`.
 */
@customElement('tsp-forecast-controls')
export class TspForecastControls extends LitElement {
  @property({ attribute: false }) districts: readonly { code: string; name: string }[] = [];
  @property() regionName = '';
  /** While a run is under way the button is disabled (the progress panel has Cancel). */
  @property({ type: Boolean }) running = false;
  /** The choices the form starts from (e.g. read from the address). */
  @property({ attribute: false }) initial: ForecastChoices | undefined;

  @state() private area = DEFAULT_CHOICES.area;
  @state() private phase: Phase = DEFAULT_CHOICES.phase;
  @state() private subject: ForecastChoices['subject'] = DEFAULT_CHOICES.subject;
  @state() private drawsText = String(DEFAULT_CHOICES.drawCount);
  @state() private seedText = String(DEFAULT_CHOICES.seed);
  @state() private errors: FieldError[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('initial') || this.initial === undefined) return;
    this.area = this.initial.area;
    this.phase = this.initial.phase;
    this.subject = this.initial.subject;
    this.drawsText = String(this.initial.drawCount);
    this.seedText = String(this.initial.seed);
  }

  private submit(event: Event): void {
    event.preventDefault();
    const drawCount = readWholeNumber(this.drawsText, 0, MAX_DRAWS);
    const seed = readWholeNumber(this.seedText, 0, MAX_SEED);
    const errors: FieldError[] = [];
    if (drawCount === undefined) {
      errors.push({
        id: 'forecast-draws',
        message: 'Enter the number of draws as a whole number from 0 to 20,000',
      });
    }
    if (seed === undefined) {
      errors.push({
        id: 'forecast-seed',
        message: 'Enter the seed as a whole number from 0 to 2,147,483,647',
      });
    }
    this.errors = errors;
    document.title = document.title.replace(/^Error: /, '');
    if (drawCount === undefined || seed === undefined) {
      document.title = `Error: ${document.title}`;
      void this.updateComplete.then(() => this.querySelector('tsp-error-summary')?.focusSummary());
      return;
    }
    const choices: ForecastChoices = {
      area: this.area,
      phase: this.phase,
      subject: this.subject,
      drawCount,
      seed,
    };
    this.dispatchEvent(
      new CustomEvent<ForecastChoices>('tsp-forecast-run', { detail: choices, bubbles: true }),
    );
  }

  private errorFor(id: string): FieldError | undefined {
    return this.errors.find((error) => error.id === id);
  }

  private renderErrorSummary(): TemplateResult | typeof nothing {
    if (this.errors.length === 0) return nothing;
    return html`<tsp-error-summary
      .items=${this.errors.map((error) => ({ text: error.message, href: `#${error.id}` }))}
    ></tsp-error-summary>`;
  }

  private renderNumberField(
    id: string,
    label: string,
    hint: string,
    value: string,
    onInput: (value: string) => void,
  ): TemplateResult {
    const field = { id, label, hint, error: this.errorFor(id)?.message };
    return govukField(
      field,
      html`<input
        class="govuk-input govuk-input--width-10 ${field.error ? 'govuk-input--error' : ''}"
        id=${id}
        name=${id}
        type="text"
        inputmode="numeric"
        spellcheck="false"
        aria-describedby=${govukDescribedBy(field)}
        .value=${value}
        @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
      />`,
    );
  }

  protected override render(): TemplateResult {
    return html`${this.renderErrorSummary()}
      <form novalidate @submit=${this.submit}>
        <div class="govuk-form-group">
          <label class="govuk-label" for="forecast-area">Area</label>
          <select
            class="govuk-select"
            id="forecast-area"
            name="forecast-area"
            @change=${(e: Event) => (this.area = (e.target as HTMLSelectElement).value)}
          >
            <option value=${WHOLE_REGION} ?selected=${this.area === WHOLE_REGION}>
              All of ${this.regionName} (${this.districts.length} districts)
            </option>
            ${this.districts.map(
              (d) =>
                html`<option value=${d.code} ?selected=${this.area === d.code}>${d.name}</option>`,
            )}
            <option value=${ENGLAND_NATIONAL} ?selected=${this.area === ENGLAND_NATIONAL}>
              England (national model)
            </option>
          </select>
        </div>
        <div class="govuk-form-group">
          <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Phase</legend>
            <div class="govuk-radios govuk-radios--small govuk-radios--inline">
              ${(['primary', 'secondary'] as const).map(
                (phase) =>
                  html`<div class="govuk-radios__item">
                    <input
                      class="govuk-radios__input"
                      id="forecast-phase-${phase}"
                      name="forecast-phase"
                      type="radio"
                      value=${phase}
                      .checked=${this.phase === phase}
                      @change=${() => (this.phase = phase)}
                    />
                    <label class="govuk-label govuk-radios__label" for="forecast-phase-${phase}">
                      ${phase === 'primary' ? 'Primary' : 'Secondary'}
                    </label>
                  </div>`,
              )}
            </div>
          </fieldset>
        </div>
        ${
          this.phase === 'secondary'
            ? html`<div class="govuk-form-group">
                <label class="govuk-label" for="forecast-subject">Secondary subject</label>
                <select
                  class="govuk-select"
                  id="forecast-subject"
                  name="forecast-subject"
                  @change=${(e: Event) =>
                    (this.subject = (e.target as HTMLSelectElement).value as
                      typeof ALL_SUBJECTS | SecondarySubject)}
                >
                  <option value=${ALL_SUBJECTS} ?selected=${this.subject === ALL_SUBJECTS}>
                    All secondary subjects
                  </option>
                  ${SECONDARY_SUBJECTS.map(
                    (s) => html`<option value=${s} ?selected=${this.subject === s}>${s}</option>`,
                  )}
                </select>
              </div>`
            : nothing
        }
        ${this.renderNumberField(
          'forecast-draws',
          'Number of Monte Carlo draws',
          'From 0 to 20,000. More draws give steadier ranges; 0 gives the central projection only.',
          this.drawsText,
          (value) => (this.drawsText = value),
        )}
        ${this.renderNumberField(
          'forecast-seed',
          'Random seed',
          'The same seed and draws always give the same numbers.',
          this.seedText,
          (value) => (this.seedText = value),
        )}
        <button
          type="submit"
          class="govuk-button"
          data-module="govuk-button"
          ?disabled=${this.running}
          aria-disabled=${this.running ? 'true' : 'false'}
        >
          Run forecast
        </button>
      </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-forecast-controls': TspForecastControls;
  }
}
