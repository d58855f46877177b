import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RegionDataset } from '../../data/types.ts';
import { cellKey, cycleMonthName } from '../../redistribution/index.ts';
import { ROUTES } from '../routes.ts';
import { InYearController, RETURNS_FILE_INPUT_ID } from '../in-year/in-year-controller.ts';
import { MANAGER, type InYearSession } from '../in-year/in-year-session.ts';
import '../in-year/tsp-acting-as.ts';
import '../in-year/tsp-curve-editor.ts';
import '../tsp-error-summary.ts';
import '../in-year/tsp-file-upload.ts';
import '../in-year/tsp-in-year-downloads.ts';
import '../in-year/tsp-in-year-kpis.ts';
import '../in-year/tsp-ledger-keys.ts';
import '../in-year/tsp-ledger-view.ts';
import '../in-year/tsp-proposal-list.ts';
import '../in-year/tsp-return-entry.ts';
import '../in-year/tsp-rules-form.ts';
import '../in-year/tsp-tracking-table.ts';
import '../in-year/tsp-transfer-card.ts';
import { methodNoteLink } from '../method-note.ts';
import { govukDetails } from '../details.ts';

type Named = { code: string; name: string };

/**
 * The In-year tracking page: monthly recruitment returns against the allocation, forecasts
 * and flags, transfers proposed by the LP (solved in the solver worker), the agreement
 * workflow, the hash-chained ledger, rules, KPIs and downloads. Everything the user changes is
 * kept in IndexedDB, so a reload shows the page as it was left.
 *
 * @summary In-year tracking and redistribution.
 */
@customElement('tsp-in-year-page')
export class TspInYearPage extends LitElement {
  @property({ attribute: false }) region: RegionDataset | undefined;

