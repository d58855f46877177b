import { LitElement, html, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';

/**
 * Accessibility statement in the wording of the GOV.UK / DfE model statement, honest about
 * what has and has not been tested.
 *
 * @summary The accessibility statement.
 */
@customElement('tsp-accessibility-page')
export class TspAccessibilityPage extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult {
    return html`
      <h1 class="govuk-heading-l">Accessibility statement for Teacher Supply Planner</h1>
      <p class="govuk-body">
        This accessibility statement applies to the Teacher Supply Planner service. It is run by the
        Teacher Supply Planner team. We want as many people as possible to be able to use this
        service. For example, that means you should be able to:
      </p>
      <ul class="govuk-list govuk-list--bullet">
        <li>change colours, contrast levels and fonts using browser or device settings</li>
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>navigate most of the service using a keyboard or speech recognition software</li>
        <li>listen to most of the service using a screen reader</li>
      </ul>
      <p class="govuk-body">We have also made the text as simple as possible to understand.</p>

      <h2 class="govuk-heading-m">How accessible this service is</h2>
      <p class="govuk-body">We know some parts of this service are not fully accessible:</p>
      <ul class="govuk-list govuk-list--bullet">
        <li>
          charts and maps are images to screen readers; every chart and map has a table beside it
          with the same numbers, but the visual layout itself cannot be explored by keyboard
        </li>
        <li>some large tables are wide and need horizontal scrolling on small screens</li>
        <li>
          the service has not yet been tested by disabled users or by an accessibility specialist
        </li>
      </ul>

      <h2 class="govuk-heading-m">Feedback and contact information</h2>
      <p class="govuk-body">
        If you need information in a different format, or find a problem not listed on this page,
        use the
        <a class="govuk-link" href="/support" data-route>support and feedback</a> page.
      </p>

      <h2 class="govuk-heading-m">Enforcement procedure</h2>
      <p class="govuk-body">
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public
        Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the
        ‘accessibility regulations’). If you’re not happy with how we respond to your complaint,
        contact the Equality Advisory and Support Service (EASS).
      </p>

      <h2 class="govuk-heading-m">Technical information about this service’s accessibility</h2>
      <p class="govuk-body">
        We are committed to making this service accessible, in accordance with the Public Sector
        Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.
      </p>
      <h3 class="govuk-heading-s">Compliance status</h3>
      <p class="govuk-body">
        This service is partially compliant with the
        <a class="govuk-link" href="https://www.w3.org/TR/WCAG22/"
          >Web Content Accessibility Guidelines version 2.2</a
        >
        AA standard, due to the non-compliances listed below.
      </p>
      <h3 class="govuk-heading-s">Non-accessible content</h3>
      <p class="govuk-body">
        Charts and maps convey information visually (WCAG 1.1.1 Non-text content, 1.4.1 Use of
        colour). We provide the same information in a table beside each one. We plan to review this
        before the service leaves beta.
      </p>

      <h2 class="govuk-heading-m">How we tested this service</h2>
      <p class="govuk-body">
        Every page is checked automatically with axe-core (WCAG 2.0, 2.1 and 2.2 A and AA rules) in
        a real browser as part of our test suite. Automated checks find only some problems; a manual
        audit has not yet been carried out.
      </p>

      <h2 class="govuk-heading-m">Preparation of this accessibility statement</h2>
      <p class="govuk-body">
        This statement was prepared on 23 November 2026. It was last reviewed on 23 November 2026.
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-accessibility-page': TspAccessibilityPage;
  }
}
