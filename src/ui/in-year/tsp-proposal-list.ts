import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { TransferPlan, TransferProposal, TransferRecord } from '../../redistribution/index.ts';
import { formatDecimal } from '../format.ts';
import { tableRegion } from '../table-region.ts';
import { provenanceTag } from '../provenance-tag.ts';
import { transferDomId } from './tsp-transfer-card.ts';
import { STATUS_WORDS, termsText } from './workflow-words.ts';

/**
 * The transfers the LP proposes for the month shown, each with its reason in words. The
 * manager puts a proposal to the partnerships, which records it in the ledger; from then on
 * it is followed in the transfers list below.
 *
 * @summary Proposed transfers from the transfer LP.
 * @fires tsp-propose - detail: the TransferProposal to record.
 */
@customElement('tsp-proposal-list')
export class TspProposalList extends LitElement {
  @property({ attribute: false }) plan: TransferPlan | null = null;
  /** Transfers already in the ledger, by id. */
  @property({ attribute: false }) transfers: ReadonlyMap<string, TransferRecord> = new Map();
  @property({ type: Boolean }) busy = false;
  @property() error = '';
  @property({ type: Boolean }) isManager = false;
  @property({ type: Boolean }) illustrative = false;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private propose(proposal: TransferProposal): void {
    this.dispatchEvent(
      new CustomEvent<TransferProposal>('tsp-propose', { detail: proposal, bubbles: true }),
    );
  }

  private action(proposal: TransferProposal): TemplateResult {
    const held = this.transfers.get(proposal.id);
    if (held !== undefined) {
      return html`<p class="govuk-body">
        In the ledger:
        <strong class="govuk-tag ${STATUS_WORDS[held.status].tag}"
          >${STATUS_WORDS[held.status].label}</strong
        >
        <a class="govuk-link" href="#${transferDomId(proposal.id)}">follow this transfer</a>
      </p>`;
    }
    if (!this.isManager) {
      return html`<p class="govuk-body govuk-hint">
        The manager puts proposals to the partnerships.
      </p>`;
    }
    return html`<button type="button" class="govuk-button" @click=${() => this.propose(proposal)}>
      Put to the partnerships<span class="govuk-visually-hidden">: ${termsText(proposal)}</span>
    </button>`;
  }

  protected override render(): TemplateResult {
    const plan = this.plan;
    const heading = html`<h2 class="govuk-heading-m">
      Proposed transfers${provenanceTag(this.illustrative ? 'illustrative' : undefined)}
    </h2>`;
    if (this.error) {
      return html`${heading}
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong class="govuk-warning-text__text"
            ><span class="govuk-visually-hidden">Warning</span> ${this.error}</strong
          >
        </div>`;
    }
    if (plan === null || this.busy) {
      return html`${heading}
        <p class="govuk-body">Working out the transfers (HiGHS solver)...</p>`;
    }
    if (plan.proposals.length === 0)
      return html`${heading}
        <p class="govuk-body">${plan.detail}</p>`;
    return html`${heading}
      <p class="govuk-body">
        ${plan.proposals.length} proposal${plan.proposals.length === 1 ? '' : 's'} moving
        ${plan.placesMoved} place${plan.placesMoved === 1 ? '' : 's'}; expected regional recruitment
        rises by ${formatDecimal(plan.expectedGain)}. Solver: ${plan.detail}.
      </p>
      ${tableRegion(
        // A long list scrolls inside its own region, like a long table, so the page stays short.
        { label: 'Proposed transfers list' },
        html`<ul class="govuk-list" data-testid="proposals">
          ${plan.proposals.map(
            (p) =>
              html`<li class="govuk-inset-text" data-proposal-id=${p.id}>
                <h3 class="govuk-heading-s govuk-!-margin-bottom-1">Move ${termsText(p)}</h3>
                <p class="govuk-body-s">${p.reason}</p>
                ${this.action(p)}
              </li>`,
          )}
        </ul>`,
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-proposal-list': TspProposalList;
  }
}
