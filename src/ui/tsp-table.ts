import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { tableRegion } from './table-region.ts';

/** A column of a `tsp-table`: the row key, the header text and how to show a value. */
export interface TableColumn<Row> {
  key: string;
  label: string;
  numeric?: boolean;
  /** The first column of a row can be its header (scope="row"). */
  rowHeader?: boolean;
  value: (row: Row) => string | TemplateResult;
}

/**
 * A GOV.UK table with a caption, numeric columns right-aligned, in a scrolling wrapper. Every
 * chart and map in the service has one beside it with the same numbers.
 *
 * @summary GOV.UK table from columns and rows.
 */
@customElement('tsp-table')
export class TspTable<Row = unknown> extends LitElement {
  @property() caption = '';
  @property({ attribute: false }) columns: TableColumn<Row>[] = [];
  @property({ attribute: false }) rows: Row[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult {
    return tableRegion(
      { label: this.caption },
      html`<table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s">
          ${this.caption}
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            ${this.columns.map(
              (column) =>
                html`<th
                  scope="col"
                  class="govuk-table__header ${column.numeric ? 'govuk-table__header--numeric' : ''}"
                >
                  ${column.label}
                </th>`,
            )}
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          ${this.rows.map(
            (row) =>
              html`<tr class="govuk-table__row">
                ${this.columns.map((column) =>
                  column.rowHeader
                    ? html`<th scope="row" class="govuk-table__header">${column.value(row)}</th>`
                    : html`<td
                        class="govuk-table__cell ${column.numeric ? 'govuk-table__cell--numeric tsp-numeric' : ''}"
                      >
                        ${column.value(row)}
                      </td>`,
                )}
              </tr>`,
          )}
        </tbody>
      </table>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-table': TspTable;
  }
}
