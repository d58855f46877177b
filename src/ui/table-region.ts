import { html, nothing, type TemplateResult } from 'lit';

export interface TableRegionOptions {
  /** What the table is, read out when the region gets focus (usually its caption). */
  label: string;
  id?: string;
  /** Id of text that says more, e.g. which rows a paged table shows. */
  describedBy?: string;
}

/**
 * The one wrapper for a table that may be wider than the page (GOV.UK / DfE pattern): a
 * labelled region that scrolls sideways inside itself, keyboard-focusable so it can be scrolled
 * without a mouse, with the first column (the row's name) held in place while the rest scroll
 * (app.css), so the page itself never scrolls sideways on a phone.
 */
export function tableRegion(options: TableRegionOptions, table: TemplateResult): TemplateResult {
  return html`<div
    class="tsp-table-wrapper"
    id=${options.id ?? nothing}
    tabindex="0"
    role="region"
    aria-label=${options.label}
    aria-describedby=${options.describedBy ?? nothing}
  >
    ${table}
  </div>`;
}
