import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RegionDataset } from '../../data/types.ts';
import { systemClock, type Clock } from '../../data/clock.ts';
import { RunController } from '../../runtime/run-controller.ts';
import { ModelPool } from '../../runtime/model-pool.ts';
import { CENTRAL_LABEL } from '../../charts/fan-chart.ts';
import { formatCount, formatPercent } from '../format.ts';
import { provenanceTag } from '../provenance-tag.ts';
import { DEFAULT_CHOICES, selectionLabel, type ForecastView } from '../forecast/forecast-view.ts';
import { runForecast } from '../forecast/run-forecast.ts';
import { loadDefaultCycle } from '../in-year/default-cycle.ts';
import { InYearSession } from '../in-year/in-year-session.ts';
import {
  LOW_FILL_RATE,
  coldSpotSummary,
  inYearSummary,
  type ColdSpotSummary,
  type InYearSummary,
} from '../overview/overview-figures.ts';
import '../overview/tsp-region-districts.ts';
import '../overview/tsp-overview-map.ts';
import { methodNoteLink } from '../method-note.ts';

/**
 * The Overview, the app's home: each user's main figure first, worked out by the same code
 * and defaults as its own page (so the two agree), each linking to that page. Trainee need
 * for the next three entry years with ranges (Forecast), the in-year fill, unfilled places and
 * pending transfers (In-year), and the cold spots of the default index (Maps, Allocation).
 *
 * @summary Overview of the region's headline figures.
 */
@customElement('tsp-home-page')
export class TspHomePage extends LitElement {
  @property({ attribute: false }) region: RegionDataset | undefined;
  /** Today's date: the forecast plans the next three entry years from it (tests fix it). */
  @property({ attribute: false }) clock: Clock = systemClock;

  @state() private forecast: ForecastView | undefined;
  @state() private forecastError = '';
  @state() private inYear: { summary: InYearSummary | null; illustrative: boolean } | undefined;
  @state() private inYearError = '';

