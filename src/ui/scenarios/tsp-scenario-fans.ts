import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { renderFanChart, type FanPoint } from '../../charts/fan-chart.ts';
import { figureAt, type NeedOutput, type ScenarioResult } from '../../scenarios/index.ts';
import '../tsp-table.ts';
import type { TableColumn } from '../tsp-table.ts';
import { OUTPUT_LABELS, formatNeed } from './result-format.ts';

interface Row {
  scenario: string;
  year: string;
  point: FanPoint;
}

/**
 * One fan chart per scenario (central line and P10-P90 band over the projection years) for
 * the region and one subject, on a shared scale, with a table of the same numbers. Without
 * draws the band collapses onto the central projection.
 *
 * @summary Fan charts of scenarios with their table.
 */
@customElement('tsp-scenario-fans')
export class TspScenarioFans extends LitElement {
  @property({ attribute: false }) results: ScenarioResult[] = [];
  @property() output: NeedOutput = 'nqtNeed';
  @property({ type: Number }) subject = 0;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private points(result: ScenarioResult): FanPoint[] {
    const region = result.layout.areas.length - 1;
    return result.layout.entryYears.map((entryYear, year) => {
      const figure = figureAt(result, this.output, { area: region, subject: this.subject, year });
      return {
        label: this.output === 'traineeNeed' ? entryYear : result.layout.years[year]!,
        p10: figure.p10 ?? figure.central,
        p50: figure.p50 ?? figure.central,
        p90: figure.p90 ?? figure.central,
      };
    });
  }

  protected override updated(): void {
    this.results.forEach((result, i) => {
      const container = this.querySelector(`[data-fan="${i}"]`);
      if (!container) return;
      const subject = result.layout.subjects[this.subject];
      container.replaceChildren(
        renderFanChart(
          this.points(result),
          {
            title: `${result.scenario.name}: ${OUTPUT_LABELS[this.output]}, ${subject}`,
            yLabel: OUTPUT_LABELS[this.output],
            width: 480,
            height: 260,
          },
          document,
        ),
      );
    });
  }

  protected override render(): TemplateResult {
    const output = this.output;
    const rows: Row[] = this.results.flatMap((result) =>
      this.points(result).map((point) => ({
        scenario: result.scenario.name,
        year: point.label,
        point,
      })),
    );
    const columns: TableColumn<Row>[] = [
      { key: 'scenario', label: 'Scenario', rowHeader: true, value: (row) => row.scenario },
      { key: 'year', label: 'Year', value: (row) => row.year },
      {
        key: 'p10',
        label: 'P10',
        numeric: true,
        value: (row) => formatNeed(output, row.point.p10),
      },
      {
        key: 'p50',
        label: 'P50 (median)',
        numeric: true,
        value: (row) => formatNeed(output, row.point.p50),
      },
      {
        key: 'p90',
        label: 'P90',
        numeric: true,
        value: (row) => formatNeed(output, row.point.p90),
      },
    ];
    const subject = this.results[0]?.layout.subjects[this.subject] ?? '';
    return html`<div class="govuk-grid-row">
        ${this.results.map(
          (result, i) =>
            html`<div class="govuk-grid-column-one-half">
              <h4 class="govuk-heading-s">${result.scenario.name}</h4>
              <div class="tsp-chart" data-fan=${i}></div>
            </div>`,
        )}
      </div>
      <tsp-table
        caption="${OUTPUT_LABELS[output]} by year, ${subject}, whole region"
        .columns=${columns}
        .rows=${rows}
      ></tsp-table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-scenario-fans': TspScenarioFans;
  }
}
