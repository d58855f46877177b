import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RegionDataset } from '../../data/types.ts';
import { ROUTES } from '../routes.ts';
import './tsp-pending-page.ts';

/**
 * The Partnerships page. Its feature has not landed yet, so it says so and shows no figures.
 *
 * @summary Partnerships page.
 */
@customElement('tsp-partnerships-page')
export class TspPartnershipsPage extends LitElement {
  @property({ attribute: false }) region: RegionDataset | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult {
    return html`<tsp-pending-page
      heading=${ROUTES.partnerships.title}
      feature="partnerships"
    ></tsp-pending-page>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-partnerships-page': TspPartnershipsPage;
  }
}
