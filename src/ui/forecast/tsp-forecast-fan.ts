import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { renderFanChart, type FanPoint } from '../../charts/fan-chart.ts';
import { formatCount, formatDecimal } from '../format.ts';
import type { TableColumn } from '../tsp-table.ts';
import '../tsp-table.ts';
import type { NeedRange, NeedYear } from './forecast-view.ts';

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
 * P10-P90 range around the median, and a table with the same numbers plus the central
 * projection. With no draws the chart shows the central projection alone.
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
        p10: need.p10 ?? need.central,
        p50: need.p50 ?? need.central,
        p90: need.p90 ?? need.central,
      };
    });
    const title = `${words.heading}, ${this.selection}: median and 10th to 90th percentile range`;
    const chart = renderFanChart(points, { title, yLabel: words.axis }, document);
    const columns: TableColumn<NeedYear>[] = [
      { key: 'year', label: 'Year', rowHeader: true, value: (y) => yearLabel(y, this.quantity) },
      {
        key: 'central',
        label: 'Central projection',
        numeric: true,
        value: (y) => this.format(this.need(y).central),
      },
      {
        key: 'p10',
        label: 'P10 (low)',
        numeric: true,
        value: (y) => this.format(this.need(y).p10),
      },
      {
        key: 'p50',
        label: 'P50 (median)',
        numeric: true,
        value: (y) => this.format(this.need(y).p50),
      },
      {
        key: 'p90',
        label: 'P90 (high)',
        numeric: true,
        value: (y) => this.format(this.need(y).p90),
      },
    ];
    return html`<h3 class="govuk-heading-s">${words.heading}</h3>
      <div class="tsp-chart" data-testid="forecast-fan-${this.quantity}">${chart}</div>
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
