import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import {
  fillRates,
  placesMoved,
  recruitmentOutlook,
  type FillRate,
  type LedgerState,
  type TrackingView,
  type TransferPlan,
} from '../../redistribution/index.ts';
import { formatCount, formatDecimal, formatPercent } from '../format.ts';
import { govukDetails } from '../details.ts';
import { provenanceTag } from '../provenance-tag.ts';
import type { TableColumn } from '../tsp-table.ts';
import '../tsp-table.ts';

function rateColumns(label: string): TableColumn<FillRate>[] {
  return [
    { key: 'label', label, rowHeader: true, value: (r) => r.label },
    {
      key: 'allocation',
      label: 'Allocated',
      numeric: true,
      value: (r) => formatCount(r.allocation),
    },
    { key: 'recruited', label: 'Recruited', numeric: true, value: (r) => formatCount(r.recruited) },
    { key: 'rate', label: 'Fill rate', numeric: true, value: (r) => formatPercent(r.fillRate) },
  ];
}

/**
 * Key figures of the month shown, side by side at the top of the page: fill rates by
 * partnership, subject and region, places moved by applied transfers, forecast regional
 * recruitment before and after the proposals.
 *
 * @summary In-year KPIs.
 */
@customElement('tsp-in-year-kpis')
export class TspInYearKpis extends LitElement {
  @property({ attribute: false }) view: TrackingView | null = null;
  @property({ attribute: false }) plan: TransferPlan | null = null;
  @property({ attribute: false }) ledger: LedgerState | null = null;
  @property({ type: Boolean }) illustrative = false;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult | typeof nothing {
    const view = this.view;
    if (view === null) return nothing;
    const rates = fillRates(view.cells);
    // fillRates labels partnerships by code; the table reads better with names.
    const names = new Map(view.cells.map((c) => [c.partnershipCode, c.partnershipName]));
    const proposals = this.plan?.proposals ?? [];
    const outlook = recruitmentOutlook(view.cells, proposals);
    const moved = this.ledger === null ? 0 : placesMoved(this.ledger);
    const tag = provenanceTag(this.illustrative ? 'illustrative' : undefined);
    const figures: [string, string][] = [
      [
        'Region fill rate',
        `${formatPercent(rates.region.fillRate)} (${formatCount(rates.region.recruited)} recruited of ${formatCount(rates.region.allocation)} places)`,
      ],
      ['Places moved by applied transfers', formatCount(moved)],
      ['Forecast regional recruitment now', formatDecimal(outlook.before)],
      [
        'Forecast if the proposals are applied',
        this.plan === null
          ? 'Working out'
          : `${formatDecimal(outlook.after)} (${proposals.length} proposal${proposals.length === 1 ? '' : 's'})`,
      ],
    ];
    return html`<h2 class="govuk-heading-m">Key figures, end of ${view.monthName}${tag}</h2>
      <dl class="tsp-figures" data-testid="kpis">
        ${figures.map(
          ([key, value]) =>
            html`<div class="tsp-kpi">
              <dt class="govuk-body-s govuk-!-margin-bottom-1">${key}</dt>
              <dd class="govuk-body govuk-!-font-weight-bold govuk-!-margin-0">${value}</dd>
            </div>`,
        )}
      </dl>
      <p class="govuk-body-s">
        Forecast recruitment is the expected number recruited when each partnership may recruit only
        to its limit, summed over the region (from the recruitment curve in use).
      </p>
      ${govukDetails(
        'Fill rate by partnership and by subject',
        html`<div class="govuk-grid-row">
          <div class="govuk-grid-column-one-half">
            <tsp-table
              .columns=${rateColumns('Partnership')}
              .rows=${[...rates.byPartnership.map((r) => ({ ...r, label: `${names.get(r.label) ?? r.label} (${r.label})` })), rates.region]}
              caption="Fill rate by partnership"
            ></tsp-table>
          </div>
          <div class="govuk-grid-column-one-half">
            <tsp-table
              .columns=${rateColumns('Subject')}
              .rows=${[...rates.bySubject, rates.region]}
              caption="Fill rate by subject"
            ></tsp-table>
          </div>
        </div>`,
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-in-year-kpis': TspInYearKpis;
  }
}
