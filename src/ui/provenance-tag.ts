import { html, nothing, type TemplateResult } from 'lit';
import type { Provenance } from '../data/types.ts';

/**
 * A small GOV.UK tag after a figure that is not a published statistic, so estimated and
 * illustrative numbers are never mistaken for official ones.
 */
export function provenanceTag(provenance: Provenance | undefined): TemplateResult | typeof nothing {
  switch (provenance) {
    case 'estimated':
      return html` <strong class="govuk-tag govuk-tag--yellow">Estimated</strong>`;
    case 'illustrative':
      return html` <strong class="govuk-tag govuk-tag--orange">Illustrative</strong>`;
    case 'imported':
      return html` <strong class="govuk-tag govuk-tag--blue">Your data</strong>`;
    default:
      return nothing;
  }
}

/** The least certain provenance of the inputs, so a figure made from illustrative ones says so. */
export function combinedProvenance(provenances: readonly Provenance[]): Provenance {
  for (const weakest of ['illustrative', 'imported', 'estimated'] as const) {
    if (provenances.includes(weakest)) return weakest;
  }
  return 'derived';
}
