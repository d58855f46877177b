import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RegionDataset } from '../../data/types.ts';
import { systemClock, type Clock } from '../../data/clock.ts';
import { ModelPool } from '../../runtime/model-pool.ts';
import { formatCount } from '../format.ts';
import { ROUTES } from '../routes.ts';
import { fileStem, fullForecastFiles } from '../forecast/forecast-files.ts';
import {
  choicesFromSettings,
  choicesToSettings,
  selectionLabel,
  type ForecastChoices,
} from '../forecast/forecast-view.ts';
import { MAX_DRAWS } from '../../model/monte-carlo.ts';
import { readSetting, writeSettings } from '../url-state.ts';
import { runForecast, type ForecastResult } from '../forecast/run-forecast.ts';
import type { DrawRunner } from '../../model/index.ts';
import '../forecast/tsp-forecast-accuracy.ts';
import '../forecast/tsp-forecast-controls.ts';
import '../tsp-download.ts';
import '../forecast/tsp-forecast-drivers.ts';
import '../forecast/tsp-forecast-flows.ts';
import '../forecast/tsp-forecast-inputs.ts';
import '../forecast/tsp-forecast-need.ts';
import '../forecast/tsp-forecast-progress.ts';
import { methodNoteLink } from '../method-note.ts';
import { RunController, type RunNotice } from '../../runtime/run-controller.ts';
import { govukDetails } from '../details.ts';

/**
 * The Forecast page: choose an area, phase and subject; the Monte Carlo runs in the model
 * worker pool with progress and Cancel; NQT and trainee need with ranges, the drivers of
 * change and the flows behind them, each with a table and downloads. It runs once with the
 * defaults on first visit, so the page opens with numbers.
 *
 * @summary Forecast of NQT and trainee need.
 */
@customElement('tsp-forecast-page')
export class TspForecastPage extends LitElement {
  @property({ attribute: false }) region: RegionDataset | undefined;
  /** Today's date: the forecast plans the next three entry years from it (tests fix it). */
  @property({ attribute: false }) clock: Clock = systemClock;

  @state() private result: ForecastResult | undefined;

