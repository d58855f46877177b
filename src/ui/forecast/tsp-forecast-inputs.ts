import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Phase, Provenance, RegionDataset } from '../../data/types.ts';
import {
  PARAMETER_DOCS,
  countedPupilYears,
  countedPupilYearsText,
  nationalDataset,
  weakestProvenance,
  type ModelParameters,
} from '../../model/index.ts';
import { provenanceTag } from '../provenance-tag.ts';
import { ROUTES } from '../routes.ts';
import { ALL_SUBJECTS, ENGLAND_NATIONAL, type ForecastChoices } from './forecast-view.ts';

/** Plain names of the model's parameters, for the list of assumptions. */
const PARAMETER_NAMES: Record<keyof ModelParameters, string> = {
  planningEntryYears: 'Entry years planned',
  projectionYears: 'Projection years',
  demandMode: 'How demand follows pupils',
  elasticity: 'Pupil-teacher elasticity',
  pupilTeacherRatio: 'Pupil:teacher ratio',
  baseShortfallRate: 'Base-year shortage',
  inductionYears: 'Length of induction',
  ectTimetableReduction: 'Early career teacher timetable reduction',
  subjectStockShares: 'Secondary teachers by subject',
  stageShares: 'Teachers by career stage',
  leaverRates: 'Leaving rates',
  progressionRates: 'Progression between career stages',
  workingHourLossRate: 'Working-hour losses',
  returners: 'Returners',
  newToSector: 'New to the state-funded sector',
  postgraduatePipeline: 'Trainees already recruited',
  otherRoutes: 'Other routes into teaching',
  ftePerHead: 'FTE per newly qualified teacher',
  completionRate: 'ITT completion rate',
  employmentRate: 'Employment rate of new qualifiers',
  localLeavers: 'Local leaver data',
  leaverRateBetweenAreaSd: 'Spread of leaving rates between areas',
  netMovers: 'Teachers moving between areas',
  uncertainty: 'Monte Carlo spreads',
};

/** Which years' pupils of the phase are census counts, for the chosen districts. */
function countedText(region: RegionDataset, phase: Phase, districtCodes?: string[]): string {
  const counted = countedPupilYears(region, phase, districtCodes);
  return countedPupilYearsText({ primary: counted, secondary: counted });
}

interface InputRow {
  name: string;
  provenance: Provenance;
  method: string;
}

/**
 * Where the forecast's inputs come from, for the chosen area: which are estimated or
 * illustrative (tagged), every model assumption with its source, and how the need is
 * calculated, with a link to the data sources page.
 *
 * @summary Provenance of the forecast's inputs and method.
 */
@customElement('tsp-forecast-inputs')
export class TspForecastInputs extends LitElement {
  @property({ attribute: false }) region: RegionDataset | undefined;
  @property({ attribute: false }) choices: ForecastChoices | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private inputRows(region: RegionDataset, choices: ForecastChoices): InputRow[] {
    if (choices.area === ENGLAND_NATIONAL) {
      return [
        {
          name: 'Teachers and pupils in the base year and pupil projections',
          provenance: 'published',
          method: `National Teacher Workforce Model, file 1: pupils and teacher FTE for England. ${countedText(nationalDataset(region), choices.phase)}`,
        },
      ];
    }
    const oneDistrict = region.districts.some((d) => d.code === choices.area);
    const baselines = region.baselines.filter(
      (b) => b.phase === choices.phase && (!oneDistrict || b.districtCode === choices.area),
    );
    const projections = region.pupilProjections.filter(
      (p) => p.phase === choices.phase && baselines.some((b) => b.districtCode === p.districtCode),
    );
    const rows: InputRow[] = [
      {
        name: 'District teacher FTE in the base year',
        provenance: weakestProvenance(baselines.map((b) => b.teacherFteProvenance)),
        method: baselines[0]?.method ?? '',
      },
      {
        name: 'Pupil numbers and projections',
        provenance: weakestProvenance([
          ...baselines.map((b) => b.pupilsProvenance),
          ...projections.map((p) => p.provenance),
        ]),
        method: `${projections[0]?.method ?? ''} ${countedText(
          region,
          choices.phase,
          baselines.map((b) => b.districtCode),
        )}`,
      },
    ];
    if (choices.phase === 'secondary') {
      const shares = region.subjectShares.filter(
        (s) => choices.subject === ALL_SUBJECTS || s.subject === choices.subject,
      );
      rows.push({
        name: 'Secondary subject shares of teaching',
        provenance: weakestProvenance(shares.map((s) => s.provenance)),
        method: shares[0]?.method ?? '',
      });
    }
    return rows;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.region || !this.choices) return nothing;
    const uncertainty = PARAMETER_DOCS.uncertainty;
    const rows: InputRow[] = [
      ...this.inputRows(this.region, this.choices),
      {
        name: 'Monte Carlo spreads',
        provenance: uncertainty.provenance,
        method: uncertainty.source,
      },
    ];
    return html`<h2 class="govuk-heading-m">Where the numbers come from</h2>
      <dl class="govuk-summary-list" data-testid="forecast-inputs">
        ${rows.map(
          (row) =>
            html`<div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">${row.name}${provenanceTag(row.provenance)}</dt>
              <dd class="govuk-summary-list__value">${row.method}</dd>
            </div>`,
        )}
      </dl>
      <details class="govuk-details">
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">How this is calculated</span>
        </summary>
        <div class="govuk-details__text">
          <p class="govuk-body">
            The model follows the method of the Department for Education's Teacher Workforce Model
            for each district, phase and secondary subject. Demand for teachers follows pupil
            numbers. Each year the teachers in post lose leavers and working hours and gain
            returners, teachers new to state-funded schools and newly qualified teachers from other
            routes. The NQTs needed fill the gap between demand and the teachers left; a shortage
            carries forward, a surplus does not reduce the need.
          </p>
          <p class="govuk-body">
            Trainees needed = NQTs needed ÷ (FTE per head × completion rate × employment rate), for
            trainees starting the year before. The Monte Carlo draws vary leaving and returner
            rates, the elasticity, pupil projections (more so further ahead) and completion and
            employment rates, and run in background workers so the page stays responsive.
          </p>
          <p class="govuk-body">
            Every source, date and licence is on the
            <a class="govuk-link" href=${ROUTES.dataSources.path} data-route>data sources page</a>.
          </p>
          <dl class="govuk-summary-list govuk-summary-list--no-border">
            ${(Object.keys(PARAMETER_NAMES) as (keyof ModelParameters)[]).map(
              (key) =>
                html`<div class="govuk-summary-list__row">
                  <dt class="govuk-summary-list__key">
                    ${PARAMETER_NAMES[key]}${provenanceTag(PARAMETER_DOCS[key].provenance)}
                  </dt>
                  <dd class="govuk-summary-list__value">${PARAMETER_DOCS[key].source}</dd>
                </div>`,
            )}
          </dl>
        </div>
      </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-forecast-inputs': TspForecastInputs;
  }
}
