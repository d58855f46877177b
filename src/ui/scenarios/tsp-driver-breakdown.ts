import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { renderWaterfallChart } from '../../charts/waterfall-chart.ts';
import { DRIVER_NAMES, type DriverName } from '../../model/index.ts';
import {
  driverDifference,
  driverLabel,
  figureAt,
  type NeedOutput,
  type ScenarioResult,
  type Selection,
  layoutYearLabel,
} from '../../scenarios/index.ts';
import '../tsp-chart.ts';
import '../tsp-table.ts';
import type { TableColumn } from '../tsp-table.ts';
import { OUTPUT_LABELS, formatNeed, formatSigned } from './result-format.ts';

interface Row {
  label: string;
  values: number[];
}

/**
 * Why each scenario differs from the baseline: the difference in need split by driver
 * (demand growth, leavers, returners, induction, other routes, conversion, ...), which sums
 * exactly to the total. A waterfall from the baseline to the first other scenario, and a
 * table for every scenario.
 *
 * @summary Driver breakdown of scenario differences.
 */
@customElement('tsp-driver-breakdown')
export class TspDriverBreakdown extends LitElement {
  @property({ attribute: false }) results: ScenarioResult[] = [];
  @property() output: NeedOutput = 'nqtNeed';
  @property({ attribute: false }) at: Selection = { area: 0, subject: 0, year: 0 };

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private differences() {
    const [baseline, ...others] = this.results;
    return baseline
      ? others.map((result) => driverDifference(result, baseline, this.output, this.at))
      : [];
  }

  /** The waterfall from the baseline to the first other scenario. */
  private chart(baseline: ScenarioResult, first: ScenarioResult, width: number): SVGSVGElement {
    const { parts } = driverDifference(first, baseline, this.output, this.at);
    return renderWaterfallChart(
      DRIVER_NAMES.filter((name) => Math.abs(parts[name]) > 1e-9).map((name) => ({
        label: driverLabel(name),
        value: parts[name],
      })),
      {
        title: `${OUTPUT_LABELS[this.output]}: ${baseline.scenario.name} to ${first.scenario.name}`,
        startLabel: baseline.scenario.name,
        startValue: figureAt(baseline, this.output, this.at).central,
        endLabel: first.scenario.name,
        width,
        formatTotal: (value) => formatNeed(this.output, value),
        formatStep: (value) => formatNeed(this.output, value),
      },
      document,
    );
  }

  protected override render(): TemplateResult {
    const [baseline, ...others] = this.results;
    if (!baseline || others.length === 0) {
      return html`<p class="govuk-body">
        Compare at least two scenarios to see what drives their differences.
      </p>`;
    }
    const differences = this.differences();
    const rows: Row[] = [
      ...DRIVER_NAMES.map((name: DriverName) => ({
        label: driverLabel(name),
        values: differences.map((d) => d.parts[name]),
      })),
      { label: 'Total difference', values: differences.map((d) => d.total) },
    ];
    const output = this.output;
    const columns: TableColumn<Row>[] = [
      { key: 'driver', label: 'Driver', rowHeader: true, value: (row) => row.label },
      ...others.map((result, i) => ({
        key: `scenario-${i}`,
        label: `${result.scenario.name} minus ${baseline.scenario.name}`,
        numeric: true,
        value: (row: Row) => formatSigned(output, row.values[i]!),
      })),
    ];
    const layout = baseline.layout;
    const where = `${layout.subjects[this.at.subject]}, ${layout.areas[this.at.area]!.name}, ${layoutYearLabel(layout, this.at.year)}`;
    return html`<tsp-chart
        data-waterfall
        .draw=${(width: number) => this.chart(baseline, others[0]!, width)}
      ></tsp-chart>
      <tsp-table
        caption="Difference in ${OUTPUT_LABELS[output]} by driver: ${where}"
        .columns=${columns}
        .rows=${rows}
      ></tsp-table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-driver-breakdown': TspDriverBreakdown;
  }
}
