import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import {
  PARTNERSHIP_CODE_META,
  PARTNERSHIP_NAME_META,
  SUBJECT_META,
  eesColumns,
  formatEesMeta,
  type EesColumnMeta,
} from '../../data/ees.ts';
import {
  fillRates,
  placesMoved,
  proposalsToCsv,
  recruitmentOutlook,
  returnsToCsv,
  trackRecordCsv,
  trackRecordRows,
  type FillRate,
  type LedgerState,
  type ReturnsState,
  type TrackingView,
  type TransferPlan,
} from '../../redistribution/index.ts';
import { downloadText } from '../download.ts';
import { formatCount, formatDecimal, formatPercent } from '../format.ts';
import { govukDetails } from '../details.ts';
import { provenanceTag } from '../provenance-tag.ts';
import type { TableColumn } from '../tsp-table.ts';
import '../tsp-table.ts';

const TRACK_RECORD_META: EesColumnMeta[] = [
  PARTNERSHIP_CODE_META,
  PARTNERSHIP_NAME_META,
  SUBJECT_META,
  {
    name: 'allocation_count',
    type: 'Indicator',
    label: 'Final allocation after transfers',
    unit: '',
    dp: 0,
  },
  {
    name: 'recruited_count',
    type: 'Indicator',
    label: 'Recruited at the last month returned',
    unit: '',
    dp: 0,
  },
  {
    name: 'track_record_ratio',
    type: 'Indicator',
    label: 'Track record (recruited / allocated)',
    unit: '',
    dp: 3,
  },
];

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
 * Key figures of the month shown: fill rates by partnership, subject and region, places moved
 * by applied transfers, forecast regional recruitment before and after the proposals; and the
 * downloads (proposals, end-of-year track record as EES CSV with its .meta.csv, returns held).
 *
 * @summary In-year KPIs and downloads.
 */
@customElement('tsp-in-year-kpis')
export class TspInYearKpis extends LitElement {
  @property({ attribute: false }) view: TrackingView | null = null;
  @property({ attribute: false }) plan: TransferPlan | null = null;
  @property({ attribute: false }) ledger: LedgerState | null = null;
  @property({ attribute: false }) returns: ReturnsState = { returns: [] };
  @property() timePeriod = '';
  @property({ type: Number }) monthIndex = 0;
  @property({ type: Boolean }) illustrative = false;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private downloadTrackRecord(): void {
    const rows = trackRecordRows(this.returns, this.ledger, this.timePeriod);
    const name = `in_year_track_record_${this.timePeriod}`;
    downloadText(`${name}.csv`, `${trackRecordCsv(rows)}\n`);
    const columns = [...eesColumns(), ...TRACK_RECORD_META.map((m) => m.name)];
    downloadText(`${name}.meta.csv`, formatEesMeta({ columns, meta: TRACK_RECORD_META, rows: [] }));
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
      <dl class="govuk-summary-list" data-testid="kpis">
        ${figures.map(
          ([key, value]) =>
            html`<div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">${key}</dt>
              <dd class="govuk-summary-list__value">${value}</dd>
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
      )}
      <h2 class="govuk-heading-m">Downloads</h2>
      <div class="govuk-button-group">
        <button
          type="button"
          class="govuk-button govuk-button--secondary"
          ?disabled=${proposals.length === 0}
          @click=${() => downloadText(`in_year_proposals_${this.timePeriod}.csv`, `${proposalsToCsv(proposals, this.timePeriod, this.monthIndex)}\n`)}
        >
          Download the proposals (CSV)
        </button>
        <button
          type="button"
          class="govuk-button govuk-button--secondary"
          @click=${() => this.downloadTrackRecord()}
        >
          Download the track record (EES CSV and metadata)
        </button>
        <button
          type="button"
          class="govuk-button govuk-button--secondary"
          @click=${() => downloadText(`recruitment_returns_${this.timePeriod}.csv`, `${returnsToCsv(this.returns.returns)}\n`)}
        >
          Download the returns held (CSV)
        </button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-in-year-kpis': TspInYearKpis;
  }
}
