import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { renderWaterfallChart } from '../../charts/waterfall-chart.ts';
import { formatDecimal } from '../format.ts';
import type { TableColumn } from '../tsp-table.ts';
import '../tsp-chart.ts';
import '../tsp-table.ts';
import { govukDetails } from '../details.ts';
import { driversTable, fileStem } from './forecast-files.ts';
import { selectionLabel, type DriverChange, type ForecastView } from './forecast-view.ts';
import { DRIVER_LABELS, DRIVER_SHORT_LABELS } from './labels.ts';
import { eesFiles } from '../tsp-download.ts';

/** Parts smaller than this (trainees) are left out of the chart, not the table. */
const CHART_THRESHOLD = 0.05;

/** A signed change with a real minus sign, e.g. "+12.3" or "−4.0". */
export function formatChange(value: number): string {
  const text = formatDecimal(Math.abs(value));
  if (text === '0.0') return text;
  return `${value > 0 ? '+' : '−'}${text}`;
}

interface DriverRow {
  label: string;
  value: string;
}

/**
 * Why trainee need changes from one entry year to the next in the central projection: a
 * waterfall from one year's need through each driver to the next year's, and a table with the
 * same numbers. The parts add up to the change exactly (the model's driver decomposition).
 *
 * @summary Driver waterfall and table of the change in trainee need.
 */
@customElement('tsp-forecast-drivers')
export class TspForecastDrivers extends LitElement {
  @property({ attribute: false }) view: ForecastView | undefined;
  @state() private chosen = 0;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(): void {
    if (this.view && this.chosen >= this.view.changes.length) this.chosen = 0;
  }

  private renderChange(view: ForecastView, change: DriverChange): TemplateResult {
    const selection = selectionLabel(view);
    const from = change.from.entryYear;
    const to = change.to.entryYear;
    const draw = (width: number) =>
      renderWaterfallChart(
        change.steps
          .filter((step) => Math.abs(step.value) >= CHART_THRESHOLD)
          .map((step) => ({ label: DRIVER_SHORT_LABELS[step.driver], value: step.value })),
        {
          title: `Why trainee need changes from ${from} to ${to}, ${selection}`,
          startLabel: from,
          startValue: change.from.trainee.central,
          endLabel: to,
          width,
          formatTotal: formatDecimal,
          formatStep: formatDecimal,
        },
        document,
      );
    const rows: DriverRow[] = [
      {
        label: `Trainees needed, starting ${from}`,
        value: formatDecimal(change.from.trainee.central),
      },
      ...change.steps.map((step) => ({
        label: DRIVER_LABELS[step.driver],
        value: formatChange(step.value),
      })),
      {
        label: `Trainees needed, starting ${to}`,
        value: formatDecimal(change.to.trainee.central),
      },
    ];
    const columns: TableColumn<DriverRow>[] = [
      { key: 'label', label: 'Driver', rowHeader: true, value: (row) => row.label },
      { key: 'value', label: 'Trainees', numeric: true, value: (row) => row.value },
    ];
    return html`<tsp-chart data-testid="forecast-waterfall" .draw=${draw}></tsp-chart>
      <p class="govuk-body-s">
        Orange bars raise need and green bars lower it; each bar is labelled with its sign. Drivers
        with no effect are in the table only.
      </p>
      ${govukDetails(
        'The chart’s figures as a table',
        html`<tsp-table
          data-testid="forecast-drivers-table"
          caption="Why trainee need changes from ${from} to ${to} entry, ${selection} (central projection)"
          .columns=${columns}
          .rows=${rows}
        ></tsp-table>`,
      )}`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const view = this.view;
    if (!view) return nothing;
    const change = view.changes[this.chosen];
    // The explanation and the choice of change on the left, the chart they control beside them.
    return html`<h2 class="govuk-heading-m">Why the need changes</h2>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-third">
          <p class="govuk-body">
            The change in trainee need from one entry year to the next, split into its causes:
            growth in demand for teachers as pupil numbers change, teachers leaving, returners and
            other entrants who reduce the need, the end of early-career timetable reductions, and
            changes in the share of trainees who qualify and take a teaching post (conversion).
          </p>
          ${
            view.changes.length > 1
              ? html`<div class="govuk-form-group">
                  <label class="govuk-label" for="forecast-driver-change">Change to explain</label>
                  <select
                    class="govuk-select"
                    id="forecast-driver-change"
                    @change=${(e: Event) => (this.chosen = Number((e.target as HTMLSelectElement).value))}
                  >
                    ${view.changes.map(
                      (c, i) =>
                        html`<option value=${i} ?selected=${i === this.chosen}>
                          ${c.from.entryYear} to ${c.to.entryYear} entry
                        </option>`,
                    )}
                  </select>
                </div>`
              : nothing
          }
        </div>
        <div class="govuk-grid-column-two-thirds">
          ${
            change
              ? this.renderChange(view, change)
              : html`<p class="govuk-body">
                  The model projects one year only, so there is no change to explain.
                </p>`
          }
          <tsp-download
            label="drivers of change"
            .files=${eesFiles(`forecast-drivers-${fileStem(view)}`, () => driversTable(view))}
          ></tsp-download>
        </div>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-forecast-drivers': TspForecastDrivers;
  }
}
