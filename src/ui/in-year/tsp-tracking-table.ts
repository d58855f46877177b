import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  cellKey,
  type TransferCell,
  type TransferPlan,
  type TrackingView,
} from '../../redistribution/index.ts';
import { eesLocation } from '../../data/ees.ts';
import { formatCsvRecords } from '../../data/csv-writer.ts';
import { downloadText } from '../download.ts';
import { formatCount, formatPercent } from '../format.ts';
import { provenanceTag } from '../provenance-tag.ts';
import type { TableColumn } from '../tsp-table.ts';
import { FLAG_TAG_CLASS, cellFlags } from './cell-flags.ts';
import '../tsp-table.ts';

interface TrackingRow {
  cell: TransferCell;
  baseline: number | undefined;
  flags: ReturnType<typeof cellFlags>;
}

function forecastText(cell: TransferCell): string {
  const f = cell.forecast;
  return f.p10 === f.p90
    ? formatCount(f.p50)
    : `${formatCount(f.p50)} (${formatCount(f.p10)} to ${formatCount(f.p90)})`;
}

function allocationText(row: TrackingRow): string {
  const now = row.cell.allocation;
  return row.baseline === undefined || row.baseline === now
    ? formatCount(now)
    : `${formatCount(now)} (was ${formatCount(row.baseline)})`;
}

/**
 * Partnerships x subjects for the month shown: allocation (after applied transfers), recruits
 * with a progress bar against the allocation, pending offers, the forecast final recruitment
 * with its likely range (P10 to P90), the limit the rules allow and the flags. A CSV download
 * of the same numbers sits under it.
 *
 * @summary In-year tracking table.
 */
@customElement('tsp-tracking-table')
export class TspTrackingTable extends LitElement {
  @property({ attribute: false }) view: TrackingView | null = null;
  @property({ attribute: false }) model: Pick<
    TransferPlan['model'],
    'releasable' | 'absorbable'
  > | null = null;
  /** Allocation each cell started the cycle with (the ledger's baseline), by cell key. */
  @property({ attribute: false }) baseline: ReadonlyMap<string, number> = new Map();
  @property({ type: Boolean }) illustrative = false;
  @property() timePeriod = '';

  @state() private show: 'all' | 'flagged' = 'all';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private rows(): TrackingRow[] {
    return (this.view?.cells ?? []).map((cell) => ({
      cell,
      baseline: this.baseline.get(cellKey(cell.partnershipCode, cell.subject)),
      flags: cellFlags(cell, this.model),
    }));
  }

  private columns(): TableColumn<TrackingRow>[] {
    return [
      {
        key: 'partnership',
        label: 'Partnership',
        rowHeader: true,
        value: (r) => `${r.cell.partnershipName} (${r.cell.partnershipCode})`,
      },
      { key: 'subject', label: 'Subject', value: (r) => r.cell.subject },
      { key: 'allocation', label: 'Allocated places', numeric: true, value: allocationText },
      {
        key: 'recruited',
        label: 'Recruited',
        numeric: true,
        value: (r) => formatCount(r.cell.recruited),
      },
      {
        key: 'progress',
        label: 'Filled',
        value: (r) => {
          const { recruited, allocation } = r.cell;
          const text = allocation > 0 ? formatPercent(recruited / allocation) : 'no places';
          return html`<progress
              class="tsp-progress"
              max=${Math.max(allocation, 1)}
              .value=${Math.min(recruited, Math.max(allocation, 1))}
              aria-label=${`${r.cell.partnershipCode} ${r.cell.subject}: ${recruited} of ${allocation} places filled`}
            ></progress>
            <span class="govuk-body-s">${text}</span>`;
        },
      },
      {
        key: 'pending',
        label: 'Offers pending',
        numeric: true,
        value: (r) => formatCount(r.cell.pendingOffers),
      },
      {
        key: 'forecast',
        label: 'Forecast final (likely range)',
        numeric: true,
        value: (r) => forecastText(r.cell),
      },
      {
        key: 'limit',
        label: 'May recruit to',
        numeric: true,
        value: (r) => formatCount(r.cell.limit),
      },
      {
        key: 'flags',
        label: 'Flags',
        value: (r) =>
          r.flags.length === 0
            ? 'None'
            : html`${r.flags.map(
                (flag) =>
                  html`<strong class="govuk-tag ${FLAG_TAG_CLASS[flag.kind]}"
                    >${flag.label}</strong
                  > `,
              )}`,
      },
    ];
  }

  private download(rows: readonly TrackingRow[]): void {
    const monthName = this.view?.monthName ?? '';
    const text = formatCsvRecords(
      rows.map((r) => ({
        time_period: this.timePeriod,
        time_identifier: monthName,
        ...eesLocation('Regional'),
        partnership_code: r.cell.partnershipCode,
        partnership_name: r.cell.partnershipName,
        subject: r.cell.subject,
        allocation_count: String(r.cell.allocation),
        recruited_count: String(r.cell.recruited),
        pending_offers_count: String(r.cell.pendingOffers),
        forecast_p10: String(r.cell.forecast.p10),
        forecast_p50: String(r.cell.forecast.p50),
        forecast_p90: String(r.cell.forecast.p90),
        forecast_expected: r.cell.forecast.expected.toFixed(2),
        recruitment_limit: String(r.cell.limit),
        flags: r.flags.map((f) => f.label).join('; ') || 'z',
        provenance: this.illustrative ? 'illustrative' : 'imported',
      })),
    );
    downloadText(`in_year_tracking_${this.timePeriod}_${monthName.toLowerCase()}.csv`, `${text}\n`);
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this.view === null) return nothing;
    const all = this.rows();
    const shown = this.show === 'flagged' ? all.filter((r) => r.flags.length > 0) : all;
    const caption = `Recruitment to the end of ${this.view.monthName}, by partnership and subject (${shown.length} of ${all.length} shown)`;
    return html`
      <h2 class="govuk-heading-m">
        Recruitment against
        allocation${provenanceTag(this.illustrative ? 'illustrative' : undefined)}
      </h2>
      <div class="govuk-form-group">
        <label class="govuk-label" for="tsp-tracking-show">Show</label>
        <select
          class="govuk-select"
          id="tsp-tracking-show"
          @change=${(e: Event) => (this.show = (e.target as HTMLSelectElement).value as 'all' | 'flagged')}
        >
          <option value="all" ?selected=${this.show === 'all'}>
            Every partnership and subject
          </option>
          <option value="flagged" ?selected=${this.show === 'flagged'}>
            Only those with a flag
          </option>
        </select>
      </div>
      ${
        this.view.missingReturns.length > 0
          ? html`<div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong class="govuk-warning-text__text"
                ><span class="govuk-visually-hidden">Warning</span> No return for
                ${this.view.monthName} from:
                ${this.view.missingReturns.map((k) => k.replace('|', ' ')).join(', ')}.</strong
              >
            </div>`
          : nothing
      }
      <tsp-table .columns=${this.columns()} .rows=${shown} caption=${caption}></tsp-table>
      <button
        type="button"
        class="govuk-button govuk-button--secondary"
        @click=${() => this.download(all)}
      >
        Download the tracking table (CSV)
      </button>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-tracking-table': TspTrackingTable;
  }
}
