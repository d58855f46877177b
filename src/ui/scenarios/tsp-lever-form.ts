import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SUBJECT_GROUPS } from '../../data/types.ts';
import type { RegionDataset } from '../../data/types.ts';
import {
  LEVERS,
  LEVER_GROUPS,
  RUN_SETTINGS,
  loadScenario,
  prepareScenario,
  type LeverDoc,
  type Scenario,
} from '../../scenarios/index.ts';
import {
  draftOf,
  fieldIdOf,
  fieldMessageOf,
  scenarioFromDraft,
  type Draft,
} from './lever-draft.ts';
import { systemClock } from '../../data/clock.ts';
import { govukDescribedBy, govukField } from '../govuk-field.ts';
import { govukDetails } from '../details.ts';
import '../tsp-error-summary.ts';

interface FieldError {
  id: string;
  message: string;
}

const SUBJECT_LEVERS = LEVERS.filter((lever) => lever.path.includes('<subject>'));
const FORMULA_HINT = 'A number, or a formula in year and t such as 1 - 0.01 * t.';

/**
 * The lever form: every lever of a scenario with its unit, range, default and source. On
 * "Run scenario" the form is checked by the strict scenario loader and against the dataset;
 * problems are listed in a GOV.UK error summary (focused) and beside each field.
 *
 * @summary Edit a scenario's levers.
 * @fires tsp-run - detail `{ scenario }`, a valid scenario to run.
 */
