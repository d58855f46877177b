import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** What each feature will do, said plainly while it has not been built. */
const PLANNED: Record<string, string> = {
  forecast:
    'Forecast the need for newly qualified teachers and ITT trainees by district, phase and secondary subject for the next three entry years, with uncertainty ranges and the drivers of change.',
  allocation:
    'Allocate ITT places across the region’s provider partnerships with a linear programme, with explanations of binding constraints and a diagnosis when the inputs cannot all be met.',
  'in-year':
    'Track monthly recruitment against allocation, forecast end-of-cycle fill and move unfilled places between partnerships by mutual agreement, with an audit ledger.',
  maps: 'Map attainment, deprivation and unmet teacher need, with a cold-spot index that also weights the allocation.',
  scenarios: 'Build, compare and share “what if” scenarios, and download the results as tidy data.',
  partnerships:
    'Forecast each partnership’s partner schools’ NQT demand, add local intelligence and see the amalgamated regional request.',
};

/**
 * A page whose feature has not been built yet. It says so and shows no numbers.
 *
 * @summary Honest placeholder for a feature that has not landed.
 */
@customElement('tsp-pending-page')
export class TspPendingPage extends LitElement {
  @property() heading = '';
  @property() feature = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult {
    return html`
      <h1 class="govuk-heading-l">${this.heading}</h1>
      <div class="govuk-inset-text">
        This part of the service has not been built yet. It shows no figures until it has.
      </div>
      <p class="govuk-body">When it is ready you will be able to: ${PLANNED[this.feature] ?? ''}</p>
      <p class="govuk-body"><a class="govuk-link" href="/" data-route>Back to the overview</a></p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-pending-page': TspPendingPage;
  }
}
