import { LitElement, html, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';

const SUPPORT_EMAIL = (import.meta.env.VITE_SUPPORT_EMAIL ?? '').trim();

/** A mailto link with the outline of a useful report already in the message. */
function reportLink(address: string): string {
  const body = [
    'Page and what I was trying to do:',
    '',
    'What happened, and any message the service showed:',
    '',
    `Browser: ${navigator.userAgent}`,
  ].join('\n');
  return `mailto:${address}?subject=${encodeURIComponent('Teacher Supply Planner: problem report')}&body=${encodeURIComponent(body)}`;
}

/**
 * How to get help and give feedback. The service runs entirely in the browser and sends no
 * data anywhere, so a report goes by email to the support address set when the app is built
 * (`VITE_SUPPORT_EMAIL` in `.env`), with what to include filled in.
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
      ${
        SUPPORT_EMAIL
          ? html`<p class="govuk-body" data-testid="support-email">
              Email
              <a class="govuk-link" href=${reportLink(SUPPORT_EMAIL)}>${SUPPORT_EMAIL}</a>. Please
              tell us:
            </p>`
          : html`<p class="govuk-body" data-testid="support-email">
              This copy of the service has no support mailbox set: ask the team that runs it for
              you. Most questions are answered in
              <a class="govuk-link" href="/docs/README.txt">how the service works</a>. When you
              report a problem, please tell us:
            </p>`
      }
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
