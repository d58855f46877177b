import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { LedgerEntry, LedgerState } from '../../redistribution/index.ts';
import type { TableColumn } from '../tsp-table.ts';
import type { ChosenFile } from './tsp-file-upload.ts';
import { actionText } from './workflow-words.ts';
import '../tsp-table.ts';
import './tsp-file-upload.ts';

export const LEDGER_FILE_INPUT_ID = 'tsp-ledger-file';

export interface LedgerImportDetail {
  file: ChosenFile;
  replace: boolean;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * The append-only ledger: every step with who, when, what and why, and the start of its
 * SHA-256 hash (each entry's hash covers the previous one's, so any edit breaks the chain).
 * Export writes the whole chain as JSON; import checks it completely before anything changes.
 *
 * @summary Ledger entries, export and import.
 * @fires tsp-ledger-export - the manager asked for the ledger file.
 * @fires tsp-ledger-import - detail: LedgerImportDetail.
 */
@customElement('tsp-ledger-view')
export class TspLedgerView extends LitElement {
  @property({ attribute: false }) ledger: LedgerState | null = null;
  /** Why the last import was refused, shown on the file field. */
  @property() importError = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private columns(ledger: LedgerState): TableColumn<LedgerEntry>[] {
    return [
      { key: 'seq', label: 'Entry', numeric: true, value: (e) => String(e.seq) },
      { key: 'at', label: 'When', value: (e) => timeFormat.format(new Date(e.at)) },
      {
        key: 'who',
        label: 'Who',
        value: (e) =>
          `${e.actor.name} (${e.actor.role}${e.actor.partnershipCode ? `, ${e.actor.partnershipCode}` : ''})`,
      },
      { key: 'what', label: 'What', value: (e) => actionText(e.action, ledger.transfers) },
      {
        key: 'why',
        label: 'Why',
        value: (e) => (e.action.type === 'propose' ? 'See the transfer' : e.why || 'Not given'),
      },
      {
        key: 'hash',
        label: 'Hash (start)',
        value: (e) => html`<code title=${e.hash}>${e.hash.slice(0, 12)}</code>`,
      },
    ];
  }

  private onFile(event: CustomEvent<ChosenFile>): void {
    // The page also listens for returns files: this one is a ledger.
    event.stopPropagation();
    const replace = this.querySelector<HTMLInputElement>('#tsp-ledger-replace')?.checked ?? false;
    this.dispatchEvent(
      new CustomEvent<LedgerImportDetail>('tsp-ledger-import', {
        detail: { file: event.detail, replace },
        bubbles: true,
      }),
    );
  }

  protected override render(): TemplateResult | typeof nothing {
    const ledger = this.ledger;
    if (ledger === null) return nothing;
    return html`<h2 class="govuk-heading-m">Ledger</h2>
      <p class="govuk-body">
        Every step is recorded here and never changed; an undo is a new, compensating entry. The
        ledger is kept in this browser and survives reloads. Head hash
        <code>${ledger.headHash.slice(0, 12)}</code>, ${ledger.entries.length}
        entr${ledger.entries.length === 1 ? 'y' : 'ies'}.
      </p>
      <tsp-table
        .columns=${this.columns(ledger)}
        .rows=${[...ledger.entries]}
        caption=${`Ledger ${ledger.ledgerId}: every step, oldest first`}
      ></tsp-table>
      <button
        type="button"
        class="govuk-button govuk-button--secondary"
        @click=${() => this.dispatchEvent(new CustomEvent('tsp-ledger-export', { bubbles: true }))}
      >
        Export the ledger (JSON)
      </button>
      <h3 class="govuk-heading-s">Import a ledger</h3>
      <p class="govuk-body">
        A file exported from this service. It is refused if any entry was changed, removed or
        reordered, or if the file was cut short.
      </p>
      <div class="govuk-form-group">
        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          <div class="govuk-checkboxes__item">
            <input class="govuk-checkboxes__input" id="tsp-ledger-replace" type="checkbox" />
            <label class="govuk-label govuk-checkboxes__label" for="tsp-ledger-replace">
              Replace the ledger held in this browser if the file's ledger differs from it
            </label>
          </div>
        </div>
      </div>
      <tsp-file-upload
        inputId=${LEDGER_FILE_INPUT_ID}
        label="Ledger file (JSON)"
        hint="For example in-year-ledger-202526.json"
        accept=".json,application/json"
        buttonText="Import the ledger"
        error=${this.importError}
        @tsp-file=${(e: CustomEvent<ChosenFile>) => this.onFile(e)}
      ></tsp-file-upload>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-ledger-view': TspLedgerView;
  }
}
