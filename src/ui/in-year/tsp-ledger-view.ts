import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { KeyRegistration, LedgerEntry, LedgerState } from '../../redistribution/index.ts';
import type { TableColumn } from '../tsp-table.ts';
import type { ChosenFile } from './tsp-file-upload.ts';
import { fingerprint, signerName } from './tsp-ledger-keys.ts';
import { actionText } from './workflow-words.ts';
import '../tsp-table.ts';
import './tsp-file-upload.ts';

export const LEDGER_FILE_INPUT_ID = 'tsp-ledger-file';

export interface LedgerImportDetail {
  file: ChosenFile;
  replace: boolean;
  /** Key id of the manager key the user said they trust, or null. */
  acceptManagerKeyId: string | null;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * The append-only ledger: every step with who, when, what and why, the key that signed it
 * and the start of its SHA-256 hash (each entry's hash covers the previous one's, so any edit
 * breaks the chain; the signature shows who made it). Export writes the whole chain and the
 * manager's key list as JSON; import checks every entry before anything changes, and asks the
 * user to compare the fingerprint of a manager key this browser does not know.
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
  /** A manager key of the last file that this browser does not know, to ask about. */
  @property({ attribute: false }) untrustedManagerKey: KeyRegistration | null = null;
  /** Exports by the manager carry the manager's checkpoint. */
  @property({ type: Boolean }) isManager = false;

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
        key: 'signed',
        label: 'Signed by',
        value: (e) => {
          const key = ledger.keyList?.keys.find((k) => k.keyId === e.keyId);
          return html`${key === undefined ? 'Unregistered key' : signerName(key.actor)}, key
          ${fingerprint(e.keyId)}`;
        },
      },
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
    const trust = this.querySelector<HTMLInputElement>('#tsp-ledger-trust');
    const acceptManagerKeyId = trust?.checked === true ? trust.value : null;
    this.dispatchEvent(
      new CustomEvent<LedgerImportDetail>('tsp-ledger-import', {
        detail: { file: event.detail, replace, acceptManagerKeyId },
        bubbles: true,
      }),
    );
  }

  /** Asks whether to trust the manager key of a file refused only for not knowing it. */
  private trustQuestion(): TemplateResult | typeof nothing {
    const key = this.untrustedManagerKey;
    if (key === null) return nothing;
    return html`<div class="govuk-form-group">
      <fieldset class="govuk-fieldset" aria-describedby="tsp-ledger-trust-hint">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
          Do you trust this manager key?
        </legend>
        <div id="tsp-ledger-trust-hint" class="govuk-hint">
          The file's keys were registered by a manager key this browser does not know, with
          fingerprint <strong>${fingerprint(key.keyId)}</strong>. Trust it only if the regional
          allocation manager has told you the same fingerprint.
        </div>
        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          <div class="govuk-checkboxes__item">
            <input
              class="govuk-checkboxes__input"
              id="tsp-ledger-trust"
              type="checkbox"
              value=${key.keyId}
            />
            <label class="govuk-label govuk-checkboxes__label" for="tsp-ledger-trust">
              I have checked fingerprint ${fingerprint(key.keyId)} with the manager and trust it
            </label>
          </div>
        </div>
      </fieldset>
    </div>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const ledger = this.ledger;
    if (ledger === null) return nothing;
    // The page heads it ("Ledger") and folds it under a details.
    return html`<p class="govuk-body">
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
      <p class="govuk-body">
        ${
          this.isManager
            ? "Exported while acting as the manager, the file carries the manager's signed checkpoint, so it can replace another copy of this ledger."
            : 'Only a file exported by the manager can replace another copy of this ledger.'
        }
      </p>
      <h3 class="govuk-heading-s">Import a ledger</h3>
      <p class="govuk-body">
        A file exported from this service. It is refused, and nothing changes, if any entry was
        changed, removed or reordered, is not signed by the key the manager registered for the
        person who made it, names a partnership the region does not have, or if the file was cut
        short. Replacing a different ledger needs the manager's signed checkpoint.
      </p>
      ${this.trustQuestion()}
      <div class="govuk-form-group">
        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          <div class="govuk-checkboxes__item">
            <input class="govuk-checkboxes__input" id="tsp-ledger-replace" type="checkbox" />
            <label class="govuk-label govuk-checkboxes__label" for="tsp-ledger-replace">
              Replace the ledger held in this browser if the file's ledger differs from it (only
              with the manager's checkpoint; the entries replaced are archived in this browser)
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
