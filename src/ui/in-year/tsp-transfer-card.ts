import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  availableEvents,
  type Role,
  type TransferRecord,
  type WorkflowEvent,
} from '../../redistribution/index.ts';
import { formatDecimal } from '../format.ts';
import { STATUS_WORDS, eventLabel, stepText, termsText } from './workflow-words.ts';
import { govukErrorMessage } from '../govuk-field.ts';

export interface TransferStepDetail {
  transferId: string;
  event: WorkflowEvent;
  why: string;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** A safe id from a transfer id (which holds ':', '>' and spaces). */
export const transferDomId = (transferId: string): string =>
  `tsp-transfer-${transferId.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/**
 * One transfer in the ledger: its terms, where it stands, the steps so far (who, when, why)
 * and the buttons open to whoever is acting. Declining and undoing need a reason.
 *
 * @summary A transfer and its agreement workflow.
 * @fires tsp-transfer-step - detail: TransferStepDetail.
 */
@customElement('tsp-transfer-card')
export class TspTransferCard extends LitElement {
  @property({ attribute: false }) record: TransferRecord | null = null;
  /** The acting user's role in this transfer, or null when they are not a party to it. */
  @property({ attribute: false }) actingRole: Role | null = null;
  @property() actingLabel = '';

  @state() private reasonError = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private act(event: WorkflowEvent): void {
    if (this.record === null) return;
    const id = `${transferDomId(this.record.terms.id)}-why`;
    const why = this.querySelector<HTMLTextAreaElement>(`#${id}`)?.value.trim() ?? '';
    if ((event === 'decline' || event === 'undo') && why === '') {
      this.reasonError = `Enter a reason to ${event === 'undo' ? 'undo' : 'decline'} this transfer`;
      this.querySelector<HTMLTextAreaElement>(`#${id}`)?.focus();
      return;
    }
    this.reasonError = '';
    this.dispatchEvent(
      new CustomEvent<TransferStepDetail>('tsp-transfer-step', {
        detail: { transferId: this.record.terms.id, event, why },
        bubbles: true,
      }),
    );
  }

  private buttons(events: WorkflowEvent[]): TemplateResult {
    const record = this.record!;
    const id = `${transferDomId(record.terms.id)}-why`;
    const needsReason = events.some((e) => e === 'decline' || e === 'undo');
    return html`${
        needsReason
          ? html`<div class="govuk-form-group ${this.reasonError ? 'govuk-form-group--error' : ''}">
              <label class="govuk-label" for=${id}
                >Reason or note (needed to decline or undo)</label
              >
              ${govukErrorMessage(id, this.reasonError)}
              <textarea
                class="govuk-textarea ${this.reasonError ? 'govuk-textarea--error' : ''}"
                id=${id}
                rows="2"
                aria-describedby=${this.reasonError ? `${id}-error` : nothing}
              ></textarea>
            </div>`
          : nothing
      }
      <div class="govuk-button-group">
        ${events.map(
          (event) =>
            html`<button
              type="button"
              class="govuk-button ${event === 'decline' || event === 'undo' ? 'govuk-button--warning' : ''}"
              @click=${() => this.act(event)}
            >
              ${eventLabel(event, record.terms)}<span class="govuk-visually-hidden"
                >: ${termsText(record.terms)}</span
              >
            </button>`,
        )}
      </div>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const record = this.record;
    if (record === null) return nothing;
    const { terms, status } = record;
    const events = this.actingRole === null ? [] : availableEvents(status, this.actingRole);
    return html`<div
      class="govuk-summary-card"
      id=${transferDomId(terms.id)}
      data-transfer-id=${terms.id}
    >
      <div class="govuk-summary-card__title-wrapper">
        <h3 class="govuk-summary-card__title">Move ${termsText(terms)}</h3>
        <strong class="govuk-tag ${STATUS_WORDS[status].tag}">${STATUS_WORDS[status].label}</strong>
      </div>
      <div class="govuk-summary-card__content">
        <dl class="govuk-summary-list">
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Donor</dt>
            <dd class="govuk-summary-list__value">
              ${terms.from.partnershipName} (${terms.from.partnershipCode}), ${terms.from.subject}
            </dd>
          </div>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Recipient</dt>
            <dd class="govuk-summary-list__value">
              ${terms.to.partnershipName} (${terms.to.partnershipCode}), ${terms.to.subject}
            </dd>
          </div>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Expected extra recruits</dt>
            <dd class="govuk-summary-list__value">${formatDecimal(terms.expectedGain)}</dd>
          </div>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Why</dt>
            <dd class="govuk-summary-list__value">${terms.reason}</dd>
          </div>
        </dl>
        <h4 class="govuk-heading-s">Steps</h4>
        <ol class="govuk-list govuk-list--number">
          ${record.steps.map(
            (step) =>
              html`<li>
                ${stepText(step.action)}: ${step.actor.name} (${step.actor.role}),
                ${timeFormat.format(new Date(step.at))}${step.why && step.action.type !== 'propose' ? html`. Reason: ${step.why}` : nothing}
              </li>`,
          )}
        </ol>
        ${
          events.length > 0
            ? this.buttons(events)
            : html`<p class="govuk-body govuk-hint">
                ${
                  this.actingRole === null
                    ? `${this.actingLabel} is not a party to this transfer: act as ${terms.from.partnershipCode}, ${terms.to.partnershipCode} or the manager.`
                    : status === 'applied' || status === 'declined' || status === 'undone'
                      ? 'Nothing more to do as the acting role.'
                      : `Nothing for ${this.actingLabel} to do now: ${STATUS_WORDS[status].label.toLowerCase()}.`
                }
              </p>`
        }
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-transfer-card': TspTransferCard;
  }
}
