import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { allocationTable } from '../../allocation/csv.ts';
import type { AllocationProblem } from '../../allocation/problem.ts';
import type { AllocationSolution, PlanAllocation } from '../../allocation/solution.ts';
import { renderBarChart } from '../../charts/bar-chart.ts';
import { formatCount, formatDecimal } from '../format.ts';
import { provenanceTag } from '../provenance-tag.ts';
import type { TableColumn } from '../tsp-table.ts';
import { subjectTotals, subjectTotalsTable, type SubjectTotal } from './subject-totals.ts';
import '../tsp-chart.ts';
import '../tsp-table.ts';
import { govukOptions, govukSelect } from '../govuk-field.ts';
import { eesFiles } from '../tsp-download.ts';
import {
  parseAcademicYear,
  previousAcademicYear,
  toTimePeriod,
  type AcademicYear,
} from '../../data/academic-year.ts';

const places = (value: number) =>
  Number.isInteger(value) ? formatCount(value) : formatDecimal(value);
const signed = (value: number) => (value > 0 ? `+${places(value)}` : places(value));

/**
 * The allocation: places by subject against the year before as a chart, its table and its
 * CSV, then every partnership x subject plan for the chosen entry year with the change from
 * the year before (last year's allocation for the first year), and the full EES download.
 *
 * @summary Allocation tables, chart and downloads.
 */
@customElement('tsp-allocation-places')
export class TspAllocationPlaces extends LitElement {
  @property({ attribute: false }) problem: AllocationProblem | undefined;
  @property({ attribute: false }) solution: AllocationSolution | undefined;
  /** True when the plans behind the result are illustrative. */
  @property({ type: Boolean }) illustrative = false;

  @state() private entryYear: AcademicYear | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private previousLabel(year: AcademicYear, first: AcademicYear): string {
    return year === first ? 'Last year' : previousAcademicYear(year);
  }

  protected override render(): TemplateResult | typeof nothing {
    const { problem, solution } = this;
    if (!problem || !solution) return nothing;
    const first = problem.entryYears[0]!;
    const year =
      this.entryYear !== undefined && problem.entryYears.includes(this.entryYear)
        ? this.entryYear
        : first;
    const label = year;
    const before = this.previousLabel(year, first);
    const totals = subjectTotals(solution, year);
    const draw = (width: number) =>
      renderBarChart(
        totals.map((total) => ({
          label: total.subject,
          values: [total.places, total.previousPlaces],
        })),
        {
          title: `Places by subject, ${label}`,
          series: [label, before],
          valueLabel: 'Places',
          width,
          formatValue: places,
        },
        document,
      );
    const totalColumns: TableColumn<SubjectTotal>[] = [
      { key: 'subject', label: 'Subject', rowHeader: true, value: (row) => row.subject },
      { key: 'places', label: label, numeric: true, value: (row) => places(row.places) },
      { key: 'before', label: before, numeric: true, value: (row) => places(row.previousPlaces) },
      {
        key: 'change',
        label: 'Change',
        numeric: true,
        value: (row) => signed(row.places - row.previousPlaces),
      },
    ];
    const rows = solution.places.filter(
      (row) => row.entryYear === year && (row.places > 0 || row.previousPlaces > 0),
    );
    const capacities = new Map(
      problem.plans.map((plan) => [`${plan.partnershipCode}|${plan.subject}|${plan.route}`, plan]),
    );
    const planColumns: TableColumn<PlanAllocation>[] = [
      {
        key: 'partnership',
        label: 'Partnership',
        rowHeader: true,
        value: (r) => r.partnershipName,
      },
      { key: 'subject', label: 'Subject', value: (r) => r.subject },
      { key: 'route', label: 'Route', value: (r) => r.route },
      { key: 'places', label: 'Places', numeric: true, value: (r) => places(r.places) },
      { key: 'before', label: before, numeric: true, value: (r) => places(r.previousPlaces) },
      {
        key: 'change',
        label: 'Change',
        numeric: true,
        value: (r) => signed(r.places - r.previousPlaces),
      },
      {
        key: 'capacity',
        label: 'Capacity',
        numeric: true,
        value: (r) =>
          places(capacities.get(`${r.partnershipCode}|${r.subject}|${r.route}`)?.capacity ?? 0),
      },
      {
        key: 'nqts',
        label: `Expected NQTs`,
        numeric: true,
        value: (r) => formatDecimal(r.expectedNqts),
      },
    ];
    const tag = this.illustrative ? provenanceTag('illustrative') : nothing;
    return html`
      <h2 class="govuk-heading-m" id="alloc-places">Allocation by partnership and subject${tag}</h2>
      ${govukSelect({
        id: 'alloc-entry-year',
        label: 'Entry year',
        options: govukOptions(problem.entryYears),
        selected: year,
        onChange: (value) => (this.entryYear = parseAcademicYear(value) ?? undefined),
      })}
      <h3 class="govuk-heading-s">Places by subject, ${label} against ${before.toLowerCase()}</h3>
      <tsp-chart .draw=${draw}></tsp-chart>
      <tsp-table
        caption="Places by subject, ${label} and ${before.toLowerCase()}"
        .columns=${totalColumns}
        .rows=${totals}
      ></tsp-table>
      <tsp-download
        label="places by subject, ${label}"
        .files=${eesFiles(`allocation-by-subject-${toTimePeriod(year)}`, () =>
          subjectTotalsTable(problem, totals, year),
        )}
      ></tsp-download>
      <tsp-table
        caption="Places per partnership and subject, ${label} (${formatCount(rows.length)} plans with places either year)"
        .columns=${planColumns}
        .rows=${rows}
      ></tsp-table>
      <tsp-download
        label="the allocation, every entry year"
        .files=${eesFiles('allocation', () => allocationTable(problem, solution))}
      ></tsp-download>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-allocation-places': TspAllocationPlaces;
  }
}
