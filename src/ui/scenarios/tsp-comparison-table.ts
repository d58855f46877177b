import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import {
  differenceAt,
  figureAt,
  type NeedOutput,
  type ScenarioResult,
  type Selection,
  layoutYearLabel,
} from '../../scenarios/index.ts';
import '../tsp-table.ts';
import type { TableColumn } from '../tsp-table.ts';
import { OUTPUT_LABELS, formatNeed, formatRange, formatSigned } from './result-format.ts';

interface Row {
  label: string;
  at: Selection;
}

/**
 * Need side by side: each scenario's central figure and P10-P90 range, and each scenario's
 * difference from the baseline (the first result), by subject for the region or by district
 * for one subject.
 *
 * @summary Scenario comparison table.
 */
@customElement('tsp-comparison-table')
export class TspComparisonTable extends LitElement {
  @property({ attribute: false }) results: ScenarioResult[] = [];
  @property() output: NeedOutput = 'nqtNeed';
  @property({ type: Number }) year = 0;
  /** 'subjects': the region by subject; 'districts': each area for `subject`. */
  @property() view: 'subjects' | 'districts' = 'subjects';
  @property({ type: Number }) subject = 0;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private rows(): Row[] {
    const layout = this.results[0]!.layout;
    const region = layout.areas.length - 1;
    return this.view === 'subjects'
      ? layout.subjects.map((label, subject) => ({
          label,
          at: { area: region, subject, year: this.year },
        }))
      : layout.areas.map((area, index) => ({
          label: area.name,
          at: { area: index, subject: this.subject, year: this.year },
        }));
  }

  protected override render(): TemplateResult {
    const [baseline] = this.results;
    if (!baseline) return html``;
    const output = this.output;
    const columns: TableColumn<Row>[] = [
      {
        key: 'label',
        label: this.view === 'subjects' ? 'Subject' : 'Area',
        rowHeader: true,
        value: (row) => row.label,
      },
    ];
    this.results.forEach((result, i) => {
      const name = result.scenario.name;
      columns.push(
        {
          key: `central-${i}`,
          label: `${name}: central`,
          numeric: true,
          value: (row) => formatNeed(output, figureAt(result, output, row.at).central),
        },
        {
          key: `range-${i}`,
          label: `${name}: P10 to P90`,
          numeric: true,
          value: (row) => formatRange(output, figureAt(result, output, row.at)),
        },
      );
      if (i > 0) {
        columns.push({
          key: `difference-${i}`,
          label: `${name}: difference from ${baseline.scenario.name}`,
          numeric: true,
          value: (row) => {
            const difference = differenceAt(result, baseline, output, row.at);
            const range =
              difference.p10 === null
                ? ''
                : ` (${formatSigned(output, difference.p10)} to ${formatSigned(output, difference.p90!)})`;
            return `${formatSigned(output, difference.central)}${range}`;
          },
        });
      }
    });
    const layout = baseline.layout;
    const where = this.view === 'subjects' ? layout.regionName : layout.subjects[this.subject];
    return html`<tsp-table
      caption="${OUTPUT_LABELS[output]}, ${layoutYearLabel(layout, this.year)}, ${where}"
      .columns=${columns}
      .rows=${this.rows()}
    ></tsp-table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-comparison-table': TspComparisonTable;
  }
}