@customElement('tsp-lever-form')
export class TspLeverForm extends LitElement {
  @property({ attribute: false }) scenario: Scenario | undefined;
  @property({ attribute: false }) region: RegionDataset | undefined;
  @property({ type: Boolean }) running = false;
  @state() private draft: Draft = {};
  @state() private name = '';
  @state() private description = '';
  @state() private subject = 'Physics';
  @state() private errors: FieldError[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('scenario') && this.scenario) {
      this.draft = draftOf(this.scenario);
      this.name = this.scenario.name;
      this.description = this.scenario.description;
      this.errors = [];
    }
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const region = this.region;
    if (!this.scenario || !region) return;
    const loaded = await loadScenario(
      scenarioFromDraft(this.scenario, this.name, this.description, this.draft),
    );
    const prepared = loaded.ok
      ? await prepareScenario(loaded.scenario, region, systemClock())
      : undefined;
    const issues = !loaded.ok ? loaded.issues : prepared && !prepared.ok ? prepared.issues : [];
    this.errors = issues.map((issue) => ({
      id: fieldIdOf(issue.path),
      message: fieldMessageOf(issue),
    }));
    if (this.errors.length > 0 || !loaded.ok) {
      void this.updateComplete.then(() => this.querySelector('tsp-error-summary')?.focusSummary());
      return;
    }
    this.dispatchEvent(
      new CustomEvent('tsp-run', { detail: { scenario: loaded.scenario }, bubbles: true }),
    );
  }

  private errorFor(id: string): string | undefined {
    return this.errors.find((error) => error.id === id)?.message;
  }

  private field(doc: LeverDoc, key: string, id: string, label = doc.label): TemplateResult {
    const hint = `${doc.unit}. From ${doc.min} to ${doc.max}. Default: ${doc.defaultText}. ${doc.formula ? FORMULA_HINT : ''}`;
    const field = { id, label, hint, error: this.errorFor(id) };
    return govukField(
      field,
      html`<input
        class="govuk-input ${doc.formula ? 'govuk-input--width-20' : 'govuk-input--width-10'} ${field.error ? 'govuk-input--error' : ''}"
        id=${id}
        name=${key}
        type="text"
        spellcheck="false"
        autocomplete="off"
        aria-describedby=${govukDescribedBy(field)}
        .value=${this.draft[key] ?? ''}
        @input=${(event: Event) => {
          this.draft = { ...this.draft, [key]: (event.target as HTMLInputElement).value };
        }}
      />`,
    );
  }

  private subjectFields(): TemplateResult {
    const set = SUBJECT_GROUPS.filter((group) =>
      SUBJECT_LEVERS.some((doc) => (this.draft[doc.path.replace('<subject>', group)] ?? '') !== ''),
    );
    return html`<div class="govuk-form-group">
        <label class="govuk-label" for="lever-subject">Subject for the training levers</label>
        <div class="govuk-hint" id="lever-subject-hint">
          Set for:
          ${set.length > 0 ? set.join(', ') : 'no subject (every subject uses the defaults)'}.
        </div>
        <select
          class="govuk-select"
          id="lever-subject"
          aria-describedby="lever-subject-hint"
          @change=${(event: Event) => (this.subject = (event.target as HTMLSelectElement).value)}
        >
          ${SUBJECT_GROUPS.map(
            (group) =>
              html`<option value=${group} ?selected=${group === this.subject}>${group}</option>`,
          )}
        </select>
      </div>
      <div class="tsp-field-grid">
        ${SUBJECT_LEVERS.map((doc) =>
          this.field(
            doc,
            doc.path.replace('<subject>', this.subject),
            `lever-${doc.path.replace('.<subject>', '')}`,
            `${doc.label}: ${this.subject}`,
          ),
        )}
      </div>`;
  }

  private demandMode(): TemplateResult {
    const options = [
      ['', 'Model default (elasticity)'],
      ['elasticity', 'Demand follows pupils through the elasticity'],
      ['ptr', 'Demand follows pupils through the pupil:teacher ratio'],
    ];
    return html`<div class="govuk-form-group">
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
          How demand follows pupils
        </legend>
        <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
          ${options.map(
            ([value, label], i) =>
              html`<div class="govuk-radios__item">
                <input
                  class="govuk-radios__input"
                  id=${i === 0 ? 'lever-demandMode' : `lever-demandMode-${value}`}
                  name="demandMode"
                  type="radio"
                  value=${value!}
                  .checked=${(this.draft.demandMode ?? '') === value}
                  @change=${() => (this.draft = { ...this.draft, demandMode: value! })}
                />
                <label
                  class="govuk-label govuk-radios__label"
                  for=${i === 0 ? 'lever-demandMode' : `lever-demandMode-${value}`}
                  >${label}</label
                >
              </div>`,
          )}
        </div>
      </fieldset>
    </div>`;
  }

  /** How many of the group's levers the draft sets (a subject lever counts once per subject). */
  private setCount(name: (typeof LEVER_GROUPS)[number]): number {
    const keys = LEVERS.filter((doc) => doc.group === name).flatMap((doc) =>
      doc.path.includes('<subject>')
        ? SUBJECT_GROUPS.map((group) => doc.path.replace('<subject>', group))
        : [doc.path],
    );
    return keys.filter((key) => (this.draft[key] ?? '') !== '').length;
  }

  /**
   * A group of levers folded under its name and how many it sets, so the page opens short and
   * says which groups change anything; open, its fields sit in a compact grid. A group with an
   * error opens.
   */
  private group(name: (typeof LEVER_GROUPS)[number]): TemplateResult {
    const levers = LEVERS.filter((doc) => doc.group === name && !doc.path.includes('<subject>'));
    const hasError = this.errors.some((error) =>
      [
        ...levers.map((doc) => `lever-${doc.path.replace(/\./g, '-')}`),
        ...SUBJECT_LEVERS.map((doc) => `lever-${doc.path.replace('.<subject>', '')}`),
      ].includes(error.id),
    );
    const set = this.setCount(name);
    return govukDetails(
      `${name} (${set === 0 ? 'all defaults' : `${set} set`})`,
      html`${name === 'Pupils and demand' ? this.demandMode() : nothing}
        <div class="tsp-field-grid">
          ${levers.map((doc) => this.field(doc, doc.path, `lever-${doc.path.replace(/\./g, '-')}`))}
        </div>
        ${name === 'Teacher training' ? this.subjectFields() : nothing}`,
      { open: hasError },
    );
  }

  protected override render(): TemplateResult {
    if (!this.scenario) return html``;
    const nameError = this.errorFor('scenario-name');
    return html`<form novalidate @submit=${this.onSubmit}>
      ${
        this.errors.length > 0
          ? html`<tsp-error-summary
              heading="There is a problem with the levers"
              .items=${this.errors.map((error) => ({ text: error.message, href: `#${error.id}` }))}
            ></tsp-error-summary>`
          : nothing
      }
      <div class="govuk-form-group ${nameError ? 'govuk-form-group--error' : ''}">
        <label class="govuk-label govuk-label--s" for="scenario-name">Scenario name</label>
        ${nameError ? html`<p class="govuk-error-message" id="scenario-name-error"><span class="govuk-visually-hidden">Error:</span> ${nameError}</p>` : nothing}
        <input
          class="govuk-input govuk-!-width-two-thirds"
          id="scenario-name"
          type="text"
          .value=${this.name}
          aria-describedby=${nameError ? 'scenario-name-error' : nothing}
          @input=${(event: Event) => (this.name = (event.target as HTMLInputElement).value)}
        />
      </div>
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="scenario-description">Description</label>
        <div class="govuk-hint" id="scenario-description-hint">
          What this scenario assumes and why. If you change the levers and leave this as it is, the
          saved scenario says it was edited from the original, and the original's evidence is left
          out.
        </div>
        <textarea
          class="govuk-textarea"
          id="scenario-description"
          rows="3"
          aria-describedby="scenario-description-hint"
          .value=${this.description}
          @input=${(event: Event) =>
            (this.description = (event.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <p class="govuk-body">
        Leave a lever empty to use its default. Open a group to see and change its levers.
      </p>
      ${LEVER_GROUPS.map((name) => this.group(name))}
      <fieldset class="govuk-fieldset govuk-!-margin-bottom-6">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
          Uncertainty (Monte Carlo)
        </legend>
        <div class="tsp-field-grid">
          ${RUN_SETTINGS.map((doc) => this.field(doc, `run.${doc.path}`, `lever-run-${doc.path}`))}
        </div>
      </fieldset>
      <button
        type="submit"
        class="govuk-button"
        data-module="govuk-button"
        ?disabled=${this.running}
      >
        Run scenario
      </button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-lever-form': TspLeverForm;
  }
}
