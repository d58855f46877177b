import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Partnership, Provenance } from '../../data/types.ts';
import {
  ZERO_RANGE,
  addRanges,
  partnershipForecastTable,
  type NeedRange,
  type PartnershipForecastRow,
} from '../../partnerships/index.ts';
import { formatCount } from '../format.ts';
import { provenanceTag } from '../provenance-tag.ts';
import { FORECAST_RUN } from './district-need-run.ts';
import type { TableColumn } from '../tsp-table.ts';
import '../tsp-table.ts';
import { formatChange, rangeCell } from './view-helpers.ts';
import { eesFiles } from '../tsp-download.ts';

interface Cell {
  forecast: NeedRange;
  intelligence: number;
}

interface Row {
  subject: string;
  phase: string;
  cells: Map<string, Cell>;
}

function sumCells(rows: readonly PartnershipForecastRow[], year: string): Cell {
  const ofYear = rows.filter((row) => row.year === year);
  return {
    forecast: ofYear.reduce((sum, row) => addRanges(sum, row.forecast), ZERO_RANGE),
    intelligence: ofYear.reduce((sum, row) => sum + row.intelligence, 0),
  };
}

/**
 * A partnership's forecast NQT demand by phase and subject for the three entry years:
 * median with the P10 to P90 range, local intelligence included, and a tidy CSV download.
 *
 * @summary Partnership forecast table and download.
 */
@customElement('tsp-partnership-forecast')
export class TspPartnershipForecast extends LitElement {
  @property({ attribute: false }) partnership: Partnership | undefined;
  @property({ attribute: false }) rows: readonly PartnershipForecastRow[] = [];
  @property({ attribute: false }) entryYears: readonly string[] = [];
  /** How its partner-school list was made: 'illustrative', 'imported', 'mixed' or 'none'. */
  @property() basis = 'illustrative';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private tableRows(): Row[] {
    const bySubject = new Map<string, Row>();
    for (const row of this.rows) {
      const item = bySubject.get(row.subject) ?? {
        subject: row.subject,
        phase: row.subject === 'Primary' ? 'Primary' : 'Secondary',
        cells: new Map<string, Cell>(),
      };
      item.cells.set(row.year, { forecast: row.forecast, intelligence: row.intelligence });
      bySubject.set(row.subject, item);
    }
    const secondary = this.rows.filter((row) => row.subject !== 'Primary');
    const totalRow = (subject: string, phase: string, of: readonly PartnershipForecastRow[]) => ({
      subject,
      phase,
      cells: new Map(this.entryYears.map((year) => [year, sumCells(of, year)])),
    });
    return [
      ...bySubject.values(),
      totalRow('All secondary subjects', 'Secondary', secondary),
      totalRow('All subjects', 'Both', this.rows),
    ];
  }

  /** The CSV or its .meta.csv (one file per click: browsers block several at once). */
  protected override render(): TemplateResult | typeof nothing {
    const partnership = this.partnership;
    if (partnership === undefined) return nothing;
    const basisTag: Provenance | undefined =
      this.basis === 'illustrative'
        ? 'illustrative'
        : this.basis === 'imported'
          ? 'imported'
          : undefined;
    const columns: TableColumn<Row>[] = [
      { key: 'subject', label: 'Subject', rowHeader: true, value: (row) => row.subject },
      { key: 'phase', label: 'Phase', value: (row) => row.phase },
      ...this.entryYears.map((year): TableColumn<Row> => ({
        key: year,
        label: `Entry year ${year}: median (P10 to P90)`,
        numeric: true,
        value: (row) => {
          const cell = row.cells.get(year);
          if (cell === undefined) return 'x';
          return html`${rangeCell(cell.forecast, `${row.subject} ${year}`)}
          ${
            cell.intelligence !== 0
              ? html`<span class="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0"
                  >includes ${formatChange(cell.intelligence)} local intelligence</span
                >`
              : nothing
          }`;
        },
      })),
    ];
    return html`
      <h2 class="govuk-heading-m" id="tsp-partnership-forecast-heading">
        Forecast NQT demand${provenanceTag('estimated')}${provenanceTag(basisTag)}
      </h2>
      <p class="govuk-body">
        Newly qualified teachers (FTE) its partner schools will need, by the entry year of the
        trainees who would fill the posts a year later. Each school carries its share of its
        district’s forecast need (its pupils over the district’s pupils of the phase); the
        partnership counts its share of its partner schools, plus its local intelligence. The
        district forecast is the supply model’s, run ${formatCount(FORECAST_RUN.drawCount)} times
        with seeded random inputs: the median and the 10th to 90th percentile range. Totals add the
        percentiles of each subject, so their ranges are if anything too wide.
      </p>
      <tsp-table
        caption="Forecast NQT demand of ${partnership.name} by subject and entry year (FTE)"
        .columns=${columns}
        .rows=${this.tableRows()}
      ></tsp-table>
      <tsp-download
        label="the forecast"
        .files=${eesFiles(`partnership_forecast_${partnership.code}`, () =>
          partnershipForecastTable(partnership, this.rows, this.basis),
        )}
      ></tsp-download>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-partnership-forecast': TspPartnershipForecast;
  }
}
