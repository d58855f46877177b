import { LitElement, html, type TemplateResult } from 'lit';
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
  proposalsToCsv,
  returnsToCsv,
  trackRecordCsv,
  trackRecordRows,
  type LedgerState,
  type ReturnsState,
  type TransferPlan,
} from '../../redistribution/index.ts';
import { downloadText } from '../download.ts';

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

/**
 * The In-year page's downloads, below its tables: the proposals, the end-of-year track record
 * as EES CSV with its .meta.csv, and the returns held.
 *
 * @summary In-year downloads.
 */
@customElement('tsp-in-year-downloads')
export class TspInYearDownloads extends LitElement {
  @property({ attribute: false }) plan: TransferPlan | null = null;
  @property({ attribute: false }) ledger: LedgerState | null = null;
  @property({ attribute: false }) returns: ReturnsState = { returns: [] };
  @property() timePeriod = '';
  @property({ type: Number }) monthIndex = 0;

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

  protected override render(): TemplateResult {
    const proposals = this.plan?.proposals ?? [];
    return html`<h2 class="govuk-heading-m">Downloads</h2>
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
    'tsp-in-year-downloads': TspInYearDownloads;
  }
}
