import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import {
  MANAGER_SIGNER,
  keyFingerprint,
  type KeyList,
  type KeyRegistration,
} from '../../redistribution/index.ts';
import type { TrustedManagerKey } from '../../storage/ledger-db.ts';
import type { TableColumn } from '../tsp-table.ts';
import type { ChosenFile } from './tsp-file-upload.ts';
import '../tsp-table.ts';
import './tsp-file-upload.ts';

export const KEY_FILE_INPUT_ID = 'tsp-key-file';

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** Who a signer id stands for, in words. */
export function signerName(actor: string): string {
  return actor === MANAGER_SIGNER ? 'Regional allocation manager' : `Partnership ${actor}`;
}

/** A key fingerprint as the page shows it: the start of the key id, the whole id on hover. */
export function fingerprint(keyId: string): TemplateResult {
  return html`<code title=${keyId}>${keyFingerprint(keyId)}</code>`;
}

/**
 * The ledger's key list (who may sign, by key fingerprint, and the manager key that signed
 * the list) and the manager keys this browser trusts. People compare fingerprints to be sure
 * a ledger file comes from their manager. A partnership working in its own browser downloads
 * its public key and sends it to the manager, who registers it here.
 *
 * @summary Signing keys of the ledger and the manager keys trusted here.
 * @fires tsp-key-export - the acting person asked for their public key file.
 * @fires tsp-key-file - detail: ChosenFile, a public key file for the manager to register.
 */
@customElement('tsp-ledger-keys')
export class TspLedgerKeys extends LitElement {
  @property({ attribute: false }) keyList: KeyList | null = null;
  @property({ attribute: false }) trusted: readonly TrustedManagerKey[] = [];
  @property({ type: Boolean }) isManager = false;
  /** Why the last key file was refused, shown on the file field. */
  @property() keyError = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private readonly columns: TableColumn<KeyRegistration>[] = [
    { key: 'actor', label: 'Signs for', rowHeader: true, value: (k) => signerName(k.actor) },
    { key: 'key', label: 'Key fingerprint', value: (k) => fingerprint(k.keyId) },
    {
      key: 'registered',
      label: 'Registered',
      value: (k) => dateFormat.format(new Date(k.registeredAt)),
    },
  ];

  private onKeyFile(event: CustomEvent<ChosenFile>): void {
    // The page also listens for returns files: this one is a key.
    event.stopPropagation();
    this.dispatchEvent(new CustomEvent('tsp-key-file', { detail: event.detail, bubbles: true }));
  }

  protected override render(): TemplateResult | typeof nothing {
    const list = this.keyList;
    if (list === null) return nothing;
    return html`<h3 class="govuk-heading-s">Who can sign this ledger</h3>
      <p class="govuk-body">
        Every entry is signed in the browser of the person who made it, with a key registered by the
        manager. The manager's key ${fingerprint(list.signedBy)} signed this list on
        ${dateFormat.format(new Date(list.signedAt))}.
      </p>
      <tsp-table
        .columns=${this.columns}
        .rows=${[...list.keys]}
        caption="Keys registered by the manager"
      ></tsp-table>
      <p class="govuk-body">
        This browser accepts ledger files whose keys were registered by these manager keys:
      </p>
      <ul class="govuk-list govuk-list--bullet" data-testid="trusted-manager-keys">
        ${this.trusted.map(
          (key) =>
            html`<li>
              ${fingerprint(key.keyId)}, ${key.how}, ${dateFormat.format(new Date(key.trustedAt))}
            </li>`,
        )}
      </ul>
      <h3 class="govuk-heading-s">Register a key from another browser</h3>
      <p class="govuk-body">
        A partnership working in its own browser downloads its public key here and sends the file to
        the manager; the manager, acting as the manager, registers it and compares its fingerprint
        with the partnership. The private key never leaves the browser that made it.
      </p>
      <button
        type="button"
        class="govuk-button govuk-button--secondary"
        @click=${() => this.dispatchEvent(new CustomEvent('tsp-key-export', { bubbles: true }))}
      >
        Download this browser's public key (JSON)
      </button>
      ${
        this.isManager
          ? html`<tsp-file-upload
              inputId=${KEY_FILE_INPUT_ID}
              label="A partnership's public key file (JSON)"
              hint="For example public-key-S21.json"
              accept=".json,application/json"
              buttonText="Register the key"
              error=${this.keyError}
              @tsp-file=${(e: CustomEvent<ChosenFile>) => this.onKeyFile(e)}
            ></tsp-file-upload>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-ledger-keys': TspLedgerKeys;
  }
}
