import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Partnership } from '../../data/types.ts';
import {
  removeIntelligenceEntry,
  type IntelligenceEntry,
  type IntelligenceState,
} from '../../partnerships/index.ts';
import type { TableColumn } from '../tsp-table.ts';
import '../tsp-table.ts';
import { emit, formatChange } from './view-helpers.ts';
import { govukButton } from '../govuk-button.ts';

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * A partnership's local-intelligence entries, each with who entered it, why and when, and
 * a button to remove it.
 *
 * @summary Table of local-intelligence entries.
 * @fires tsp-intelligence-change - detail `{ state, message }`: an entry was removed.
 */
@customElement('tsp-intelligence-list')
export class TspIntelligenceList extends LitElement {
  @property({ attribute: false }) partnership: Partnership | undefined;
  @property({ attribute: false }) intelligence: IntelligenceState = { entries: [] };

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private removeEntry(entry: IntelligenceEntry): void {
    emit(this, 'tsp-intelligence-change', {
      state: removeIntelligenceEntry(this.intelligence, entry.id),
      message: `Entry ${entry.id} removed. The forecast no longer includes it.`,
    });
    // The removed row's button is gone: put focus somewhere predictable.
    this.querySelector<HTMLElement>('#tsp-intelligence-list-heading')?.focus();
  }

  protected override render(): TemplateResult | typeof nothing {
    const partnership = this.partnership;
    if (partnership === undefined) return nothing;
    const entries = this.intelligence.entries.filter(
      (entry) => entry.partnershipCode === partnership.code,
    );
    const columns: TableColumn<IntelligenceEntry>[] = [
      { key: 'id', label: 'Entry', rowHeader: true, value: (entry) => entry.id },
      { key: 'school', label: 'School URN', value: (entry) => entry.schoolUrn },
      { key: 'subject', label: 'Subject', value: (entry) => entry.subject },
      { key: 'year', label: 'Entry year', value: (entry) => entry.year },
      { key: 'kind', label: 'Kind', value: (entry) => entry.kind },
      {
        key: 'fte',
        label: 'Change (FTE)',
        numeric: true,
        value: (entry) => formatChange(entry.fteChange),
      },
      { key: 'author', label: 'Entered by', value: (entry) => entry.author },
      { key: 'reason', label: 'Reason', value: (entry) => entry.reason },
      {
        key: 'when',
        label: 'Entered',
        value: (entry) => dateTime.format(new Date(entry.enteredAt)),
      },
      {
        key: 'remove',
        label: 'Action',
        value: (entry) =>
          govukButton({
            text: html`Remove<span class="govuk-visually-hidden"> entry ${entry.id}</span>`,
            variant: 'warning',
            classes: 'govuk-!-margin-bottom-0',
            onClick: () => this.removeEntry(entry),
          }),
      },
    ];
    return html`
      <h2 class="govuk-heading-m" id="tsp-intelligence-list-heading" tabindex="-1">
        Local intelligence entries
      </h2>
      ${
        entries.length === 0
          ? html`<p class="govuk-body">No entries yet for ${partnership.name}.</p>`
          : html`<tsp-table
              caption="Local intelligence of ${partnership.name}"
              .columns=${columns}
              .rows=${entries}
            ></tsp-table>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-intelligence-list': TspIntelligenceList;
  }
}
