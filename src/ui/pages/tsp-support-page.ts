import { LitElement, html, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';

/**
 * How to get help and give feedback. The service runs entirely in the browser and sends no
 * data anywhere, so feedback goes through the project's issue tracker.
 *
 * @summary Support and feedback page.
 */
@customElement('tsp-support-page')
export class TspSupportPage extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult {
    return html`
      <h1 class="govuk-heading-l">Support and feedback</h1>
      <p class="govuk-body">
        Teacher Supply Planner runs entirely in your web browser. The data you load, the scenarios
        you save and the in-year ledger stay on your device; nothing is sent to a server.
      </p>
      <h2 class="govuk-heading-m">Report a problem or suggest an improvement</h2>
      <p class="govuk-body">Raise an issue in the project’s repository. Please tell us:</p>
      <ul class="govuk-list govuk-list--bullet">
        <li>which page you were on and what you were trying to do</li>
        <li>
          what happened, and any message the service showed (messages name the file, row and column
          at fault)
        </li>
        <li>the browser you used</li>
      </ul>
      <p class="govuk-body">Do not include personal data about pupils or teachers.</p>
      <h2 class="govuk-heading-m">Questions about the figures</h2>
      <p class="govuk-body">
        The <a class="govuk-link" href="/data-sources" data-route>data sources</a> page lists where
        each figure comes from, its date and licence, and which figures are estimated or
        illustrative.
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-support-page': TspSupportPage;
  }
}
