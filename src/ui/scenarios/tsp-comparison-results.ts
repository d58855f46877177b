import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatEesCsv, formatEesMeta, type EesTable } from '../../data/ees.ts';
import {
  ALL_TEACHERS,
  comparisonTable,
  driverTable,
  type NeedOutput,
  type ScenarioResult,
  layoutYearLabel,
} from '../../scenarios/index.ts';
import { downloadText } from '../download.ts';
import { formatCount } from '../format.ts';
import { provenanceTag } from '../provenance-tag.ts';
import { OUTPUT_LABELS } from './result-format.ts';
import './tsp-comparison-table.ts';
import './tsp-driver-breakdown.ts';
import './tsp-scenario-fans.ts';

function downloadTable(name: string, table: EesTable): void {
  downloadText(`${name}.csv`, formatEesCsv(table));
  downloadText(`${name}.meta.csv`, formatEesMeta(table));
}

/**
 * Results of one run or of a comparison: controls for measure, year and breakdown; the
 * comparison table; fan charts with their table; the driver breakdown of differences; the
 * mentor check; and downloads of every table as EES tidy CSV with a .meta.csv.
 *
 * @summary Scenario results and comparison.
 */
@customElement('tsp-comparison-results')
export class TspComparisonResults extends LitElement {
  @property({ attribute: false }) results: ScenarioResult[] = [];
  @state() private output: NeedOutput = 'nqtNeed';
  @state() private year = 0;
  @state() private view: 'subjects' | 'districts' = 'subjects';
  @state() private subject = -1;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(): void {
    const layout = this.results[0]?.layout;
    if (layout && (this.subject < 0 || this.subject >= layout.subjects.length)) {
      this.subject = layout.subjects.indexOf(ALL_TEACHERS);
    }
    if (layout && this.year >= layout.years.length) this.year = 0;
  }

  private select(
    id: string,
    label: string,
    options: [string, string][],
    value: string,
    change: (value: string) => void,
  ) {
    return html`<div class="govuk-form-group">
      <label class="govuk-label" for=${id}>${label}</label>
      <select
        class="govuk-select"
        id=${id}
        @change=${(event: Event) => change((event.target as HTMLSelectElement).value)}
      >
        ${options.map(([key, text]) => html`<option value=${key} ?selected=${key === value}>${text}</option>`)}
      </select>
    </div>`;
  }

  private mentors(): TemplateResult | typeof nothing {
    const checked = this.results.filter((result) => result.mentors);
    if (checked.length === 0) return nothing;
    return html`<h3 class="govuk-heading-m">Mentor capacity</h3>
      ${checked.map((result) => {
        const short = result.mentors!.filter((year) => year.unmentored > 0);
        return short.length > 0
          ? html`<div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">Warning</span>
                ${result.scenario.name}: ECTs outnumber mentor places in
                ${short.map((year) => `${year.year} (${formatCount(year.unmentored)} ECTs without a mentor)`).join(', ')}.
                Need is not reduced: the posts still need filling, but these ECTs cannot be inducted
                as planned.
              </strong>
            </div>`
          : html`<p class="govuk-body">
              ${result.scenario.name}: mentor places cover every ECT in every year (most ECTs in a
              year: ${formatCount(Math.max(...result.mentors!.map((year) => year.ects)))}; places:
              ${formatCount(Math.min(...result.mentors!.map((year) => year.places)))} or
              more).${provenanceTag('illustrative')}
            </p>`;
      })}`;
  }

  protected override render(): TemplateResult {
    const [baseline] = this.results;
    if (!baseline) return html``;
    const layout = baseline.layout;
    const region = layout.areas.length - 1;
    const comparing = this.results.length > 1;
    return html`
      <div class="govuk-inset-text">
        Modelled projections from estimated district teacher numbers${provenanceTag('estimated')}.
        Ranges are the 10th to 90th percentiles of the Monte Carlo draws; "no range" means the run
        had no draws.
      </div>
      <div class="govuk-!-margin-bottom-4">
        ${this.select('result-output', 'Measure', Object.entries(OUTPUT_LABELS), this.output, (v) => (this.output = v as NeedOutput))}
        ${this.select(
          'result-year',
          'ITT entry year',
          layout.years.map((_, i) => [String(i), layoutYearLabel(layout, i)]),
          String(this.year),
          (v) => (this.year = Number(v)),
        )}
        ${this.select(
          'result-view',
          'Break down by',
          [
            ['subjects', 'Subject, whole region'],
            ['districts', 'District, one subject'],
          ],
          this.view,
          (v) => (this.view = v as 'subjects' | 'districts'),
        )}
        ${this.select(
          'result-subject',
          'Subject (districts, charts, drivers)',
          layout.subjects.map((s, i) => [String(i), s]),
          String(this.subject),
          (v) => (this.subject = Number(v)),
        )}
      </div>
      <tsp-comparison-table
        .results=${this.results}
        .output=${this.output}
        .year=${this.year}
        .view=${this.view}
        .subject=${this.subject}
      ></tsp-comparison-table>
      <button
        type="button"
        class="govuk-button govuk-button--secondary"
        data-module="govuk-button"
        @click=${() => downloadTable(comparing ? 'scenario_comparison' : 'scenario_result', comparisonTable(this.results))}
      >
        Download ${comparing ? 'comparison' : 'results'} (CSV, every district, subject and year)
      </button>
      <h3 class="govuk-heading-m">Over time</h3>
      <tsp-scenario-fans
        .results=${this.results}
        .output=${this.output}
        .subject=${this.subject}
      ></tsp-scenario-fans>
      ${
        comparing
          ? html`<h3 class="govuk-heading-m">What drives the differences</h3>
              <tsp-driver-breakdown
                .results=${this.results}
                .output=${this.output}
                .at=${{ area: region, subject: this.subject, year: this.year }}
              ></tsp-driver-breakdown>
              <button
                type="button"
                class="govuk-button govuk-button--secondary"
                data-module="govuk-button"
                @click=${() => downloadTable('scenario_drivers', driverTable(this.results))}
              >
                Download driver breakdown (CSV)
              </button>`
          : nothing
      }
      ${this.mentors()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-comparison-results': TspComparisonResults;
  }
}
