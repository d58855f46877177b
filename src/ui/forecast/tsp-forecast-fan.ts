import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { CENTRAL_LABEL, renderFanChart, type FanPoint } from '../../charts/fan-chart.ts';
import { formatCount, formatDecimal } from '../format.ts';
import type { TableColumn } from '../tsp-table.ts';
import '../tsp-chart.ts';
import '../tsp-table.ts';
import type { NeedRange, NeedYear } from './forecast-view.ts';

/** Plot height: a little under the default, so the two fans and their tables fit one screen. */
const FAN_HEIGHT = 240;

type Quantity = 'nqt' | 'trainee';

const WORDS: Record<Quantity, { heading: string; axis: string; unit: string }> = {
  nqt: {
    heading: 'Newly qualified teachers needed',
    axis: 'NQTs needed (FTE)',
    unit: 'FTE',
  },
  trainee: {
    heading: 'Postgraduate trainees needed',
    axis: 'Trainees needed',
    unit: 'trainees',
  },
};

/** "NQTs in 2026/27 (trainees starting 2025/26)" or the other way round. */
export function yearLabel(year: NeedYear, quantity: Quantity): string {
  const label =
    quantity === 'nqt'
      ? `NQTs in ${year.nqtYear} (trainees starting ${year.entryYear})`
      : `Trainees starting ${year.entryYear} (NQTs in ${year.nqtYear})`;
  return year.status === 'extrapolated' ? `${label}, extrapolated` : label;
}

/**
 * One quantity of the forecast (NQT or trainee need) over the shown years: a fan chart of the
 * central projection (the line) and the P10-P90 range around it (the band), and a table with
 * the same figures under the same names. The central projection is the deterministic model,
 * the figure the drivers and flows explain, so it is the one figure per year; the range says
 * how far it could be off. With no draws the chart shows the central projection alone.
 *
 * @summary Fan chart and table of NQT or trainee need.
 */
@customElement('tsp-forecast-fan')
export class TspForecastFan extends LitElement {
  @property() quantity: Quantity = 'nqt';
  @property({ attribute: false }) years: readonly NeedYear[] = [];
  /** Words for the area and subject, e.g. "Sheffield City Region, all secondary subjects". */
  @property() selection = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private need(year: NeedYear): NeedRange {
    return this.quantity === 'nqt' ? year.nqt : year.trainee;
  }

  private format(value: number | undefined): string {
    return this.quantity === 'nqt' ? formatDecimal(value) : formatCount(value);
  }

  protected override render(): TemplateResult {
    const words = WORDS[this.quantity];
    const points: FanPoint[] = this.years.map((year) => {
      const need = this.need(year);
      return {
        label: this.quantity === 'nqt' ? year.nqtYear : year.entryYear,
        central: need.central,
        p10: need.p10,
        p90: need.p90,
      };
    });
    const title = `${words.heading}, ${this.selection}: central projection and 10th to 90th percentile range`;
    const draw = (width: number) =>
      renderFanChart(points, { title, yLabel: words.axis, width, height: FAN_HEIGHT }, document);
    const columns: TableColumn<NeedYear>[] = [
      { key: 'year', label: 'Year', rowHeader: true, value: (y) => yearLabel(y, this.quantity) },
      {
        key: 'central',
        label: CENTRAL_LABEL,
        numeric: true,
        value: (y) => this.format(this.need(y).central),
      },
      {
        key: 'p10',
        label: 'Low (10th percentile)',
        numeric: true,
        value: (y) => this.format(this.need(y).p10),
      },
      {
        key: 'p90',
        label: 'High (90th percentile)',
        numeric: true,
        value: (y) => this.format(this.need(y).p90),
      },
    ];
    return html`<h3 class="govuk-heading-s">${words.heading}</h3>
      <tsp-chart data-testid="forecast-fan-${this.quantity}" .draw=${draw}></tsp-chart>
      <tsp-table
        data-testid="forecast-table-${this.quantity}"
        caption="${words.heading} (${words.unit}), ${this.selection}"
        .columns=${columns}
        .rows=${this.years}
      ></tsp-table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-forecast-fan': TspForecastFan;
  }
}