  private readonly state = new InYearController(this);

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('region') && this.region !== undefined) void this.state.open(this.region);
  }

  /** Allocation each cell started the cycle with (the ledger's baseline entry). */
  private baseline(session: InYearSession): Map<string, number> {
    const first = session.ledger.entries[0]?.action;
    if (first?.type !== 'baseline') return new Map();
    return new Map(
      first.allocations.map((line) => [cellKey(line.partnershipCode, line.subject), line.places]),
    );
  }

  private banners(illustrative: boolean): TemplateResult {
    const { notice, status } = this.state;
    return html`${
        notice
          ? html`<div
              class="govuk-notification-banner govuk-notification-banner--success"
              role="alert"
              aria-labelledby="tsp-in-year-notice-title"
            >
              <div class="govuk-notification-banner__header">
                <h2 class="govuk-notification-banner__title" id="tsp-in-year-notice-title">
                  Success
                </h2>
              </div>
              <div class="govuk-notification-banner__content">
                <p class="govuk-notification-banner__heading">${notice}</p>
              </div>
            </div>`
          : nothing
      }
      <div class="govuk-visually-hidden" role="status" aria-live="polite">${status}</div>
      ${
        illustrative
          ? html`<div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong class="govuk-warning-text__text"
                ><span class="govuk-visually-hidden">Warning</span> The allocation and returns shown
                are ILLUSTRATIVE, made up to demonstrate the page: no monthly recruitment returns by
                partnership are published. Load your own returns below.</strong
              >
            </div>`
          : nothing
      }`;
  }

  private choices(session: InYearSession, partnerships: Named[]): TemplateResult {
    const monthIndex = session.monthIndex();
    // The month, the role and the name in one row of the field grid (app.css).
    return html`<div class="tsp-field-grid">
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="tsp-in-year-month">
          Returns to the end of
        </label>
        <select class="govuk-select" id="tsp-in-year-month" @change=${this.state.onMonth}>
          ${session
            .monthsHeld()
            .map(
              (m) =>
                html`<option value=${m} ?selected=${m === monthIndex}>
                  ${cycleMonthName(m)}
                </option>`,
            )}
        </select>
      </div>
      <tsp-acting-as
        .partnerships=${partnerships}
        actingAs=${session.settings.actingAs}
        actorName=${session.settings.actorName}
        @tsp-acting-as=${this.state.onActingAs}
      ></tsp-acting-as>
    </div>`;
  }

  private transfers(session: InYearSession): TemplateResult {
    const acting = session.settings.actingAs;
    const records = [...session.ledger.transfers.values()].reverse();
    return html`<h2 class="govuk-heading-m">Transfers in the ledger</h2>
      ${
        records.length === 0
          ? html`<p class="govuk-body">No transfer has been put to the partnerships yet.</p>`
          : records.map(
              (record) =>
                html`<tsp-transfer-card
                  .record=${record}
                  .actingRole=${session.actorFor(record.terms)?.role ?? null}
                  actingLabel=${acting === MANAGER ? 'the manager' : acting}
                  @tsp-transfer-step=${this.state.onStep}
                ></tsp-transfer-card>`,
            )
      }`;
  }

  /**
   * The forms, folded under GOV.UK details below the answers (key figures, tracking, proposals),
   * so the page opens on them; each opens by itself when it holds an error.
   */
  private inputs(session: InYearSession, partnerships: Named[]): TemplateResult {
    const { errorSource, issues } = this.state;
    const edited = session.settings.curveShares !== null;
    return html`<h2 class="govuk-heading-m">Returns, forecast and rules</h2>
      <p class="govuk-body govuk-!-text-break-word">Returns held: ${session.loaded.join(', ')}.</p>
      ${govukDetails(
        'Load or correct returns',
        html`<tsp-file-upload
            inputId=${RETURNS_FILE_INPUT_ID}
            label="Returns file (CSV)"
            hint="Explore Education Statistics tidy CSV with the columns time_period, time_identifier (month), geographic_level, country_code, country_name, partnership_code, partnership_name, subject, allocation_count, applications_count, offers_count, recruited_count, withdrawn_count. Nothing changes unless every row is valid."
            buttonText="Upload returns"
            error=${this.state.fieldError('returns')}
            @tsp-file=${this.state.onReturnsFile}
          ></tsp-file-upload>
          <tsp-return-entry
            timePeriod=${session.timePeriod}
            .partnerships=${partnerships}
            .errors=${errorSource === 'entry' ? issues : []}
            @tsp-return-entry=${this.state.onEntry}
          ></tsp-return-entry>`,
        { open: errorSource === 'returns' || errorSource === 'entry' },
      )}
      ${govukDetails(
        'Change the recruitment curve and the rules',
        html`<tsp-curve-editor
            .choice=${session.curveChoice()}
            ?edited=${edited}
            provenance=${session.includesIllustrative ? 'illustrative' : edited ? 'imported' : 'derived'}
            .errors=${errorSource === 'curve' ? issues : []}
            @tsp-curve=${this.state.onCurve}
          ></tsp-curve-editor>
          <tsp-rules-form
            .settings=${session.settings}
            .partnerships=${partnerships}
            .errors=${errorSource === 'rules' ? issues : []}
            @tsp-rules=${this.state.onRules}
          ></tsp-rules-form>`,
        { open: errorSource === 'curve' || errorSource === 'rules' },
      )}`;
  }

  private ledger(session: InYearSession): TemplateResult {
    const { errorSource } = this.state;
    const isManager = session.settings.actingAs === MANAGER;
    return html`<h2 class="govuk-heading-m">Ledger</h2>
      ${govukDetails(
        `Every step (${session.ledger.entries.length}), export and import`,
        html`<tsp-ledger-view
          .ledger=${session.ledger}
          importError=${this.state.fieldError('ledger')}
          .untrustedManagerKey=${this.state.untrustedManagerKey}
          ?isManager=${isManager}
          @tsp-ledger-export=${this.state.exportLedger}
          @tsp-ledger-import=${this.state.onLedgerImport}
        ></tsp-ledger-view>`,
        { open: errorSource === 'ledger' || this.state.untrustedManagerKey !== null },
      )}
      ${govukDetails(
        'Who can sign this ledger',
        html`<tsp-ledger-keys
          .keyList=${session.ledger.keyList}
          .trusted=${this.state.trustedKeys}
          ?isManager=${isManager}
          keyError=${this.state.fieldError('keys')}
          @tsp-key-export=${this.state.exportPublicKey}
          @tsp-key-file=${this.state.onKeyFile}
        ></tsp-ledger-keys>`,
        { open: errorSource === 'keys' },
      )}`;
  }

  protected override render(): TemplateResult {
    const heading = html`<h1 class="govuk-heading-l">${ROUTES.inYear.title}</h1>`;
    const { session, loadError, view, plan } = this.state;
    if (loadError) {
      return html`${heading}
        <div class="govuk-error-summary" tabindex="-1">
          <div role="alert">
            <h2 class="govuk-error-summary__title">The in-year data could not be loaded</h2>
            <div class="govuk-error-summary__body"><p class="govuk-body">${loadError}</p></div>
          </div>
        </div>`;
    }
    if (this.region === undefined || session === null) {
      return html`${heading}
        <p class="govuk-body" role="status">Loading the allocation, returns and ledger...</p>`;
    }
    const illustrative = session.includesIllustrative;
    const partnerships = this.region.partnerships.map((p) => ({ code: p.code, name: p.name }));
    return html`${heading}
      <tsp-error-summary
        .heading=${this.state.errorHeading}
        .items=${this.state.errorItems}
      ></tsp-error-summary>
      ${this.banners(illustrative)}
      <p class="govuk-body">
        Recruitment cycle ${session.timePeriod.slice(0, 4)}/${session.timePeriod.slice(4)} (October
        to September), ledger ${session.ledger.ledgerId}.
        ${methodNoteLink('redistribution', 'How tracking and transfers work')}.
      </p>
      ${this.choices(session, partnerships)}
      <tsp-in-year-kpis
        .view=${view}
        .plan=${plan}
        .ledger=${session.ledger}
        ?illustrative=${illustrative}
      ></tsp-in-year-kpis>
      <tsp-tracking-table
        .view=${view}
        .model=${plan?.model ?? null}
        .baseline=${this.baseline(session)}
        ?illustrative=${illustrative}
        timePeriod=${session.timePeriod}
      ></tsp-tracking-table>
      <tsp-proposal-list
        .plan=${plan}
        .transfers=${session.ledger.transfers}
        ?busy=${this.state.planning}
        error=${this.state.planError}
        ?isManager=${session.settings.actingAs === MANAGER}
        ?illustrative=${illustrative}
        @tsp-propose=${this.state.onPropose}
      ></tsp-proposal-list>
      ${this.transfers(session)}
      <tsp-in-year-downloads
        .plan=${plan}
        .ledger=${session.ledger}
        .returns=${session.returns}
        timePeriod=${session.timePeriod}
        monthIndex=${session.monthIndex() ?? 0}
      ></tsp-in-year-downloads>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-half">${this.inputs(session, partnerships)}</div>
        <div class="govuk-grid-column-one-half">${this.ledger(session)}</div>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-in-year-page': TspInYearPage;
  }
}
