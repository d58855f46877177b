import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RegionDataset } from '../../data/types.ts';
import {
  exportSubmission,
  intelligenceTotals,
  partnerSchoolBasis,
  partnershipForecast,
  type IntelligenceContext,
  type IntelligenceState,
  type PartnerSchoolAssignment,
  type PartnershipForecastRow,
  type ShareWeights,
} from '../../partnerships/index.ts';
import { downloadText } from '../download.ts';
import '../maps/tsp-partnership-reach.ts';
import type { DistrictNeedRun } from './district-need-run.ts';
import { emit } from './view-helpers.ts';
import './tsp-intelligence-form.ts';
import './tsp-intelligence-list.ts';
import './tsp-partner-schools.ts';
import './tsp-partnership-forecast.ts';
import './tsp-partnership-summary.ts';

/**
 * The partnership lead's view: choose a partnership, see who it is, its partner schools,
 * employment footprint and track record, its three-year forecast, add local intelligence
 * and export the submission for the allocation manager.
 *
 * @summary Partnership lead view (a composition of the partnership elements).
 * @fires tsp-partnership-select - detail `{ code }`: another partnership was chosen.
 */
@customElement('tsp-partnership-lead')
export class TspPartnershipLead extends LitElement {
  @property({ attribute: false }) region: RegionDataset | undefined;
  @property({ attribute: false }) assignment: PartnerSchoolAssignment | undefined;
  @property({ attribute: false }) weights: ShareWeights | undefined;
  @property({ attribute: false }) run: DistrictNeedRun | undefined;
  @property({ attribute: false }) intelligence: IntelligenceState = { entries: [] };
  @property() selectedCode = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private forecastRows(): PartnershipForecastRow[] {
    if (this.weights === undefined || this.run === undefined || this.selectedCode === '') return [];
    return partnershipForecast(
      this.selectedCode,
      this.weights,
      this.run.need,
      intelligenceTotals(this.intelligence.entries, this.selectedCode),
    );
  }

  private downloadSubmission(part: 'data' | 'meta', rows: readonly PartnershipForecastRow[]): void {
    const partnership = this.region?.partnerships.find((p) => p.code === this.selectedCode);
    if (partnership === undefined) return;
    const file = exportSubmission(partnership, this.intelligence.entries, rows);
    if (part === 'data') downloadText(file.fileName, file.csv);
    else downloadText(file.metaFileName, file.metaCsv);
  }

  protected override render(): TemplateResult | typeof nothing {
    const region = this.region;
    if (region === undefined || this.assignment === undefined) return nothing;
    const partnership = region.partnerships.find((p) => p.code === this.selectedCode);
    const select = html`<div class="govuk-form-group">
      <label class="govuk-label govuk-label--s" for="tsp-partnership-select">Partnership</label>
      <select
        class="govuk-select"
        id="tsp-partnership-select"
        @change=${(event: Event) =>
          emit(this, 'tsp-partnership-select', { code: (event.target as HTMLSelectElement).value })}
      >
        <option value="" ?selected=${partnership === undefined}>Choose a partnership</option>
        ${region.partnerships.map(
          (p) =>
            html`<option value=${p.code} ?selected=${p.code === this.selectedCode}>
              ${p.name} (${p.code})
            </option>`,
        )}
      </select>
    </div>`;
    if (partnership === undefined) return select;
    const rows = this.forecastRows();
    const context: IntelligenceContext | undefined = this.run && {
      entryYears: this.run.entryYears,
      partnerships: region.partnerships,
      schools: region.schools,
      assignment: this.assignment,
    };
    const entryCount = this.intelligence.entries.filter(
      (entry) => entry.partnershipCode === partnership.code,
    ).length;
    return html`
      ${select}
      <tsp-partnership-summary
        .partnership=${partnership}
        .districts=${region.districts}
        .plans=${region.partnershipPlans}
      ></tsp-partnership-summary>
      <tsp-partner-schools
        .partnership=${partnership}
        .partnerships=${region.partnerships}
        .districts=${region.districts}
        .schools=${region.schools}
        .assignment=${this.assignment}
      ></tsp-partner-schools>
      <h2 class="govuk-heading-m">Employment footprint</h2>
      <p class="govuk-body">
        Where its newly qualified teachers take their first posts: the share in each district of the
        region and outside it.
      </p>
      <tsp-partnership-reach
        .partnership=${partnership}
        .districts=${region.districts}
      ></tsp-partnership-reach>
      ${
        this.run === undefined || context === undefined
          ? nothing
          : html`
              <tsp-partnership-forecast
                .partnership=${partnership}
                .rows=${rows}
                .entryYears=${this.run.entryYears}
                basis=${partnerSchoolBasis(this.assignment, partnership.code)}
              ></tsp-partnership-forecast>
              <tsp-intelligence-form
                .partnership=${partnership}
                .context=${context}
                .intelligence=${this.intelligence}
                .districts=${region.districts}
              ></tsp-intelligence-form>
              <tsp-intelligence-list
                .partnership=${partnership}
                .intelligence=${this.intelligence}
              ></tsp-intelligence-list>
              <h2 class="govuk-heading-m">Export the submission</h2>
              <p class="govuk-body">
                The submission holds the three-year forecast above and its
                ${entryCount === 1 ? '1 entry' : `${entryCount} entries`} of local intelligence, as
                tidy CSV. Send both files to the allocation manager, who loads the CSV.
              </p>
              <div class="govuk-button-group">
                <button
                  type="button"
                  class="govuk-button"
                  @click=${() => this.downloadSubmission('data', rows)}
                >
                  Download the submission (CSV)
                </button>
                <button
                  type="button"
                  class="govuk-button govuk-button--secondary"
                  @click=${() => this.downloadSubmission('meta', rows)}
                >
                  Download its metadata (.meta.csv)
                </button>
              </div>
            `
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-partnership-lead': TspPartnershipLead;
  }
}
