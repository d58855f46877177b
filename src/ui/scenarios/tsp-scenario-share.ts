import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { PERMALINK_PARAMETER, encodePermalink, type Scenario } from '../../scenarios/index.ts';
import { downloadText } from '../download.ts';
import { govukButton, hiddenStatus } from '../govuk-button.ts';

/** A file name from a scenario name: lower case, words joined by hyphens. */
export function scenarioFileName(scenario: Scenario): string {
  const slug = scenario.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'scenario'}.json`;
}

/**
 * Save, download and share the scenario on the page. The shareable link holds the schema
 * version, name, levers and run settings; it goes into a read-only field to copy, and the
 * result is announced in a status region.
 *
 * @summary Save, download and share a scenario.
 * @fires tsp-save - detail `{ scenario }`: save a copy in this browser.
 */
@customElement('tsp-scenario-share')
export class TspScenarioShare extends LitElement {
  @property({ attribute: false }) scenario: Scenario | undefined;
  @state() private link = '';
  @state() private announcement = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('scenario')) this.link = '';
  }

  private generateLink(): void {
    if (!this.scenario) return;
    const url = new URL('/scenarios', location.origin);
    url.searchParams.set(PERMALINK_PARAMETER, encodePermalink(this.scenario));
    this.link = url.href;
    this.announcement = `Link generated for ${this.scenario.name}. It is in the field below, ready to copy.`;
    void this.updateComplete.then(() =>
      this.querySelector<HTMLInputElement>('#scenario-link')?.select(),
    );
  }

  private download(): void {
    if (!this.scenario) return;
    downloadText(
      scenarioFileName(this.scenario),
      `${JSON.stringify(this.scenario, null, 2)}\n`,
      'application/json',
    );
    this.announcement = `Downloaded ${scenarioFileName(this.scenario)}.`;
  }

  protected override render(): TemplateResult {
    const disabled = !this.scenario;
    return html`<div class="govuk-button-group">
        ${govukButton({
          text: 'Save in this browser',
          variant: 'secondary',
          disabled,
          onClick: () =>
            this.dispatchEvent(
              new CustomEvent('tsp-save', { detail: { scenario: this.scenario }, bubbles: true }),
            ),
        })}
        ${govukButton({
          text: 'Download scenario file',
          variant: 'secondary',
          disabled,
          onClick: this.download,
        })}
        ${govukButton({
          text: 'Generate shareable link',
          variant: 'secondary',
          disabled,
          onClick: this.generateLink,
        })}
      </div>
      ${hiddenStatus(this.announcement, 'share-status')}
      ${
        this.link
          ? html`<div class="govuk-form-group">
              <label class="govuk-label" for="scenario-link">Shareable link</label>
              <div class="govuk-hint" id="scenario-link-hint">
                Opening it shows this page with the same levers and settings (not the description or
                evidence).
              </div>
              <input
                class="govuk-input"
                id="scenario-link"
                type="text"
                readonly
                aria-describedby="scenario-link-hint"
                .value=${this.link}
              />
            </div>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-scenario-share': TspScenarioShare;
  }
}
