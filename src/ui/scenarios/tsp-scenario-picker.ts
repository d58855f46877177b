import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { provenanceTag } from '../provenance-tag.ts';
import type { Scenario } from '../../scenarios/index.ts';

/** A scenario the page can offer: shipped, saved in this browser, opened from a file or link. */
export interface ScenarioEntry {
  id: string;
  label: string;
  origin: 'shipped' | 'saved' | 'file' | 'link' | 'edited';
  scenario: Scenario;
}

const ORIGIN: Record<ScenarioEntry['origin'], string> = {
  shipped: 'shipped with the service',
  saved: 'saved in this browser',
  file: 'opened from a file',
  link: 'opened from a shared link',
  edited: 'your edits, not saved yet',
};

/**
 * Chooses the scenario to work on, shows what it assumes and its evidence, and opens a
 * scenario file from the computer.
 *
 * @summary Scenario chooser with description, evidence and file upload.
 * @fires tsp-pick - detail `{ id }`.
 * @fires tsp-upload - detail `{ file }`, a File chosen by the user.
 */
@customElement('tsp-scenario-picker')
export class TspScenarioPicker extends LitElement {
  @property({ attribute: false }) entries: ScenarioEntry[] = [];
  @property() selectedId = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private evidence(scenario: Scenario): TemplateResult | typeof nothing {
    if (!scenario.evidence?.length) return nothing;
    return html`<details class="govuk-details">
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">Evidence and assumptions</span>
      </summary>
      <div class="govuk-details__text">
        <ul class="govuk-list govuk-list--bullet">
          ${scenario.evidence.map(
            (item) =>
              html`<li>
                ${item.statement}${provenanceTag(item.provenance)}
                <span class="govuk-body-s">Source: ${item.source}</span>
              </li>`,
          )}
        </ul>
      </div>
    </details>`;
  }

  protected override render(): TemplateResult {
    const selected = this.entries.find((entry) => entry.id === this.selectedId);
    return html`<div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="scenario-choice">Scenario</label>
        <select
          class="govuk-select"
          id="scenario-choice"
          @change=${(event: Event) =>
            this.dispatchEvent(
              new CustomEvent('tsp-pick', {
                detail: { id: (event.target as HTMLSelectElement).value },
                bubbles: true,
              }),
            )}
        >
          ${this.entries.map(
            (entry) =>
              html`<option value=${entry.id} ?selected=${entry.id === this.selectedId}>
                ${entry.label} (${ORIGIN[entry.origin]})
              </option>`,
          )}
        </select>
      </div>
      ${
        selected
          ? html`<p class="govuk-body" data-testid="scenario-description">
                ${selected.scenario.description}
              </p>
              ${this.evidence(selected.scenario)}`
          : nothing
      }
      <div class="govuk-form-group">
        <label class="govuk-label" for="scenario-upload">Open a scenario file (JSON)</label>
        <div class="govuk-hint" id="scenario-upload-hint">
          A file downloaded from this page or written to the scenario schema (version 1 or 2).
        </div>
        <input
          class="govuk-file-upload"
          id="scenario-upload"
          type="file"
          accept=".json,application/json"
          aria-describedby="scenario-upload-hint"
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement;
            const file = input.files?.[0];
            if (file)
              this.dispatchEvent(
                new CustomEvent('tsp-upload', { detail: { file }, bubbles: true }),
              );
            input.value = '';
          }}
        />
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-scenario-picker': TspScenarioPicker;
  }
}