  /** The choices of the first run: the address's, so a reload or link repeats the last run. */
  private initialChoices: ForecastChoices | undefined;
  private pool: ModelPool | undefined;
  /** The Monte Carlo run: progress in draws, and the banner of what the last user action came to. */
  private readonly runs = new RunController(this);
  private started = false;
  /** The accuracy check's draws run in the same worker pool as the forecast. */
  private readonly runDraws: DrawRunner = (inputs, options) =>
    (this.pool ??= new ModelPool()).run(inputs, options);

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('region') && this.region && !this.started) {
      this.started = true;
      this.initialChoices = choicesFromSettings(
        readSetting,
        this.region.districts.map((district) => district.code),
        MAX_DRAWS,
      );
      void this.run(this.initialChoices, false);
    }
  }

  override disconnectedCallback(): void {
    this.pool?.terminate();
    this.pool = undefined;
    super.disconnectedCallback();
  }

  private async run(choices: ForecastChoices, userAction: boolean): Promise<void> {
    const region = this.region;
    if (!region) return;
    writeSettings(choicesToSettings(choices));
    const pool = (this.pool ??= new ModelPool());
    const outcome = await this.runs.run(
      ({ signal, progress }) =>
        runForecast(pool, region, choices, {
          today: this.clock(),
          signal,
          onProgress: (done) => progress(done),
        }),
      {
        total: choices.drawCount,
        ...(userAction && {
          succeeded: (result: ForecastResult) =>
            `Forecast updated for ${selectionLabel(result.view)}: ${formatCount(choices.drawCount)} draws in ${result.seconds.toFixed(1)} seconds.`,
        }),
        cancelled: () =>
          this.result
            ? 'Forecast cancelled. The results below are from the previous run.'
            : 'Forecast cancelled. Run the forecast to see results.',
        failed: (message) => `The forecast could not run: ${message}`,
      },
    );
    if (outcome.status === 'superseded') return;
    if (outcome.status === 'done') this.result = outcome.value;
    if (this.runs.notice) {
      await this.updateComplete;
      this.querySelector<HTMLElement>('[data-testid="forecast-notice"]')?.focus();
    }
  }

  private renderNotice(notice: RunNotice): TemplateResult {
    if (notice.kind === 'error') {
      return html`<div class="govuk-error-summary" data-testid="forecast-notice" tabindex="-1">
        <div role="alert">
          <h2 class="govuk-error-summary__title">There is a problem</h2>
          <div class="govuk-error-summary__body"><p class="govuk-body">${notice.text}</p></div>
        </div>
      </div>`;
    }
    const success = notice.kind === 'success';
    return html`<div
      class="govuk-notification-banner ${success ? 'govuk-notification-banner--success' : ''}"
      role=${success ? 'alert' : 'region'}
      aria-labelledby="forecast-notice-title"
      data-testid="forecast-notice"
      tabindex="-1"
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="forecast-notice-title">
          ${success ? 'Success' : 'Important'}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">${notice.text}</p>
      </div>
    </div>`;
  }

  private renderResult(result: ForecastResult): TemplateResult {
    const { view } = result;
    return html`<p class="govuk-body" data-testid="forecast-summary">
        Results for <strong>${selectionLabel(view)}</strong>: ${result.scenarioName} scenario,
        ${formatCount(view.choices.drawCount)} draws, seed ${view.choices.seed}.
      </p>
      <tsp-forecast-need .view=${view}></tsp-forecast-need>
      <tsp-forecast-drivers .view=${view}></tsp-forecast-drivers>
      ${govukDetails(
        'The demand, supply and flows behind the need',
        html`<tsp-forecast-flows .view=${view}></tsp-forecast-flows>`,
      )}
      <h2 class="govuk-heading-m">Download the full forecast</h2>
      <p class="govuk-body">
        Every ${result.national ? 'subject' : 'district, subject'} and year of this run: central
        projection, P10 to P90 ranges of each cell and the drivers of change, as tidy CSV.
      </p>
      <tsp-download
        label="full forecast"
        .files=${() => fullForecastFiles(result, `forecast-full-${fileStem(view)}`)}
      ></tsp-download>
      <tsp-forecast-accuracy
        .region=${this.region}
        .runner=${this.runDraws}
      ></tsp-forecast-accuracy>
      ${govukDetails(
        'Where the numbers come from',
        html`<tsp-forecast-inputs
          .region=${this.region}
          .choices=${view.choices}
        ></tsp-forecast-inputs>`,
      )}`;
  }

  protected override render(): TemplateResult {
    const heading = html`<h1 class="govuk-heading-l">${ROUTES.forecast.title}</h1>`;
    if (!this.region) {
      return html`${heading}
        <p class="govuk-body" role="status">Loading the data…</p>`;
    }
    return html`${this.runs.notice ? this.renderNotice(this.runs.notice) : nothing} ${heading}
      <p class="govuk-body-l">
        New teachers and trainees the area needs in the next three entry years, with ranges and the
        reasons need changes. ${methodNoteLink('supply-model', 'How the forecast is worked out')}.
      </p>
      ${govukDetails(
        'Change the area, scenario or number of draws',
        html`<div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <tsp-forecast-controls
              .districts=${this.region.districts}
              regionName=${this.region.regionName}
              ?running=${this.runs.running}
              .initial=${this.initialChoices}
              @tsp-forecast-run=${(e: CustomEvent<ForecastChoices>) => void this.run(e.detail, true)}
            ></tsp-forecast-controls>
          </div>
        </div>`,
        // The page runs the default forecast as it opens, so the answer leads; a failed run opens them.
        { open: this.runs.notice?.kind === 'error' },
      )}
      ${
        this.runs.running
          ? html`<tsp-forecast-progress
              .done=${this.runs.done}
              .total=${this.runs.total}
              @tsp-forecast-cancel=${() => this.runs.cancel()}
            ></tsp-forecast-progress>`
          : nothing
      }
      ${this.result ? this.renderResult(this.result) : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-forecast-page': TspForecastPage;
  }
}
