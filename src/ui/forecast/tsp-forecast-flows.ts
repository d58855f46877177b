import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatDecimal } from '../format.ts';
import type { TableColumn } from '../tsp-table.ts';
import '../tsp-table.ts';
import { fileStem, flowsTable } from './forecast-files.ts';
import {
  FLOW_OUTPUTS,
  selectionLabel,
  type FlowOutput,
  type ForecastView,
} from './forecast-view.ts';
import { FLOW_LABELS } from './labels.ts';
import { eesFiles } from '../tsp-download.ts';

/**
 * Demand, supply and the flows in and out of the teacher stock behind the need, for each
 * shown year of the central projection, with a download.
 *
 * @summary Demand, supply and flows table.
 */
@customElement('tsp-forecast-flows')
export class TspForecastFlows extends LitElement {
  @property({ attribute: false }) view: ForecastView | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult | typeof nothing {
    const view = this.view;
    if (!view) return nothing;
    const columns: TableColumn<FlowOutput>[] = [
      { key: 'measure', label: 'Measure', rowHeader: true, value: (name) => FLOW_LABELS[name] },
      ...view.flows.map((flow): TableColumn<FlowOutput> => ({
        key: flow.nqtYear,
        label: flow.status === 'extrapolated' ? `${flow.nqtYear} (extrapolated)` : flow.nqtYear,
        numeric: true,
        value: (name) => formatDecimal(flow.values[name]),
      })),
    ];
    return html`<h2 class="govuk-heading-m">Demand, supply and flows</h2>
      <p class="govuk-body">
        The central projection behind the need, by academic year. Demand and supply count teaching
        capacity: a teacher in the first induction year teaches 90% of a timetable and one in the
        second 95%. Leavers, returners and new entrants are contract FTE.
      </p>
      <tsp-table
        data-testid="forecast-flows-table"
        caption="Demand, supply and flows, ${selectionLabel(view)} (FTE, central projection)"
        .columns=${columns}
        .rows=${[...FLOW_OUTPUTS]}
      ></tsp-table>
      <tsp-download
        label="demand, supply and flows"
        .files=${eesFiles(`forecast-flows-${fileStem(view)}`, () => flowsTable(view))}
      ></tsp-download>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-forecast-flows': TspForecastFlows;
  }
}
