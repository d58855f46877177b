import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RegionDataset } from '../../data/types.ts';
import {
  BACKTEST_MEASURE_LABELS,
  runBacktest,
  summariseBacktest,
  type BacktestSummary,
  type DrawRunner,
} from '../../model/index.ts';
import { formatCount, formatPercent } from '../format.ts';
import type { TableColumn } from '../tsp-table.ts';
import '../tsp-table.ts';
import { govukDetails } from '../details.ts';

/** Draws per base year: enough for P10 and P90 of national totals, quick in the workers. */
export const ACCURACY_DRAWS = 200;
const ACCURACY_SEED = 1;

/** A summary's measure in words. */
export function measureLabel(summary: BacktestSummary): string {
  return summary.measure === 'all' ? 'All comparisons' : BACKTEST_MEASURE_LABELS[summary.measure];
}

/**
 * How accurate the supply model has been: on request, the backtest (src/model/backtest.ts)
 * runs England from each base year of the earlier TWM publication in the model workers and
 * shows, per measure, the typical and largest error against the latest publication and how
 * often the outturn fell inside the P10 to P90 range.
 *
 * @summary Backtest accuracy of the supply model.
 */
@customElement('tsp-forecast-accuracy')
export class TspForecastAccuracy extends LitElement {
  @property({ attribute: false }) region: RegionDataset | undefined;
  /** Runs the model's draws (the page's worker pool). */
  @property({ attribute: false }) runner: DrawRunner | undefined;

  @state() private summaries: BacktestSummary[] | undefined;
  @state() private running = false;
  @state() private failure: string | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private async check(): Promise<void> {
    const { region, runner } = this;
    if (!region || !runner || this.running) return;
    this.running = true;
    this.failure = undefined;
    try {
      const comparisons = await runBacktest(region, runner, {
        seed: ACCURACY_SEED,
        drawCount: ACCURACY_DRAWS,
      });
      this.summaries = comparisons.length > 0 ? summariseBacktest(comparisons) : [];
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
    } finally {
      this.running = false;
    }
  }

  private renderTable(summaries: BacktestSummary[]): TemplateResult {
    if (summaries.length === 0) {
      return html`<p class="govuk-body" data-testid="forecast-accuracy-none">
        The data has no earlier publication to check the model against.
      </p>`;
    }
    const columns: TableColumn<BacktestSummary>[] = [
      { key: 'measure', label: 'What is compared', rowHeader: true, value: measureLabel },
      {
        key: 'comparisons',
        label: 'Comparisons',
        numeric: true,
        value: (row) => formatCount(row.comparisons),
      },
      {
        key: 'mean',
        label: 'Typical error (mean, either direction)',
        numeric: true,
        value: (row) => formatPercent(row.meanAbsoluteError),
      },
      {
        key: 'max',
        label: 'Largest error',
        numeric: true,
        value: (row) => formatPercent(row.maxAbsoluteError),
      },
      {
        key: 'coverage',
        label: 'Outturn inside the P10 to P90 range',
        numeric: true,
        value: (row) =>
          row.coverageComparisons > 0
            ? `${formatPercent(row.coverage)} of ${formatCount(row.coverageComparisons)}`
            : 'x',
      },
    ];
    const stock = summaries.find((summary) => summary.measure === 'stock');
    return html`${
        stock
          ? html`<p class="govuk-body" data-testid="forecast-accuracy-stock">
              Teacher numbers one and two years ahead were typically within
              ${formatPercent(stock.meanAbsoluteError)} of what happened, and at worst
              ${formatPercent(stock.maxAbsoluteError)} out.
            </p>`
          : nothing
      }
      <tsp-table
        data-testid="forecast-accuracy-table"
        caption="Model forecasts for England against outturn, one and two years ahead"
        .columns=${columns}
        .rows=${summaries}
      ></tsp-table>
      <p class="govuk-body-s">
        A P10 to P90 range should hold the outturn about 80% of the time. Years the ranges are
        calibrated on are left out of that count. Flows are compared by subject as well as by phase,
        so their errors are larger than the totals'.
      </p>`;
  }

  /** The same seed gives the same check, so it runs once. */
  private renderButton(): TemplateResult {
    return html`<button
      type="button"
      class="govuk-button govuk-button--secondary"
      data-module="govuk-button"
      data-testid="forecast-accuracy-run"
      ?disabled=${this.running || !this.region || !this.runner}
      @click=${() => void this.check()}
    >
      ${this.running ? 'Checking the model…' : 'Check the model against past publications'}
    </button>`;
  }

  /** A check of the method, not the answer: folded under the forecast, open once it has run. */
  protected override render(): TemplateResult {
    return govukDetails(
      'How accurate the model has been',
      html`<p class="govuk-body">
          The model is rerun for England from each past year of the earlier Teacher Workforce Model
          publication, using only what was known then, and its forecasts are compared with what the
          latest publication records one and two years later: teacher numbers, leavers, returners,
          new entrants and newly qualified entrants.
        </p>
        ${
          this.failure
            ? html`<div class="govuk-error-summary" data-testid="forecast-accuracy-error">
                <div role="alert">
                  <h3 class="govuk-error-summary__title">There is a problem</h3>
                  <div class="govuk-error-summary__body">
                    <p class="govuk-body">The accuracy check could not run: ${this.failure}</p>
                  </div>
                </div>
              </div>`
            : nothing
        }
        ${this.summaries ? this.renderTable(this.summaries) : this.renderButton()}
        <p class="govuk-body" aria-live="polite" data-testid="forecast-accuracy-status">
          ${this.running ? 'Checking the model against past publications' : ''}
        </p>`,
      { open: this.failure !== undefined || this.summaries !== undefined },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-forecast-accuracy': TspForecastAccuracy;
  }
}