  private pool: ModelPool | undefined;
  private readonly runs = new RunController(this);
  private started: RegionDataset | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const region = this.region;
    if (changed.has('region') && region && region !== this.started) {
      this.started = region;
      void this.runForecast(region);
      void this.openInYear(region);
    }
  }

  override disconnectedCallback(): void {
    this.pool?.terminate();
    this.pool = undefined;
    super.disconnectedCallback();
  }

  /** The Forecast page's default run (same choices and seed), so its figures match. */
  private async runForecast(region: RegionDataset): Promise<void> {
    const pool = (this.pool ??= new ModelPool());
    const outcome = await this.runs.run(({ signal }) =>
      runForecast(pool, region, DEFAULT_CHOICES, {
        today: this.clock(),
        signal,
        onProgress: () => {},
      }),
    );
    if (outcome.status === 'superseded') return;
    if (outcome.status === 'done') this.forecast = outcome.value.view;
    if (outcome.status === 'failed') this.forecastError = outcome.message;
    // The workers are not needed again until the data change.
    this.pool?.terminate();
    this.pool = undefined;
  }

  private async openInYear(region: RegionDataset): Promise<void> {
    try {
      const session = await InYearSession.open(await loadDefaultCycle(), region.partnerships);
      const view = session.view();
      this.inYear = {
        summary: view ? inYearSummary(view, session.ledger) : null,
        illustrative: session.includesIllustrative,
      };
    } catch (error) {
      this.inYearError = error instanceof Error ? error.message : String(error);
    }
  }

  protected override render(): TemplateResult {
    const region = this.region;
    return html`
      <h1 class="govuk-heading-xl govuk-!-margin-bottom-4">Teacher Supply Planner</h1>
      <p class="govuk-body-l">
        ${region ? html`Overview of <strong>${region.regionName}</strong>: ` : nothing}how many new
        teachers the region needs, how this year's training places are filling and where the cold
        spots are. Each figure links to the page that explains it.
      </p>
      ${
        region
          ? // The figures on the left, the tall map on the right: two columns of about equal
            // length, so the page fits about two laptop screens.
            html`<div class="govuk-grid-row">
                <div class="govuk-grid-column-one-half">
                  ${this.renderNeed()} ${this.renderInYear()}
                </div>
                <div class="govuk-grid-column-one-half">
                  ${this.renderColdSpots(coldSpotSummary(region))}
                </div>
              </div>
              ${this.renderAttention()} ${this.renderJobs()}
              <p class="govuk-body">
                How the figures are worked out: ${methodNoteLink('supply-model', 'need')},
                ${methodNoteLink('allocation', 'allocation')},
                ${methodNoteLink('redistribution', 'in-year redistribution')},
                ${methodNoteLink('maps', 'cold spots')} and ${methodNoteLink('data', 'data')}.
              </p>
              <tsp-region-districts .region=${region}></tsp-region-districts>`
          : html`<p class="govuk-body" role="status">Loading the region’s data…</p>`
      }
    `;
  }

  private renderNeed(): TemplateResult {
    const view = this.forecast;
    const heading = html`<h2 class="govuk-heading-m">
      Postgraduate trainees needed${provenanceTag('estimated')}
    </h2>`;
    if (this.forecastError) {
      return html`<section class="tsp-kpi" data-testid="overview-need">
        ${heading}
        <p class="govuk-body">The forecast could not run: ${this.forecastError}</p>
      </section>`;
    }
    if (!view) {
      return html`<section class="tsp-kpi" data-testid="overview-need">
        ${heading}
        <p class="govuk-body" role="status">Working out the forecast…</p>
      </section>`;
    }
    return html`<section class="tsp-kpi" data-testid="overview-need">
      ${heading}
      <p class="govuk-body">
        Postgraduate trainees to recruit in each of the next three entry years
        (${selectionLabel(view)}): the model's ${CENTRAL_LABEL.toLowerCase()}, with the 10th to 90th
        percentile range of ${formatCount(view.choices.drawCount)} draws.
      </p>
      <table class="govuk-table tsp-kpi__table">
        <caption class="govuk-visually-hidden">
          Trainees needed by entry year, ${selectionLabel(view)}
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Entry year</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">
              ${CENTRAL_LABEL}
            </th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Range</th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          ${view.years.map(
            (year) =>
              html`<tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">
                  ${year.entryYear}${year.status === 'extrapolated' ? ' (extrapolated)' : ''}
                </th>
                <td class="govuk-table__cell govuk-table__cell--numeric tsp-numeric tsp-kpi__value">
                  ${formatCount(year.trainee.central)}
                </td>
                <td class="govuk-table__cell govuk-table__cell--numeric tsp-numeric">
                  ${
                    year.trainee.p10 === undefined || year.trainee.p90 === undefined
                      ? 'x'
                      : `${formatCount(year.trainee.p10)} to ${formatCount(year.trainee.p90)}`
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p class="govuk-body">
        <a class="govuk-link" href="/forecast" data-route>See the forecast and why need changes</a>
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href="/allocation" data-route
          >Share the places across partnerships to meet this need</a
        >
      </p>
    </section>`;
  }

  private renderInYear(): TemplateResult {
    const heading = html`<h2 class="govuk-heading-m">
      This year's places${this.inYear?.illustrative ? provenanceTag('illustrative') : nothing}
    </h2>`;
    if (this.inYearError) {
      return html`<section class="tsp-kpi">
        ${heading}
        <p class="govuk-body">The in-year returns could not be read: ${this.inYearError}</p>
      </section>`;
    }
    const summary = this.inYear?.summary;
    if (this.inYear === undefined || summary === null || summary === undefined) {
      return html`<section class="tsp-kpi">
        ${heading}
        <p class="govuk-body" role=${this.inYear ? nothing : 'status'}>
          ${this.inYear ? 'No monthly return has been loaded yet.' : 'Reading the returns…'}
        </p>
      </section>`;
    }
    return html`<section class="tsp-kpi" data-testid="overview-in-year">
      ${heading}
      <dl class="govuk-summary-list govuk-summary-list--no-border tsp-kpi__list">
        ${this.row('Filled at the end of ' + summary.monthName, formatPercent(summary.fillRate))}
        ${this.row('Recruited', `${formatCount(summary.recruited)} of ${formatCount(summary.allocated)}`)}
        ${this.row('Places still unfilled', formatCount(summary.unfilled))}
        ${this.row('Expected to stay unfilled at the end of the cycle', formatCount(Math.round(summary.expectedUnfilled)))}
        ${this.row('Transfers waiting for a decision', formatCount(summary.pendingTransfers))}
      </dl>
      <p class="govuk-body">
        <a class="govuk-link" href="/in-year" data-route>Track returns and move unfilled places</a>
      </p>
    </section>`;
  }

  private row(key: string, value: string): TemplateResult {
    return html`<div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">${key}</dt>
      <dd class="govuk-summary-list__value tsp-numeric tsp-kpi__value">${value}</dd>
    </div>`;
  }

  private renderColdSpots(summary: ColdSpotSummary | null): TemplateResult {
    if (!summary) {
      return html`<section class="tsp-kpi">
        <h2 class="govuk-heading-m">Cold spots</h2>
        <p class="govuk-body">The data have no district indicators to find cold spots with.</p>
      </section>`;
    }
    return html`<section class="tsp-kpi" data-testid="overview-cold-spots">
      <h2 class="govuk-heading-m">Cold spots${provenanceTag(summary.provenance)}</h2>
      <p class="govuk-body">
        <span class="tsp-kpi__value govuk-!-font-weight-bold">${summary.names.length}</span> of
        ${summary.districtCount}
        districts${summary.names.length > 0 ? html`: ${summary.names.join(', ')}` : nothing}.
        Districts much worse off than average on ${summary.indicatorLabels.join(' and ')}.
      </p>
      <tsp-overview-map .region=${this.region}></tsp-overview-map>
      <p class="govuk-body">
        <a class="govuk-link" href="/maps" data-route>See the cold-spot maps</a>
      </p>
    </section>`;
  }

  /** Partnerships filling slowly, in words, so a manager knows where to look first. */
  private renderAttention(): TemplateResult | typeof nothing {
    const low = this.inYear?.summary?.lowFill ?? [];
    if (low.length === 0) return nothing;
    return html`<h2 class="govuk-heading-m">Needs attention</h2>
      <p class="govuk-body" data-testid="overview-attention">
        ${low.length} ${low.length === 1 ? 'partnership is' : 'partnerships are'} expected to fill
        less than ${formatPercent(LOW_FILL_RATE)} of their places by the end of the cycle:
        ${low.map((entry) => `${entry.name} (${formatPercent(entry.expectedFillRate)})`).join(', ')}.
        <a class="govuk-link" href="/in-year" data-route>See their returns</a>
      </p>`;
  }

  private renderJobs(): TemplateResult {
    return html`<h2 class="govuk-heading-m">What you can do</h2>
      <ul class="govuk-list govuk-list--bullet">
        <li>
          Regional allocation managers:
          <a class="govuk-link" href="/allocation" data-route>allocate ITT places</a> and
          <a class="govuk-link" href="/in-year" data-route>redistribute unfilled places</a>
        </li>
        <li>
          DfE and regional analysts:
          <a class="govuk-link" href="/scenarios" data-route>compare scenarios</a>
        </li>
        <li>
          ITT partnership leads:
          <a class="govuk-link" href="/partnerships" data-route
            >forecast your NQT demand over three years</a
          >
        </li>
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-home-page': TspHomePage;
  }
}
