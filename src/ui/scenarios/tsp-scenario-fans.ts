import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { CENTRAL_LABEL, renderFanChart, type FanPoint } from '../../charts/fan-chart.ts';
import { figureAt, type NeedOutput, type ScenarioResult } from '../../scenarios/index.ts';
import '../tsp-chart.ts';
import '../tsp-table.ts';
import type { TableColumn } from '../tsp-table.ts';
import { OUTPUT_LABELS, formatNeed } from './result-format.ts';

interface Row {
  scenario: string;
  year: string;
  point: FanPoint;
}

/**
 * One fan chart per scenario (central projection as the line, P10-P90 range as the band, over
 * the projection years) for the region and one subject, with a table of the same figures
 * under the same names. Without draws there is no band.
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
        central: figure.central,
        p10: figure.p10 ?? undefined,
        p90: figure.p90 ?? undefined,
      };
    });
  }

  private chart(result: ScenarioResult, width: number): SVGSVGElement {
    const subject = result.layout.subjects[this.subject];
    return renderFanChart(
      this.points(result),
      {
        title: `${result.scenario.name}: ${OUTPUT_LABELS[this.output]}, ${subject}`,
        yLabel: OUTPUT_LABELS[this.output],
        width,
        height: 260,
      },
      document,
    );
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
        key: 'central',
        label: CENTRAL_LABEL,
        numeric: true,
        value: (row) => formatNeed(output, row.point.central),
      },
      {
        key: 'p10',
        label: 'Low (10th percentile)',
        numeric: true,
        value: (row) => formatNeed(output, row.point.p10),
      },
      {
        key: 'p90',
        label: 'High (90th percentile)',
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
              <tsp-chart
                data-fan=${i}
                .draw=${(width: number) => this.chart(result, width)}
              ></tsp-chart>
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
