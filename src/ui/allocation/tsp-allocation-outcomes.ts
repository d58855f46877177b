import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { districtOutcomeTable } from '../../allocation/csv.ts';
import type { AllocationProblem } from '../../allocation/problem.ts';
import type { AllocationSolution, DistrictOutcome } from '../../allocation/solution.ts';
import type { SubjectGroup } from '../../data/types.ts';
import { formatDecimal } from '../format.ts';
import { provenanceTag } from '../provenance-tag.ts';
import type { TableColumn } from '../tsp-table.ts';
import '../tsp-table.ts';
import { govukOptions, govukSelect, subjectFilter } from '../govuk-field.ts';
import { eesFiles } from '../tsp-download.ts';
import { parseAcademicYear, type AcademicYear } from '../../data/academic-year.ts';

const ALL = '';

/**
 * Need, supply, unmet need and surplus by district x subject x NQT year: where the plan
 * leaves schools short and where it sends more NQTs than needed, with the weight that made
 * each unmet teacher cost what it did.
 *
 * @summary Unmet need and surplus by district.
 */
@customElement('tsp-allocation-outcomes')
export class TspAllocationOutcomes extends LitElement {
  @property({ attribute: false }) problem: AllocationProblem | undefined;
  @property({ attribute: false }) solution: AllocationSolution | undefined;

  @state() private nqtYear: AcademicYear | undefined;
  @state() private subject: SubjectGroup | typeof ALL = ALL;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult | typeof nothing {
    const { problem, solution } = this;
    if (!problem || !solution) return nothing;
    const years = [...new Set(solution.outcomes.map((o) => o.nqtYear))].sort();
    const year =
      this.nqtYear !== undefined && years.includes(this.nqtYear) ? this.nqtYear : years[0];
    if (year === undefined) return nothing;
    const inYear = solution.outcomes.filter((o) => o.nqtYear === year);
    const sum = (key: 'need' | 'supply' | 'unmet' | 'surplus') =>
      inYear.reduce((total, o) => total + o[key], 0);
    const rows = inYear.filter(
      (o) =>
        (this.subject === ALL || o.subject === this.subject) &&
        (o.need > 0.005 || o.supply > 0.005),
    );
    const columns: TableColumn<DistrictOutcome>[] = [
      { key: 'district', label: 'District', rowHeader: true, value: (o) => o.districtName },
      { key: 'subject', label: 'Subject', value: (o) => o.subject },
      { key: 'need', label: 'NQT need', numeric: true, value: (o) => formatDecimal(o.need) },
      {
        key: 'supply',
        label: 'NQTs supplied',
        numeric: true,
        value: (o) => formatDecimal(o.supply),
      },
      { key: 'unmet', label: 'Unmet need', numeric: true, value: (o) => formatDecimal(o.unmet) },
      { key: 'surplus', label: 'Surplus', numeric: true, value: (o) => formatDecimal(o.surplus) },
      {
        key: 'weight',
        label: 'Weight of an unmet teacher',
        numeric: true,
        value: (o) => formatDecimal(o.weight),
      },
    ];
    const label = year;
    return html`
      <h2 class="govuk-heading-m" id="alloc-outcomes">
        Unmet need and surplus by district${provenanceTag('estimated')}
      </h2>
      <p class="govuk-body">
        NQT need is the supply model's central projection, built on estimated district teacher
        numbers. NQTs supplied are the allocation's places x completion x employment, spread by each
        partnership's employment footprint, in the year the trainees qualify.
      </p>
      <div class="govuk-grid-row">
        ${govukSelect({
          id: 'alloc-outcome-year',
          label: 'Year the NQTs start work',
          groupClass: 'govuk-grid-column-one-half',
          options: govukOptions(years),
          selected: year,
          onChange: (value) => (this.nqtYear = parseAcademicYear(value) ?? undefined),
        })}
        ${subjectFilter('alloc-outcome-subject', this.subject, (value) => (this.subject = value))}
      </div>
      <p class="govuk-body" data-testid="allocation-outcome-summary">
        Across the region in ${label}: NQT need ${formatDecimal(sum('need'))}, supplied by this
        allocation ${formatDecimal(sum('supply'))}, unmet ${formatDecimal(sum('unmet'))}, surplus
        ${formatDecimal(sum('surplus'))} (full-time equivalent teachers).
      </p>
      <tsp-table
        caption="Need, supply, unmet need and surplus, ${label}"
        .columns=${columns}
        .rows=${rows}
      ></tsp-table>
      <tsp-download
        label="unmet need and surplus, every year"
        .files=${eesFiles('allocation-districts', () => districtOutcomeTable(problem, solution))}
      ></tsp-download>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-allocation-outcomes': TspAllocationOutcomes;
  }
}
