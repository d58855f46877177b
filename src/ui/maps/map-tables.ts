/**
 * What the Maps page shows in words beside and under the map: the selected area's summary, and
 * the tables with the map's numbers, the schools shown on it and the chosen partnership's reach.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type {
  AreaIndicator,
  GeographyLevel,
  Partnership,
  RegionDataset,
  School,
} from '../../data/types.ts';
import type { PreparedGeography } from '../../maps/geography.ts';
import { INDEX, LEVEL_IN_TEXT, allocationWeights, formatMaybe, mapTableRows } from './map-view.ts';
import type { MapView } from './map-view.ts';
import { areaRowId } from './tsp-area-table.ts';
import type { IndexChoices } from './tsp-index-builder.ts';
import './tsp-area-table.ts';
import './tsp-partnership-reach.ts';
import './tsp-school-table.ts';

/** The schools of the phase chosen ('all' for every phase, '' for none). */
export function shownSchools(dataset: RegionDataset, phase: string): School[] {
  return dataset.schools.filter(
    (school) => phase === 'all' || (phase !== '' && school.phase === phase),
  );
}

/** The selected area's value and cold-spot rank, with a link to its row in the table. */
export function selectedAreaSummary(
  geography: PreparedGeography,
  view: MapView,
  selectedCode: string,
  districtName: (code: string) => string,
): TemplateResult {
  const area = geography.areas.find((candidate) => candidate.code === selectedCode);
  const indexed = view.index?.areas.find((candidate) => candidate.areaCode === selectedCode);
  return html`<div class="govuk-inset-text" aria-live="polite" data-testid="selected-area">
    ${
      area
        ? html`<strong>${area.name}</strong> (${area.code}, ${districtName(area.districtCode)}):
            <span data-testid="selected-value">${formatMaybe(view.values.get(area.code))}</span>
            ${view.unit}.
            ${indexed?.rank ? `Cold-spot rank ${indexed.rank} of ${view.index?.areas.length}` : ''}${indexed?.coldSpot ? ', a cold spot' : ''}.
            <a class="govuk-link" href="#${areaRowId(area.code)}">Go to its row in the table</a>`
        : 'No area selected. Choose one in the list or click the map.'
    }
  </div>`;
}

export interface MapTableChoices {
  level: GeographyLevel;
  display: string;
  indicators: readonly AreaIndicator[];
  choices: IndexChoices;
  selectedCode: string;
  schools: readonly School[];
  partnership: Partnership | undefined;
  districtName: (code: string) => string;
}

/** The map's numbers by area (with z-scores and allocation weights for the index), schools, reach. */
export function mapTables(
  dataset: RegionDataset,
  geography: PreparedGeography,
  view: MapView,
  shown: MapTableChoices,
): TemplateResult {
  const isIndex = shown.display === INDEX;
  const extraHeadings = isIndex
    ? [
        ...(view.index?.standardised ?? []).map((s) => `${s.label}: z-score`),
        ...(shown.level === 'district' ? ['Allocation weight (priority 1)'] : []),
      ]
    : [];
  return html`
    <tsp-area-table
      .rows=${mapTableRows(geography, view, {
        isIndex,
        level: shown.level,
        districtName: shown.districtName,
        weights:
          isIndex && shown.level === 'district'
            ? allocationWeights(
                shown.indicators,
                shown.choices,
                geography.areas.map((area) => area.code),
              )
            : undefined,
      })}
      caption=${`${view.title} by ${LEVEL_IN_TEXT[shown.level]}`}
      valueHeading=${view.unit ? `Value (${view.unit})` : 'Value'}
      .extraHeadings=${extraHeadings}
      ?showRank=${isIndex}
      selectedCode=${shown.selectedCode}
    ></tsp-area-table>
    ${
      shown.schools.length
        ? html`<tsp-school-table
            .schools=${shown.schools}
            .districtNames=${new Map(dataset.districts.map((district) => [district.code, district.name]))}
          ></tsp-school-table>`
        : nothing
    }
    <tsp-partnership-reach
      .partnership=${shown.partnership}
      .districts=${dataset.districts}
    ></tsp-partnership-reach>
  `;
}
